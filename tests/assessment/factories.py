"""Builders of assessment campaigns and participants on the seeded instruments."""

import datetime

from django.utils import timezone

from assessment.models import (
    Campaign,
    CampaignInstrument,
    CampaignStatus,
    CompetencyFramework,
    Instrument,
    InstrumentKind,
    Participant,
    PositionGroup,
)
from candidates.models import Candidate, NominationStatus
from governance.selectors import regulation_in_force
from tests.candidates.factories import make_nomination

ALL_KINDS: tuple[str, ...] = tuple(InstrumentKind.values)


def current_framework() -> CompetencyFramework:
    """Return the framework in force (seeded by migration 0002)."""
    return CompetencyFramework.objects.get(is_current=True)


def seeded_instrument(kind: str, framework: CompetencyFramework | None = None) -> Instrument:
    """Return the instrument of the kind that migration 0003 seeded for the framework."""
    framework = framework or current_framework()
    return Instrument.objects.filter(framework=framework, kind=kind).order_by("id").first()


def make_campaign(
    *,
    kinds: tuple[str, ...] | list[str] = ALL_KINDS,
    status: str = CampaignStatus.ACTIVE,
    name: str = "Оценка кандидатов 2026",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    deadline: datetime.date | None = None,
    weights: dict[str, int] | None = None,
    pass_threshold: int = 60,
    disagreement_threshold: int = 1,
) -> Campaign:
    """Create a campaign with the seeded instruments of the kinds, weights from the Regulation."""
    today = timezone.localdate()
    starts_on = starts_on or today - datetime.timedelta(days=7)
    ends_on = ends_on or today + datetime.timedelta(days=30)
    deadline = deadline or ends_on
    framework = current_framework()
    campaign = Campaign.objects.create(
        name=name,
        framework=framework,
        status=status,
        starts_on=starts_on,
        ends_on=ends_on,
        pass_threshold=pass_threshold,
        disagreement_threshold=disagreement_threshold,
    )
    default_weights = regulation_in_force().assessment_weights
    for kind in kinds:
        CampaignInstrument.objects.create(
            campaign=campaign,
            instrument=seeded_instrument(kind, framework),
            weight=(weights or default_weights).get(kind, 0),
            deadline=deadline,
        )
    return campaign


def campaign_instrument(campaign: Campaign, kind: str) -> CampaignInstrument:
    """Return the campaign's instrument of the kind."""
    return CampaignInstrument.objects.select_related("instrument").get(
        campaign=campaign, instrument__kind=kind
    )


def make_participant(
    *,
    campaign: Campaign,
    candidate: Candidate | None = None,
    position_group: str = PositionGroup.HEAD,
    **candidate_kwargs,
) -> Participant:
    """Add a candidate (new unless given) to the campaign through a nomination in «оценка»."""
    nomination = make_nomination(
        candidate=candidate, status=NominationStatus.ASSESSMENT, **candidate_kwargs
    )
    return Participant.objects.create(
        campaign=campaign,
        candidate=nomination.candidate,
        nomination=nomination,
        position_group=position_group,
        municipality=nomination.municipality,
    )

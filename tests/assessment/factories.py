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
    position_group: str | None = None,
    **candidate_kwargs,
) -> Participant:
    """Add a candidate (new unless given) to the campaign through a nomination in «оценка».

    The post is the nomination's (position_code=…, a school director by default); the position
    group follows it unless given.
    """
    nomination = make_nomination(
        candidate=candidate, status=NominationStatus.ASSESSMENT, **candidate_kwargs
    )
    if position_group is None:
        is_head = nomination.position_kind.is_head
        position_group = PositionGroup.HEAD if is_head else PositionGroup.DEPUTY
    return Participant.objects.create(
        campaign=campaign,
        candidate=nomination.candidate,
        nomination=nomination,
        position_group=position_group,
        position_kind=nomination.position_kind,
        municipality=nomination.municipality,
    )


# --- Raw answers and ratings, for the staff, expert and results tests ------------------------


def make_expert(*, organization=None, username: str | None = None, **names):
    """Create a user with the expert role and, when given, their place of work."""
    from accounts.models import Role
    from assessment.models import ExpertProfile
    from tests.factories import UserFactory

    user = UserFactory(role=Role.EXPERT, **({"username": username} if username else {}), **names)
    if organization is not None:
        ExpertProfile.objects.create(user=user, organization=organization)
    return user


def submit_self_assessment(participant: Participant, values: dict[str, int]):
    """Submit a self-assessment answering every indicator of a competency with its value."""
    from assessment.models import Indicator, Response

    ci = campaign_instrument(participant.campaign, InstrumentKind.SELF_ASSESSMENT)
    answers = {
        str(indicator_id): values[code]
        for indicator_id, code in Indicator.objects.filter(instrument=ci.instrument).values_list(
            "id", "competency__code"
        )
        if code in values
    }
    return Response.objects.create(
        participant=participant,
        campaign_instrument=ci,
        answers=answers,
        submitted_at=timezone.now(),
    )


def submit_test(participant: Participant, counts: dict[str, tuple[int, int]]):
    """Record a finished test attempt with {competency code: (correct, asked)}."""
    from assessment.models import TestAttempt

    ci = campaign_instrument(participant.campaign, InstrumentKind.KNOWLEDGE_TEST)
    now = timezone.now()
    return TestAttempt.objects.create(
        participant=participant,
        campaign_instrument=ci,
        started_at=now - datetime.timedelta(minutes=20),
        deadline_at=now + datetime.timedelta(minutes=20),
        submitted_at=now,
        score_by_competency={code: list(pair) for code, pair in counts.items()},
    )


def add_feedback(participant: Participant, relation: str, values: dict[str, int], *, times=1):
    """Record anonymous 360° answers from `times` colleagues of one relation group."""
    from assessment.models import FeedbackResponse, Indicator

    ci = campaign_instrument(participant.campaign, InstrumentKind.FEEDBACK_360)
    answers = {
        str(indicator_id): values[code]
        for indicator_id, code in Indicator.objects.filter(instrument=ci.instrument).values_list(
            "id", "competency__code"
        )
        if code in values
    }
    return [
        FeedbackResponse.objects.create(
            participant=participant,
            campaign_instrument=ci,
            relation=relation,
            answers=answers,
            submitted_on=timezone.localdate(),
        )
        for _ in range(times)
    ]


def assign_expert(participant: Participant, kind: str, expert, *, declared: bool = True):
    """Assign the expert to the participant's instrument of the kind (no conflict declared)."""
    from assessment.models import ExpertAssignment

    return ExpertAssignment.objects.create(
        participant=participant,
        campaign_instrument=campaign_instrument(participant.campaign, kind),
        expert=expert,
        no_conflict_declared_at=timezone.now() if declared else None,
    )


def rate(assignment, scores: dict[str, int], *, submitted: bool = True, comment: str = ""):
    """Store the expert's scores by competency code on the rubric; submitted unless asked not."""
    instrument = assignment.campaign_instrument.instrument
    variant = instrument.variant_for(assignment.participant.position_kind_id)
    criteria = dict(instrument.criteria_for(variant).values_list("competency__code", "id"))
    assignment.scores = {str(criteria[code]): value for code, value in scores.items()}
    assignment.comment = comment
    assignment.submitted_at = timezone.now() if submitted else None
    assignment.save()
    return assignment


def hand_in(participant: Participant, kind: str, text: str = "Решение кейса: диагностика, план."):
    """Store the participant's handed-in written work on the instrument of the kind."""
    from assessment.models import WorkSubmission

    return WorkSubmission.objects.create(
        participant=participant,
        campaign_instrument=campaign_instrument(participant.campaign, kind),
        text=text,
        submitted_at=timezone.now(),
    )

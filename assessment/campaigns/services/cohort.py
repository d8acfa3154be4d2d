"""The campaign's cohort: nominations in «оценка» and reservists due for re-assessment."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from assessment.campaigns.selectors.cohort import memberships_due_for_reassessment
from assessment.models import Campaign, CampaignStatus, Participant, PositionGroup
from audit.models import AuditSource
from audit.services import Change, audit_record, audit_record_bulk
from candidates.models import MembershipStatus, Nomination, NominationStatus, ReserveMembership


def position_group_of(position_kind) -> PositionGroup:
    """Return the position group whose target levels apply to a position kind."""
    return PositionGroup.HEAD if position_kind.is_head else PositionGroup.DEPUTY


@dataclass(frozen=True)
class CohortOutcome:
    added: int
    skipped: list[str]


def campaign_add_participants(
    *,
    campaign: Campaign,
    nominations: Iterable[Nomination] = (),
    memberships: Iterable[ReserveMembership] = (),
    actor,
    today: datetime.date,
    request: HttpRequest | None = None,
) -> CohortOutcome:
    """Add nominations in «оценка» and reservists due for re-assessment to the cohort."""
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if locked.status == CampaignStatus.CLOSED:
            raise ValidationError("Кампания завершена: состав участников не меняется.")
        present = set(
            Participant.objects.filter(campaign=locked).values_list("candidate_id", flat=True)
        )
        skipped: list[str] = []
        rows: list[Participant] = []
        for nomination in Nomination.objects.filter(
            pk__in=[n.pk for n in nominations]
        ).select_related("candidate", "position_kind"):
            if nomination.status != NominationStatus.ASSESSMENT:
                skipped.append(f"{nomination.candidate}: заявка не в статусе «оценка»")
            elif nomination.candidate_id in present:
                skipped.append(f"{nomination.candidate}: уже в кампании")
            else:
                present.add(nomination.candidate_id)
                rows.append(
                    Participant(
                        campaign=locked,
                        candidate=nomination.candidate,
                        nomination=nomination,
                        position_group=position_group_of(nomination.position_kind),
                        position_kind=nomination.position_kind,
                        municipality_id=nomination.municipality_id,
                    )
                )
        due = set(memberships_due_for_reassessment(today=today).values_list("pk", flat=True))
        for membership in ReserveMembership.objects.filter(
            pk__in=[m.pk for m in memberships]
        ).select_related("candidate", "position_kind"):
            if membership.status != MembershipStatus.ACTIVE or membership.pk not in due:
                skipped.append(f"{membership.candidate}: повторная оценка не требуется")
            elif membership.candidate_id in present:
                skipped.append(f"{membership.candidate}: уже в кампании")
            else:
                present.add(membership.candidate_id)
                rows.append(
                    Participant(
                        campaign=locked,
                        candidate=membership.candidate,
                        membership=membership,
                        position_group=position_group_of(membership.position_kind),
                        position_kind=membership.position_kind,
                        municipality_id=membership.municipality_id,
                    )
                )
        created = Participant.objects.bulk_create(rows)
        audit_record_bulk(
            actor=actor,
            changes=[
                Change(
                    "assessment.participant.create",
                    participant,
                    {"кампания": (None, str(locked))},
                )
                for participant in created
            ],
            source=AuditSource.WEB,
            request=request,
        )
    return CohortOutcome(added=len(created), skipped=skipped)


def participant_remove(
    *, participant: Participant, actor, request: HttpRequest | None = None
) -> None:
    """Take a participant out of a campaign that has not started."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=participant.campaign_id)
        if campaign.status != CampaignStatus.DRAFT:
            raise ValidationError("Исключить участника можно только до начала кампании.")
        audit_record(
            actor=actor,
            action="assessment.participant.delete",
            obj=participant,
            changes={"кампания": (str(campaign), None)},
            request=request,
        )
        participant.delete()

"""Builders of commissions, meetings, agendas and memberships for the commission tests."""

import datetime

from django.utils import timezone

from accounts.models import Role
from candidates.models import (
    AgendaItem,
    Commission,
    CommissionMeeting,
    CommissionMember,
    CommissionRole,
    MembershipEvent,
    NominationStatus,
    ReserveMembership,
)
from candidates.services.commission import agenda_item_add, vote_cast
from tests.candidates.factories import make_nomination
from tests.factories import UserFactory

MEETING_DATE = datetime.date(2026, 3, 16)


def make_commission(*members, name: str = "Комиссия по формированию кадрового резерва"):
    """Create a commission; members are (user, role) pairs."""
    commission = Commission.objects.create(name=name)
    for user, role in members:
        CommissionMember.objects.create(commission=commission, user=user, role=role)
    return commission


def make_full_commission(chair=None, secretary=None, members: int = 3) -> Commission:
    """Create a commission of a chair, a secretary and some experts (five people by default)."""
    chair = chair or UserFactory(role=Role.EXPERT, last_name="Председателева")
    secretary = secretary or UserFactory(role=Role.MINISTRY, last_name="Секретарёва")
    pairs = [(chair, CommissionRole.CHAIR), (secretary, CommissionRole.SECRETARY)]
    pairs += [
        (UserFactory(role=Role.EXPERT, last_name=f"Экспертова-{n}"), CommissionRole.MEMBER)
        for n in range(members)
    ]
    return make_commission(*pairs)


def make_meeting(
    commission: Commission, date: datetime.date = MEETING_DATE, *, opened: bool = True
) -> CommissionMeeting:
    """Create a meeting; `opened` as if its secretary had opened it (votes are taken at once)."""
    return CommissionMeeting.objects.create(
        commission=commission,
        date=date,
        opened_at=timezone.now() if opened else None,
        opened_by=seat_holder(commission, CommissionRole.SECRETARY) if opened else None,
    )


def seat_holder(commission: Commission, role: str):
    """Return the user holding the seat on the commission (chair, secretary), or None."""
    member = commission.members.filter(role=role, is_active=True).select_related("user").first()
    return member.user if member is not None else None


def chair_of(meeting: CommissionMeeting):
    """Return the chair of the meeting's commission, who closes its questions."""
    return seat_holder(meeting.commission, CommissionRole.CHAIR)


def secretary_of(meeting: CommissionMeeting):
    """Return the secretary of the meeting's commission."""
    return seat_holder(meeting.commission, CommissionRole.SECRETARY)


def assess(nomination, total: float = 75.0, gaps: list[dict] | None = None):
    """Give the nomination a finished assessment result with the total (and gaps)."""
    from assessment.models import Campaign, CampaignStatus, Participant, Result
    from assessment.models.framework import CompetencyFramework, PositionGroup

    today = datetime.date(2026, 1, 10)
    campaign = Campaign.objects.create(
        name=f"Оценка для заявки {nomination.pk}",
        framework=CompetencyFramework.objects.order_by("-pk").first(),
        status=CampaignStatus.CLOSED,
        starts_on=today,
        ends_on=today,
        pass_threshold=60,
    )
    participant = Participant.objects.create(
        campaign=campaign,
        candidate=nomination.candidate,
        nomination=nomination,
        position_group=(
            PositionGroup.HEAD if nomination.position_kind.is_head else PositionGroup.DEPUTY
        ),
        position_kind=nomination.position_kind,
        municipality=nomination.municipality,
    )
    return Result.objects.create(
        participant=participant,
        total=total,
        passed=total >= 60,
        gaps=gaps or [],
        is_complete=True,
    )


def put_on_agenda(
    meeting: CommissionMeeting,
    actor,
    nomination=None,
    category: str = "operational",
    readiness: str = "ready_now",
    assessed: bool = True,
) -> AgendaItem:
    """Put a nomination (a new one in commission review by default) on the agenda.

    Unless told otherwise it gets a passing assessment result first: the pass mark gates the
    agenda (test_pass_mark.py tests the gate itself).
    """
    nomination = nomination or make_nomination(status=NominationStatus.COMMISSION_REVIEW)
    if assessed and not nomination.assessments.filter(result__isnull=False).exists():
        assess(nomination)
    return agenda_item_add(
        meeting=meeting, nomination=nomination, category=category, readiness=readiness, actor=actor
    )


def vote_all(item: AgendaItem, choices: list[str]) -> None:
    """Let the commission's members, in their order, each cast one of the choices themself."""
    members = list(
        item.meeting.commission.members.filter(is_active=True).select_related("user").order_by("id")
    )
    for member, choice in zip(members, choices, strict=False):
        vote_cast(item=item, member=member, choice=choice, actor=member.user)


def make_membership(
    *,
    started_on: datetime.date = datetime.date(2025, 1, 15),
    term_ends_on: datetime.date | None = None,
    status: str = "active",
    category: str = "operational",
    readiness: str = "ready_now",
    extensions: int = 0,
    **nomination_kwargs,
) -> ReserveMembership:
    """Create a membership of the reserve directly (with its inclusion event)."""
    nomination = make_nomination(status=NominationStatus.INCLUDED, **nomination_kwargs)
    membership = ReserveMembership.objects.create(
        candidate=nomination.candidate,
        nomination=nomination,
        position_kind=nomination.position_kind,
        municipality=nomination.municipality,
        category=category,
        readiness=readiness,
        started_on=None if status == "pending_order" else started_on,
        term_ends_on=None
        if status == "pending_order"
        else term_ends_on or started_on.replace(year=started_on.year + 3),
        extensions=extensions,
        status=status,
        exclusion_ground="own_request" if status == "excluded" else "",
    )
    MembershipEvent.objects.create(
        membership=membership, action="include", to_status="active", reason="Решение комиссии"
    )
    return membership

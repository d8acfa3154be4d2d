"""Builders for the mentoring tests: mentors with strengths, reservists with results, pairs."""

import datetime

from django.utils import timezone

from accounts.models import Role
from assessment.models import Result
from candidates.models import ReserveMembership
from development.models import (
    Mentor,
    MentoringSession,
    Mentorship,
    MentorshipStatus,
    MentorStrength,
    SessionConfirmation,
)
from registry.models import Municipality, Organization, OrganizationKind
from tests.candidates.commission_factories import make_membership
from tests.development.plans_factories import competency, gap  # noqa: F401 - the tests' builders
from tests.development.plans_factories import make_result as make_plans_result
from tests.factories import OrganizationFactory, UserFactory

ORENBURG = "город Оренбург"
ORENBURG_DISTRICT = "Оренбургский муниципальный район"
ORSK = "город Орск"


def municipality(name: str) -> Municipality:
    return Municipality.objects.get(name=name)


def make_organization(name: str = ORENBURG, kind: str = OrganizationKind.GENERAL) -> Organization:
    return OrganizationFactory(municipality=municipality(name), kind=kind)


def make_mentor(
    *,
    municipality_name: str = ORENBURG,
    kind: str = OrganizationKind.GENERAL,
    organization: Organization | None = None,
    strengths: dict[str, int] | None = None,
    capacity: int = 2,
    is_available: bool = True,
    username: str | None = None,
    last_name: str | None = None,
) -> Mentor:
    """Create a mentor (account, record, strengths by competency code)."""
    names = {"username": username} if username else {}
    if last_name:
        names["last_name"] = last_name
    user = UserFactory(role=Role.MENTOR, **names)
    mentor = Mentor.objects.create(
        user=user,
        organization=organization or make_organization(municipality_name, kind),
        position="Директор",
        years_as_head=12,
        capacity=capacity,
        is_available=is_available,
    )
    for code, level in (strengths or {}).items():
        MentorStrength.objects.create(mentor=mentor, competency=competency(code), level=level)
    return mentor


def make_reservist(
    *,
    municipality_name: str = ORENBURG,
    organization: Organization | None = None,
    username: str | None = None,
    **kwargs,
) -> ReserveMembership:
    """Create an active member of the reserve working in the organization, when given."""
    extra = {"username": username} if username else {}
    return make_membership(
        municipality=municipality(municipality_name),
        organization=organization,
        documents=False,
        **extra,
        **kwargs,
    )


def make_result(
    membership: ReserveMembership,
    *,
    scores: dict[str, float],
    gaps: list[dict],
    days_ago: int = 1,
) -> Result:
    """Record a finished assessment of the reservist, completed `days_ago` days ago."""
    return make_plans_result(
        membership,
        scores=scores,
        gaps=gaps,
        completed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def make_pair(
    mentor: Mentor,
    membership: ReserveMembership,
    *,
    status: str = MentorshipStatus.ACTIVE,
    started_on: datetime.date | None = None,
) -> Mentorship:
    """Pair the mentor with the reservist directly (an active pair by default)."""
    today = timezone.localdate()
    return Mentorship.objects.create(
        mentor=mentor,
        mentee=membership.candidate,
        membership=membership,
        status=status,
        started_on=started_on or today - datetime.timedelta(days=90),
        ended_on=today
        if status in (MentorshipStatus.COMPLETED, MentorshipStatus.CANCELLED)
        else None,
    )


def make_session(
    pair: Mentorship,
    *,
    days_ago: int = 7,
    minutes: int = 60,
    confirmation: str = SessionConfirmation.PENDING,
    usefulness: int | None = None,
    comment: str = "",
) -> MentoringSession:
    """Log a meeting of the pair directly, answered or not."""
    return MentoringSession.objects.create(
        mentorship=pair,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        duration_minutes=minutes,
        format="in_person",
        topics="Бюджет школы и закупки",
        confirmation=confirmation,
        usefulness=usefulness,
        mentee_comment=comment or ("Не было встречи" if confirmation == "disputed" else ""),
        answered_at=None if confirmation == SessionConfirmation.PENDING else timezone.now(),
    )

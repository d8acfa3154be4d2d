"""The rows each indicator counts: one function per source, taking (period, today)."""

import datetime

from django.db.models import Exists, OuterRef, Q

from assessment.models import CampaignStatus, Result
from candidates.models import MembershipStatus, Nomination, NominationStatus, ReserveMembership
from core.dates import months_after, years_before
from development.models import (
    WORKING_STATUSES,
    DevelopmentPlan,
    Mentor,
    MentoringSession,
    Mentorship,
    MentorshipStatus,
    PlanItem,
    PlanStatus,
    PulseResponse,
    SessionConfirmation,
)
from monitoring.indicators.base import Period
from monitoring.models import HalfYearReport
from registry.models import Organization
from registry.selectors import CONTRACT_HORIZON_MONTHS, RETIREMENT_SIGNAL_AGE

# The Regulation's readiness «готов сейчас»: the reservists who can fill a vacancy at once.
READY_NOW = "ready_now"

# Nominations the eligibility check let through (whatever happened to them later).
ADMITTED = [
    NominationStatus.ADMITTED,
    NominationStatus.ASSESSMENT,
    NominationStatus.COMMISSION_REVIEW,
    NominationStatus.INCLUDED,
    NominationStatus.REFUSED,
]
CHECKED = [*ADMITTED, NominationStatus.NOT_ADMITTED]
WELLBEING_MIN_GROUP = 5  # as the pulse's own aggregates: no group under five people


def in_reserve(period: Period, today: datetime.date):
    """Return the memberships in the reserve on the day the stocks are counted."""
    day = period.as_of(today)
    return (
        ReserveMembership.objects.filter(started_on__lte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))
        .exclude(status=MembershipStatus.ACTIVE, term_ends_on__lt=day)
    )


def organizations(period, today):
    return Organization.objects.filter(is_active=True)


def nominations(period, today):
    return Nomination.objects.filter(
        submitted_at__date__gte=period.starts_on, submitted_at__date__lte=period.ends_on
    )


def checked(period, today):
    return nominations(period, today).filter(status__in=CHECKED)


def results(period, today):
    return Result.objects.filter(
        participant__campaign__status=CampaignStatus.CLOSED,
        computed_at__date__gte=period.starts_on,
        computed_at__date__lte=period.ends_on,
    )


def with_plan(period, today):
    return Exists(
        DevelopmentPlan.objects.filter(
            membership=OuterRef("pk"),
            status__in=[PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.COMPLETED],
        )
    )


def with_mentor(period, today):
    day = period.as_of(today)
    return Exists(
        Mentorship.objects.filter(
            membership=OuterRef("pk"),
            started_on__lte=day,
            status__in=[MentorshipStatus.ACTIVE, MentorshipStatus.COMPLETED],
        ).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))
    )


def items_due(period, today):
    return PlanItem.objects.filter(
        plan__status__in=[*WORKING_STATUSES, PlanStatus.COMPLETED],
        due_date__gte=period.starts_on,
        due_date__lte=period.as_of(today),
    )


def overdue_items(period, today):
    return PlanItem.objects.filter(plan__status__in=WORKING_STATUSES).filter(
        PlanItem.overdue_condition(period.as_of(today))
    )


def sessions(period, today):
    return MentoringSession.objects.filter(
        confirmation=SessionConfirmation.CONFIRMED,
        date__gte=period.starts_on,
        date__lte=period.ends_on,
    )


def mentors(period, today):
    return Mentor.objects.filter(is_available=True, user__is_active=True)


def reports(period, today):
    return HalfYearReport.objects.filter(
        due_on__gte=period.starts_on, due_on__lte=period.as_of(today)
    ).exclude(first_submitted_at__isnull=True)


def appointed(period, today):
    return ReserveMembership.objects.filter(
        status=MembershipStatus.APPOINTED,
        ended_on__gte=period.starts_on,
        ended_on__lte=period.ends_on,
    )


def pulse(period, today):
    return PulseResponse.objects.filter(
        submitted_on__gte=period.starts_on, submitted_on__lte=period.ends_on
    )


def on_time(report: HalfYearReport) -> str:
    return "с опозданием" if report.is_late else "в срок"


def forecast_vacancies(period: Period, today: datetime.date):
    """Organizations whose head may leave within 12 months of the period's end (registry signals).

    The same early signals as the home pages' «ранние признаки будущих вакансий»: the head's
    contract ends within 12 months, or the head is at the signal age. The onboarding stage's own
    vacancy forecast replaces this source when it lands.
    """
    day = period.as_of(today)
    horizon = months_after(day, CONTRACT_HORIZON_MONTHS)
    return Organization.objects.filter(is_active=True).filter(
        Q(head_contract_end_date__gte=day, head_contract_end_date__lte=horizon)
        | Q(head_birth_date__lte=years_before(day, RETIREMENT_SIGNAL_AGE))
    )


def ready_now(period: Period, today: datetime.date):
    """Reservists in the reserve at the period's end who are ready to be appointed now."""
    return in_reserve(period, today).filter(readiness=READY_NOW)

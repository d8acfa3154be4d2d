"""The rows each indicator counts: one function per source, taking (period, today)."""

import datetime

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from assessment.models import CampaignStatus, Result
from candidates.models import MembershipStatus, Nomination, NominationStatus, ReserveMembership
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
    PulseScale,
    SessionConfirmation,
)
from development.wellbeing.selectors import consenting_author
from monitoring.indicators.base import Period
from monitoring.models import HalfYearReport
from onboarding.access import RESERVE_FOUNDERS
from onboarding.vacancies import forecast
from registry.models import Organization

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
# A mentor's place is taken by a pair proposed or active (development.mentoring's load).
MENTOR_LOAD_STATUSES = (MentorshipStatus.PROPOSED, MentorshipStatus.ACTIVE)
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


def _within(field: str, period: Period) -> Q:
    """Return «the moment falls on a day of the period» (local days) as bounds on the column.

    The same as field__date between the period's days, without converting every row's moment to
    a local date first: at a hundred thousand rows that conversion was most of the query.
    """
    start = timezone.make_aware(datetime.datetime.combine(period.starts_on, datetime.time.min))
    after = timezone.make_aware(
        datetime.datetime.combine(period.ends_on + datetime.timedelta(days=1), datetime.time.min)
    )
    return Q(**{f"{field}__gte": start, f"{field}__lt": after})


def nominations(period, today):
    return Nomination.objects.filter(_within("submitted_at", period))


def checked(period, today):
    return nominations(period, today).filter(status__in=CHECKED)


def results(period, today):
    return Result.objects.filter(
        _within("computed_at", period), participant__campaign__status=CampaignStatus.CLOSED
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


def mentor_places(period, today):
    """Available mentors, each with `free`: capacity less the pairs proposed or active now."""
    load = (
        Mentorship.objects.filter(mentor=OuterRef("pk"), status__in=MENTOR_LOAD_STATUSES)
        .order_by()
        .values("mentor")
        .annotate(taken=Count("pk"))
        .values("taken")
    )
    return mentors(period, today).annotate(
        free=Greatest(F("capacity") - Coalesce(Subquery(load), 0), Value(0))
    )


def waiting_for_mentor(period, today):
    """Reservists in the reserve at the period's end with no mentor then."""
    return in_reserve(period, today).exclude(with_mentor(period, today))


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
    """WHO-5 answers of the period whose authors still consent, as the pulse's own aggregates."""
    return PulseResponse.objects.filter(
        scale=PulseScale.WHO5,
        submitted_on__gte=period.starts_on,
        submitted_on__lte=period.ends_on,
    ).filter(consenting_author())


def on_time(report: HalfYearReport) -> str:
    return "с опозданием" if report.is_late else "в срок"


def forecast_vacancies(period: Period, today: datetime.date, months: int = 12):
    """Organizations whose head's post is forecast to fall vacant within `months` of the end.

    The appointment stage's forecast rule (onboarding.vacancies.forecast), counted from the
    day the stocks are counted: active regional and municipal organizations whose head reaches
    the signal age, or whose contract ends, by the horizon's last day.
    """
    end = forecast.horizon_end(period.as_of(today), months)
    return Organization.objects.filter(
        Q(head_birth_date__lte=forecast.latest_birth_date(end, forecast.DEFAULT_AGE))
        | Q(head_contract_end_date__lte=end),
        is_active=True,
        founder__in=RESERVE_FOUNDERS,
    )


def ready_now(period: Period, today: datetime.date):
    """Reservists in the reserve at the period's end who are ready to be appointed now."""
    return in_reserve(period, today).filter(readiness=READY_NOW)

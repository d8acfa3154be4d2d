"""The appointment stage's indicators, for the monitoring stage: each formula said once, here.

Each function takes the rows to count — a queryset the caller has already limited to a
territory (`for_municipality`, or an access policy's `x_visible_to(user)`) — and a period of
days, both ends included. Each returns the numbers its formula is made of, so a dashboard can
show the figure and what it was computed from.
"""

import datetime
import statistics
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from core.numbers import percent, round_half_up
from development.models import Mentorship, MentorshipStatus
from onboarding.models import (
    Appointment,
    AppointmentStatus,
    ClosureReason,
    InductionPlan,
    InductionStatus,
    Offer,
    OfferStatus,
    Vacancy,
    VacancyStatus,
)


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both included."""

    start: datetime.date
    end: datetime.date


@dataclass(frozen=True)
class Share:
    """A share: the part, the whole, and the percentage rounded half up to one decimal."""

    part: int
    whole: int

    @property
    def percent(self) -> Decimal | None:
        if not self.whole:
            return None
        return percent(self.part, self.whole, 1)


@dataclass(frozen=True)
class Durations:
    """Durations in days: how many there were, their median and mean (None when none)."""

    count: int
    median_days: float | None
    mean_days: float | None


def for_municipality(vacancies: QuerySet[Vacancy], municipality_id: int | None) -> QuerySet:
    """Return the vacancies of one municipality (where the organization stands), or all."""
    if municipality_id is None:
        return vacancies
    return vacancies.filter(organization__municipality_id=municipality_id)


def _appointments_made(vacancies: QuerySet[Vacancy], period: Period) -> QuerySet[Appointment]:
    return Appointment.objects.filter(
        vacancy__in=vacancies.values("pk"),
        status=AppointmentStatus.MADE,
        order_date__gte=period.start,
        order_date__lte=period.end,
    )


def filled_from_reserve(vacancies: QuerySet[Vacancy], period: Period) -> Share:
    """Return the share of posts filled from the reserve among the posts filled in the period.

    Part: vacancies filled by appointing a reservist whose founder's order is dated within the
    period. Whole: those, plus vacancies closed within the period as «замещена не из резерва».
    Vacancies closed for other reasons (not needed, recorded by mistake) are not posts filled.
    """
    from_reserve = _appointments_made(vacancies, period).values("vacancy").distinct().count()
    outside = vacancies.filter(
        status=VacancyStatus.CLOSED,
        closure_reason=ClosureReason.FILLED_OUTSIDE,
        closed_on__gte=period.start,
        closed_on__lte=period.end,
    ).count()
    return Share(part=from_reserve, whole=from_reserve + outside)


def time_to_fill(vacancies: QuerySet[Vacancy], period: Period) -> Durations:
    """Return the days from recording a vacancy to the founder's order on the appointment.

    Counted over the appointments made with an order dated within the period: the day the
    vacancy was recorded in the portal (local date) to the order's date.
    """
    rows = _appointments_made(vacancies, period).values_list("vacancy__created_at", "order_date")
    days = [
        (order_date - timezone.localtime(recorded).date()).days for recorded, order_date in rows
    ]
    if not days:
        return Durations(0, None, None)
    return Durations(
        count=len(days),
        median_days=float(statistics.median(days)),
        mean_days=float(round_half_up(Fraction(sum(days), len(days)), 1)),
    )


def refusals(vacancies: QuerySet[Vacancy], period: Period) -> Share:
    """Return the refused offers among the offers answered within the period.

    Part: offers refused with a reason. Whole: offers accepted or refused, by the day of the
    answer. Offers that expired unanswered or were withdrawn are not answers.
    """
    answered = Offer.objects.filter(
        vacancy__in=vacancies.values("pk"),
        status__in=[OfferStatus.ACCEPTED, OfferStatus.REFUSED],
        answered_at__date__gte=period.start,
        answered_at__date__lte=period.end,
    )
    counts = answered.aggregate(
        refused=Count("pk", filter=Q(status=OfferStatus.REFUSED)), total=Count("pk")
    )
    return Share(part=counts["refused"], whole=counts["total"])


def induction_on_schedule(plans: QuerySet[InductionPlan], on: datetime.date) -> Share:
    """Return the induction plans keeping to their schedule on a day.

    Whole: plans in progress that started on or before the day. Part: those of them with no
    checkpoint due before the day left unpassed.
    """
    running = plans.filter(status=InductionStatus.ACTIVE, starts_on__lte=on)
    late = running.filter(checkpoints__reviewed_at__isnull=True, checkpoints__due_on__lt=on)
    whole = running.count()
    return Share(part=whole - late.values("pk").distinct().count(), whole=whole)


def appointed_per_mentor(vacancies: QuerySet[Vacancy], period: Period) -> dict[int, int]:
    """Return, per mentor, the reservists appointed in the period whom they mentored.

    A reservist counts for a mentor when an appointment of theirs was made with an order dated
    within the period and they had an active or completed mentoring pair with that mentor for
    the reserve membership the appointment closed. The mentor effectiveness report's column
    «Назначены» counts the same people over all time (by the membership's status «назначен»).
    """
    memberships = _appointments_made(vacancies, period).values("membership_id")
    pairs = Mentorship.objects.filter(
        membership_id__in=memberships,
        status__in=[MentorshipStatus.ACTIVE, MentorshipStatus.COMPLETED],
    ).values_list("mentor_id", "membership_id")
    people: dict[int, set[int]] = {}
    for mentor_id, membership_id in pairs:
        people.setdefault(mentor_id, set()).add(membership_id)
    return {mentor_id: len(members) for mentor_id, members in people.items()}

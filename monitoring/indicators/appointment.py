"""The appointment stage's indicators by municipality, in grouped queries.

The formulas are onboarding.indicators' (filled_from_reserve, time_to_fill,
induction_on_schedule), which count one territory at a time; here the same rules are counted for
every municipality at once, and a test holds each equal to the onboarding function.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from monitoring.indicators.base import Figure, Period
from monitoring.indicators.counting import counted, per_municipality
from onboarding.models import (
    OPEN_STATUSES,
    Appointment,
    AppointmentStatus,
    ClosureReason,
    InductionCheckpoint,
    InductionPlan,
    InductionStatus,
    Vacancy,
    VacancyStatus,
)

VACANCY_MUNICIPALITY = "organization__municipality_id"
APPOINTMENT_MUNICIPALITY = "vacancy__organization__municipality_id"
PLAN_MUNICIPALITY = "appointment__vacancy__organization__municipality_id"


def appointments_made(period: Period, today: datetime.date):
    """Appointments made with the founder's order dated within the period."""
    return Appointment.objects.filter(
        status=AppointmentStatus.MADE,
        order_date__gte=period.starts_on,
        order_date__lte=period.ends_on,
    )


def filled_outside(period: Period, today: datetime.date):
    """Vacancies closed within the period as filled by someone not from the reserve."""
    return Vacancy.objects.filter(
        status=VacancyStatus.CLOSED,
        closure_reason=ClosureReason.FILLED_OUTSIDE,
        closed_on__gte=period.starts_on,
        closed_on__lte=period.ends_on,
    )


def open_vacancies(period: Period, today: datetime.date):
    """Vacancies still to be filled (now)."""
    return Vacancy.objects.filter(status__in=OPEN_STATUSES)


def filled_from_reserve(period: Period, today: datetime.date) -> dict[int, Figure]:
    """Return posts filled from the reserve over all posts filled, per municipality."""
    figures: dict[int, Figure] = defaultdict(Figure)
    made = per_municipality(
        appointments_made(period, today), APPOINTMENT_MUNICIPALITY, Count("vacancy", distinct=True)
    )
    for pk, figure in made.items():
        figures[pk].numerator += figure.numerator
        figures[pk].denominator += figure.numerator
    for pk, figure in counted(filled_outside(period, today), VACANCY_MUNICIPALITY).items():
        figures[pk].denominator += figure.numerator
    return dict(figures)


def time_to_fill(period: Period, today: datetime.date) -> dict[int, Figure]:
    """Return the days from a vacancy recorded to its order, summed and counted by municipality."""
    figures: dict[int, Figure] = defaultdict(Figure)
    rows = appointments_made(period, today).values_list(
        APPOINTMENT_MUNICIPALITY, "vacancy__created_at", "order_date"
    )
    for municipality_id, recorded, order_date in rows:
        days = (order_date - timezone.localtime(recorded).date()).days
        figures[municipality_id].numerator += Decimal(days)
        figures[municipality_id].denominator += 1
    return dict(figures)


def running_plans(period: Period, today: datetime.date):
    """Induction plans in progress that started by the day the stocks are counted."""
    return InductionPlan.objects.filter(
        status=InductionStatus.ACTIVE, starts_on__lte=period.as_of(today)
    )


def induction_on_schedule(period: Period, today: datetime.date) -> dict[int, Figure]:
    """Return the running plans with no checkpoint overdue, over all running plans."""
    day = period.as_of(today)
    late = InductionCheckpoint.objects.filter(
        plan=OuterRef("pk"), reviewed_at__isnull=True, due_on__lt=day
    )
    plans = running_plans(period, today).annotate(late=Exists(late))
    return per_municipality(
        plans, PLAN_MUNICIPALITY, Count("pk", filter=Q(late=False)), Count("pk")
    )

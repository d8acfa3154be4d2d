"""What the home pages show of the appointment stage: the territory's figures, vacancies and new
heads for staff; a reservist's next steps (offers to answer, induction tasks due).

Each function issues a fixed number of queries, however many vacancies the territory has.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse

from core.next_steps import NextStep
from core.russian import quantity
from onboarding import access
from onboarding.induction.selectors import own_plan, plans_for_list
from onboarding.models import (
    OPEN_STATUSES,
    AppointmentStatus,
    InductionStatus,
    InductionTask,
    OfferStatus,
    Vacancy,
)

HOME_LIST_LIMIT = 5


@dataclass
class StageOverview:
    """The territory's appointment stage at a glance."""

    open_vacancies: int
    without_shortlist: int
    offers_waiting: int
    appointments_preparing: int
    new_heads: int
    new_heads_late: int
    vacancies: list[Vacancy]
    plans: list


def stage_overview(user, *, today: datetime.date) -> StageOverview:
    """Return the figures and the nearest vacancies and new heads of the user's territory."""
    vacancies = access.vacancies_visible_to(user)
    counts = vacancies.aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        without_shortlist=Count("pk", filter=Q(status="open")),
    )
    offers = access.offers_visible_to(user).filter(status=OfferStatus.OFFERED).count()
    preparing = (
        access.appointments_visible_to(user).filter(status=AppointmentStatus.PREPARING).count()
    )
    running = access.induction_plans_visible_to(user).filter(status=InductionStatus.ACTIVE)
    plan_counts = running.aggregate(
        total=Count("pk", distinct=True),
        late=Count(
            "pk",
            distinct=True,
            filter=Q(checkpoints__reviewed_at__isnull=True, checkpoints__due_on__lt=today),
        ),
    )
    return StageOverview(
        open_vacancies=counts["open"],
        without_shortlist=counts["without_shortlist"],
        offers_waiting=offers,
        appointments_preparing=preparing,
        new_heads=plan_counts["total"],
        new_heads_late=plan_counts["late"],
        vacancies=list(
            vacancies.filter(status__in=OPEN_STATUSES)
            .select_related("organization", "position_kind")
            .order_by("opens_on", "pk")[:HOME_LIST_LIMIT]
        ),
        plans=list(plans_for_list(running, today).order_by("-starts_on", "-pk")[:HOME_LIST_LIMIT]),
    )


def next_steps_for(user, *, today: datetime.date) -> list[NextStep]:
    """Return the reservist's steps of this stage, most urgent first: offers, induction tasks."""
    if not access.can_view_own_offers(user):
        return []
    steps = [
        NextStep(
            text=f"Ответьте на предложение должности: {offer.vacancy.position_kind}, "
            f"{offer.vacancy.organization}",
            url=reverse("onboarding:offer_answer", args=[offer.pk]),
            due=offer.respond_by,
        )
        for offer in access.offers_visible_to(user)
        .filter(status=OfferStatus.OFFERED, respond_by__gte=today)
        .select_related("vacancy__organization", "vacancy__position_kind")
    ]
    plan = own_plan(user)
    if plan is not None and plan.status == InductionStatus.ACTIVE:
        open_tasks = InductionTask.objects.filter(
            checkpoint__plan=plan, checkpoint__reviewed_at__isnull=True, done_at__isnull=True
        ).select_related("checkpoint")
        first = open_tasks.order_by("checkpoint__due_on", "sort_order", "pk").first()
        if first is not None:
            more = open_tasks.count() - 1
            rest = f" и ещё {quantity(more, 'задача', 'задачи', 'задач')}" if more else ""
            steps.append(
                NextStep(
                    text=f"Введение в должность: «{first.title}»{rest}",
                    url=reverse("onboarding:induction_detail", args=[plan.pk]),
                    due=first.checkpoint.due_on,
                )
            )
    return sorted(steps, key=lambda step: (step.due or datetime.date.max, step.text))

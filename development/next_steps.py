"""The reservist's next steps in the development stage: meetings with the mentor to confirm,
plan items coming due, a plan to send for approval or to start."""

import datetime

from django.urls import reverse

from accounts.access import is_candidate
from core.next_steps import OPEN, NextStep
from development import access
from development.models import PlanItemStatus, PlanStatus, SessionConfirmation

# Plan items are listed from this many days before their due date.
ITEM_HORIZON_DAYS = 30
PLAN_STEPS = {
    PlanStatus.DRAFT: "Доработайте план развития и отправьте его на утверждение",
    PlanStatus.APPROVED: "План развития утверждён: нажмите «Начать выполнение»",
}


def next_steps_for(user, *, today: datetime.date) -> list[NextStep]:
    """Return what the reservist's development waits for from them."""
    if not is_candidate(user):
        return []
    steps = [
        NextStep(
            text=f"Подтвердите встречу с наставником {session.date:%d.%m.%Y}",
            url=reverse("development:session_answer", args=[session.pk]),
            note=f"Наставник: {session.mentorship.mentor}. Подтвердите или уточните, что было "
            "не так.",
            priority=OPEN,
        )
        for session in access.sessions_visible_to(user)
        .filter(confirmation=SessionConfirmation.PENDING, mentorship__mentee__user=user)
        .select_related("mentorship__mentor__user")
        .order_by("date", "pk")
    ]
    horizon = today + datetime.timedelta(days=ITEM_HORIZON_DAYS)
    steps += [
        NextStep(
            text=f"Пункт плана развития «{item.title}»",
            url=reverse("development:item_detail", args=[item.plan_id, item.pk]),
            due=item.due_date,
            note="Отметьте выполнение и приложите подтверждения: документ о выполнении и "
            "применение в практике.",
        )
        for item in access.plan_items_visible_to(user)
        .filter(
            plan__candidate__user=user,
            plan__status__in=[PlanStatus.APPROVED, PlanStatus.IN_PROGRESS],
            due_date__lte=horizon,
        )
        .exclude(status=PlanItemStatus.DONE)
        .order_by("due_date", "pk")
    ]
    plans = access.plans_visible_to(user).filter(
        candidate__user=user, status__in=[PlanStatus.DRAFT, PlanStatus.APPROVED]
    )
    steps += [
        NextStep(
            text=PLAN_STEPS[plan.status],
            url=reverse("development:plan_detail", args=[plan.pk]),
            priority=OPEN,
        )
        for plan in plans.order_by("pk")
    ]
    return steps

"""Editing a draft plan: adding, re-dating and removing its items, within the plan period."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from assessment.models import Competency
from audit.services import audit_record
from development.models import Activity, DevelopmentPlan, PlanItem
from development.plans.services.generation import gap_reason


def _lock_draft(plan: DevelopmentPlan) -> DevelopmentPlan:
    locked = DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)
    if not locked.is_editable:
        raise ValidationError(
            f"План уже в статусе «{locked.get_status_display()}»: изменять можно только "
            "черновик. Обновите страницу."
        )
    return locked


def _check_due(plan: DevelopmentPlan, due_date: datetime.date) -> None:
    if not plan.starts_on <= due_date <= plan.ends_on:
        raise ValidationError(
            f"Срок должен быть в периоде плана: с {plan.starts_on:%d.%m.%Y} "
            f"по {plan.ends_on:%d.%m.%Y}."
        )


def plan_item_add(
    *,
    plan: DevelopmentPlan,
    actor,
    due_date: datetime.date,
    activity: Activity | None = None,
    title: str = "",
    competency: Competency | None = None,
    reason: str = "",
    request: HttpRequest | None = None,
) -> PlanItem:
    """Add an item to a draft: an activity from the catalogue or the reservist's own task."""
    title = (title or (activity.title if activity else "")).strip()
    if not title:
        raise ValidationError("Укажите, что нужно сделать.")
    with transaction.atomic():
        locked = _lock_draft(plan)
        _check_due(locked, due_date)
        if activity is not None and locked.items.filter(activity=activity).exists():
            raise ValidationError("Это мероприятие уже есть в плане.")
        if not reason and competency is not None and locked.source_result_id:
            gap = next((g for g in locked.source_result.gaps if g["code"] == competency.code), None)
            if gap is not None:
                reason = gap_reason(gap["name"], gap["level"], gap["target"])
        item = PlanItem.objects.create(
            plan=locked,
            activity=activity,
            title=title[:300],
            competency=competency,
            reason=reason.strip(),
            due_date=due_date,
            sort_order=locked.items.count(),
        )
        audit_record(
            actor=actor,
            action="development_plan_item.create",
            obj=item,
            changes={"пункт": (None, item.title), "срок": (None, due_date)},
            request=request,
        )
    return item


def plan_item_redate(
    *, item: PlanItem, actor, due_date: datetime.date, request: HttpRequest | None = None
) -> PlanItem:
    """Move a draft item's due date within the plan period."""
    with transaction.atomic():
        plan = _lock_draft(item.plan)
        _check_due(plan, due_date)
        locked = PlanItem.objects.select_for_update().get(pk=item.pk, plan=plan)
        old = locked.due_date
        if old == due_date:
            return locked
        locked.due_date = due_date
        locked.reminded_at = None
        locked.save(update_fields=["due_date", "reminded_at"])
        audit_record(
            actor=actor,
            action="development_plan_item.update",
            obj=locked,
            changes={"срок": (old, due_date)},
            request=request,
        )
    return locked


def plan_item_remove(*, item: PlanItem, actor, request: HttpRequest | None = None) -> None:
    """Remove an item from a draft."""
    with transaction.atomic():
        plan = _lock_draft(item.plan)
        locked = PlanItem.objects.select_for_update().filter(pk=item.pk, plan=plan).first()
        if locked is None:
            return  # already removed by a second click
        audit_record(
            actor=actor,
            action="development_plan_item.delete",
            obj=locked,
            changes={"пункт": (locked.title, None)},
            request=request,
        )
        locked.delete()

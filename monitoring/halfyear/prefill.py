"""The first draft of a report, written from the plan: items done, evidence of practice, delays."""

import datetime

from django.utils import timezone

from development.models import DevelopmentPlan, PlanItem, PlanItemStatus


def _window(item: PlanItem, start: datetime.date, end: datetime.date) -> bool:
    if item.completed_at is None:
        return False
    return start < timezone.localdate(item.completed_at) <= end


def prefill_texts(membership, *, period_start: datetime.date, due_on: datetime.date) -> dict:
    """Return the three texts of a new report, drafted from the membership's plan items."""
    items = list(
        PlanItem.objects.filter(plan__membership=membership)
        .exclude(plan__status="draft")
        .select_related("activity")
        .order_by("due_date", "pk")
    )
    done = [item for item in items if item.status == PlanItemStatus.DONE]
    recent = [item for item in done if _window(item, period_start, due_on)] or done
    overdue = [item for item in items if item.overdue_on(due_on)]
    in_work = [
        item for item in items if item.status != PlanItemStatus.DONE and not item.overdue_on(due_on)
    ]
    done_lines = [
        f"— {item.title}" + (f": {item.completion_note}" if item.completion_note else "")
        for item in recent
    ]
    if in_work:
        done_lines.append("В работе:")
        done_lines += [f"— {item.title} (срок {item.due_date:%d.%m.%Y})" for item in in_work]
    applied_lines = [
        f"— {item.title}: {item.practice_description}"
        for item in recent
        if item.practice_description
    ]
    difficulty_lines = [
        f"— не выполнено в срок: {item.title} (срок {item.due_date:%d.%m.%Y})" for item in overdue
    ]
    if not DevelopmentPlan.objects.filter(membership=membership).exists():
        done_lines = ["Индивидуальный план развития ещё не составлен."]
    return {
        "done": "\n".join(done_lines),
        "applied": "\n".join(applied_lines),
        "difficulties": "\n".join(difficulty_lines),
    }

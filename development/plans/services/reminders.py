"""Reminders before the due dates of plan items: one email per item, safe to run every day."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.mail import mail_on_commit
from development.models import WORKING_STATUSES, PlanItem, PlanItemStatus, PracticeStatus

DEFAULT_REMINDER_DAYS = 7


def reminder_days() -> int:
    """Return how many days before the due date the reminder goes (settings.PLAN_REMINDER_DAYS)."""
    return int(getattr(settings, "PLAN_REMINDER_DAYS", DEFAULT_REMINDER_DAYS))


def _message(item: PlanItem) -> tuple[str, str]:
    candidate = item.plan.candidate
    missing = []
    if not item.completion_file:
        missing.append("подтверждение выполнения (сертификат, удостоверение или отчёт тьютора)")
    if not item.practice_description or item.practice_status == PracticeStatus.RETURNED:
        missing.append(
            "описание применения в практике с документом или ссылкой, отправленное на "
            "подтверждение наставнику, руководителю организации или тьютору"
        )
    elif item.practice_status == PracticeStatus.PENDING:
        missing.append(
            f"подтверждение применения в практике: ждём ответа ({item.practice_confirmer})"
        )
    lines = [
        f"Здравствуйте, {candidate.first_name}!",
        "",
        f"Срок пункта вашего плана развития «{item.title}» — {item.due_date:%d.%m.%Y}.",
    ]
    if missing:
        lines += ["", "Чтобы пункт считался выполненным, добавьте:"]
        lines += [f"— {text};" for text in missing[:-1]] + [f"— {missing[-1]}."]
    lines += ["", "Это можно сделать в разделе «Мой план развития» портала «Кадровый резерв»."]
    return f"Кадровый резерв: срок пункта плана — {item.due_date:%d.%m.%Y}", "\n".join(lines)


def plan_items_remind(*, today: datetime.date | None = None, days: int | None = None) -> int:
    """Email the reservists whose open items fall due within `days`; return how many were sent.

    Each item is reminded once: its reminded_at is set in the same transaction that queues the
    email, and items already reminded are skipped, so running it twice sends nothing more.
    """
    today = today or timezone.localdate()
    days = reminder_days() if days is None else days
    horizon = today + datetime.timedelta(days=days)
    sent = 0
    with transaction.atomic():
        items = (
            PlanItem.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                plan__status__in=WORKING_STATUSES,
                reminded_at__isnull=True,
                due_date__gte=today,
                due_date__lte=horizon,
            )
            .exclude(status=PlanItemStatus.DONE)
            .select_related("plan__candidate", "practice_confirmer")
            .order_by("due_date", "pk")
        )
        now = timezone.now()
        for item in items:
            email = item.plan.candidate.email
            item.reminded_at = now
            item.save(update_fields=["reminded_at"])
            if not email:
                continue
            subject, body = _message(item)
            mail_on_commit(subject=subject, body=body, recipients=[email])
            sent += 1
    return sent

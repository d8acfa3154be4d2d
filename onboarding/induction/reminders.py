"""Reminders before the induction plan's checkpoints: one letter per checkpoint, run daily.

The new head is told what the checkpoint asks and which tasks are still open; the adaptation
mentor, when there is one, gets a copy. A checkpoint is reminded once: its reminded_at is set in
the same transaction that queues the letter, so running the command again sends nothing more.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.mail import mail_on_commit
from onboarding.models import InductionCheckpoint, InductionStatus

DEFAULT_REMINDER_DAYS = 7


def reminder_days() -> int:
    """Return how many days before a checkpoint the reminder goes (INDUCTION_REMINDER_DAYS)."""
    return int(getattr(settings, "INDUCTION_REMINDER_DAYS", DEFAULT_REMINDER_DAYS))


def _letter(checkpoint: InductionCheckpoint) -> tuple[str, str]:
    plan = checkpoint.plan
    candidate = plan.appointment.membership.candidate
    open_tasks = [task.title for task in checkpoint.tasks.all() if task.done_at is None]
    lines = [
        f"Здравствуйте, {candidate.first_name}!",
        "",
        f"Контрольная точка плана введения в должность «{checkpoint.get_month_display()}» — "
        f"{checkpoint.due_on:%d.%m.%Y}.",
    ]
    if open_tasks:
        lines += ["", "Ещё не отмечены выполненными:"]
        lines += [f"— {title};" for title in open_tasks[:-1]] + [f"— {open_tasks[-1]}."]
    lines += ["", "План — в разделе «Назначение» портала «Кадровый резерв»."]
    subject = f"Кадровый резерв: контрольная точка адаптации — {checkpoint.due_on:%d.%m.%Y}"
    return subject, "\n".join(lines)


def induction_checkpoints_remind(*, today: datetime.date, days: int | None = None) -> int:
    """Email the new heads whose checkpoints fall due within `days`; return how many were sent."""
    days = reminder_days() if days is None else days
    horizon = today + datetime.timedelta(days=days)
    sent = 0
    with transaction.atomic():
        due = (
            InductionCheckpoint.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                plan__status=InductionStatus.ACTIVE,
                reviewed_at__isnull=True,
                reminded_at__isnull=True,
                due_on__gte=today,
                due_on__lte=horizon,
            )
            .select_related("plan__appointment__membership__candidate", "plan__mentor__user")
            .prefetch_related("tasks")
            .order_by("due_on", "pk")
        )
        now = timezone.now()
        for checkpoint in due:
            checkpoint.reminded_at = now
            checkpoint.save(update_fields=["reminded_at"])
            candidate = checkpoint.plan.appointment.membership.candidate
            mentor = checkpoint.plan.mentor
            recipients = [candidate.email, mentor.user.email if mentor else None]
            if not any(recipients):
                continue
            subject, body = _letter(checkpoint)
            mail_on_commit(subject=subject, body=body, recipients=recipients)
            sent += 1
    return sent

"""Remind new heads of their induction checkpoints; safe to run daily (each is reminded once)."""

import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from onboarding.induction.reminders import induction_checkpoints_remind, reminder_days


class Command(BaseCommand):
    help = (
        "Отправляет новым руководителям напоминания о контрольных точках плана введения в "
        "должность (по умолчанию за 7 дней, настройка INDUCTION_REMINDER_DAYS)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="Дата расчёта (ГГГГ-ММ-ДД)."
        )
        parser.add_argument(
            "--days",
            type=int,
            help="За сколько дней до контрольной точки напоминать (по умолчанию — из настроек).",
        )

    def handle(
        self, *args, today: datetime.date | None = None, days: int | None = None, **options
    ) -> None:
        days = reminder_days() if days is None else days
        sent = induction_checkpoints_remind(today=today or timezone.localdate(), days=days)
        self.stdout.write(f"напоминаний отправлено: {sent} (за {days} дн. до контрольной точки)")

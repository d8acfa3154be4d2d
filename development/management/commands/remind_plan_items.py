"""Remind reservists of plan items falling due; safe to run daily (each item is reminded once)."""

import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from development.plans.services.reminders import plan_items_remind, reminder_days


class Command(BaseCommand):
    help = (
        "Отправляет резервистам напоминания о пунктах плана развития, срок которых наступает "
        "в ближайшие дни (по умолчанию за 7 дней, настройка PLAN_REMINDER_DAYS)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="Дата расчёта (ГГГГ-ММ-ДД)."
        )
        parser.add_argument(
            "--days",
            type=int,
            help="За сколько дней до срока напоминать (по умолчанию — из настроек).",
        )

    def handle(
        self, *args, today: datetime.date | None = None, days: int | None = None, **options
    ) -> None:
        days = reminder_days() if days is None else days
        sent = plan_items_remind(today=today or timezone.localdate(), days=days)
        self.stdout.write(f"напоминаний отправлено: {sent} (за {days} дн. до срока)")

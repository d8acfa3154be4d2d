"""Close reserve memberships whose term has ended; safe to run daily."""

import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from candidates.services.membership import memberships_expire


class Command(BaseCommand):
    help = "Переводит в статус «срок истёк» членство в резерве, срок которого закончился."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="Дата расчёта (ГГГГ-ММ-ДД)."
        )

    def handle(self, *args, today: datetime.date | None = None, **options) -> None:
        expired = memberships_expire(today=today or timezone.localdate())
        self.stdout.write(f"истёк срок: {expired}")

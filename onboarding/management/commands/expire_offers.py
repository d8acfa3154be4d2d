"""Close the offers of posts whose answer date has passed; safe to run daily."""

import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from onboarding.shortlists.services import offers_expire


class Command(BaseCommand):
    help = (
        "Закрывает предложения должностей, на которые резервист не ответил в срок; "
        "вакансия возвращается к списку кандидатов."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="Дата расчёта (ГГГГ-ММ-ДД)."
        )

    def handle(self, *args, today: datetime.date | None = None, **options) -> None:
        expired = offers_expire(today=today or timezone.localdate())
        self.stdout.write(f"предложений закрыто по сроку: {expired}")

"""Give today's reminders from every stage; safe to run daily or more often (each is given once)."""

import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from monitoring.reminders.services import reminders_send


class Command(BaseCommand):
    help = (
        "Ставит в очередь напоминания всех этапов (сроки пунктов планов, встречи для "
        "подтверждения, сроки оценки, истечение срока в резерве, полугодовые отчёты): "
        "уведомление на портале и письмо. Повторный запуск ничего не дублирует."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="Дата расчёта (ГГГГ-ММ-ДД)."
        )

    def handle(self, *args, today: datetime.date | None = None, **options) -> None:
        run = reminders_send(today=today or timezone.localdate())
        self.stdout.write(
            f"напоминаний: новых {run.given}, письма поставлены повторно {run.requeued}, "
            f"уже были {run.already}, не отправляются (отзыв согласия, исключение из резерва, "
            f"блокировка) {run.left_out}"
        )

"""Store a month's indicators (by default the month just ended); safe to run again."""

import datetime
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from monitoring.indicators.snapshots import indicators_snapshot


def _month(text: str) -> datetime.date:
    try:
        return datetime.datetime.strptime(text, "%Y-%m").date()
    except ValueError as error:
        raise CommandError(f"Месяц указывается как ГГГГ-ММ, а не «{text}».") from error


class Command(BaseCommand):
    help = (
        "Сохраняет срез всех показателей за месяц (по умолчанию — за прошедший) по "
        "муниципальным образованиям и по области и переносит факт измеряемых показателей в "
        "дорожную карту. Повторный запуск за тот же месяц ничего не меняет."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--month", type=_month, help="Месяц среза, ГГГГ-ММ.")

    def handle(self, *args, month: datetime.date | None = None, **options) -> None:
        today = timezone.localdate()
        if month is None:
            month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        started = time.monotonic()
        run = indicators_snapshot(month=month, today=today)
        seconds = time.monotonic() - started
        if run.already:
            self.stdout.write(f"срез за {run.month:%m.%Y} уже есть, ничего не изменено")
            return
        self.stdout.write(
            f"срез за {run.month:%m.%Y}: записей {run.written}, мероприятий дорожной карты "
            f"обновлено {run.roadmap_updated}, {seconds:.2f} с"
        )

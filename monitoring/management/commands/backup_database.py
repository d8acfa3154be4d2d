"""Write a complete copy of the database to a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from monitoring.backup import BackupError, database_backup


class Command(BaseCommand):
    help = "Сохраняет полную резервную копию базы данных портала в файл."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Куда записать копию (например, rezerv.dump).")

    def handle(self, *args, path: Path, **options) -> None:
        try:
            written = database_backup(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"резервная копия сохранена: {written} ({written.stat().st_size} байт)")

"""Replace the database's contents with a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from monitoring.backup import BackupError, database_restore


class Command(BaseCommand):
    help = "Восстанавливает базу данных портала из резервной копии (текущие данные заменяются)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Файл, сделанный командой backup_database.")
        parser.add_argument(
            "--yes", action="store_true", help="Подтверждаю: текущие данные будут заменены."
        )

    def handle(self, *args, path: Path, yes: bool, **options) -> None:
        if not yes:
            raise CommandError(
                "Восстановление заменит все текущие данные. Повторите команду с --yes."
            )
        try:
            database_restore(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"база данных восстановлена из {path}")

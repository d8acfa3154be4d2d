"""Import the registry of educational organizations from a spreadsheet."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from registry.services import registry_import_apply, registry_import_preview


class Command(BaseCommand):
    help = (
        "Импортирует реестр образовательных организаций из файла .xlsx, .xls или .ods: "
        "организации сопоставляются по ИНН, при любой ошибке ничего не записывается."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="Файл реестра.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Проверить файл и посчитать изменения, ничего не записывая.",
        )

    def handle(self, *args, file: Path, dry_run: bool, **options) -> None:
        if not file.is_file():
            raise CommandError(f"Файл не найден: {file}")
        if dry_run:
            report = registry_import_preview(path=file)
        else:
            report = registry_import_apply(path=file, actor=None)
        if report.problem:
            raise CommandError(report.problem)
        if report.error_count:
            for error in report.errors:
                self.stderr.write(str(error))
            if report.unlisted_errors:
                self.stderr.write(f"… и ещё ошибок: {report.unlisted_errors}")
            raise CommandError(
                f"Ошибок в файле: {report.error_count}. В реестр ничего не записано."
            )
        if dry_run:
            self.stdout.write("Пробный запуск: в реестр ничего не записано.")
        self.stdout.write(report.summary())

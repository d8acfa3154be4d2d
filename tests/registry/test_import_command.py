"""`manage.py import_registry FILE [--dry-run]`: its output, its exit code, what it writes."""

import pytest
from django.core.management import ManagementUtility
from django.db import connections

from audit.models import AuditEvent
from registry.models import Organization
from tests.registry import hostile_files
from tests.registry.registry_files import MESSY_SAMPLE, organization_row, write_registry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection(monkeypatch):
    """manage.py closes every connection when a command ends; the test's must stay open."""
    monkeypatch.setattr(connections, "close_all", lambda: None)


def _run(*arguments: str) -> int:
    """Run the command as manage.py does and return its exit code."""
    try:
        ManagementUtility(["manage.py", "import_registry", *arguments]).execute()
    except SystemExit as exit:
        return exit.code
    return 0


def test_it_imports_and_prints_the_counts(capsys):
    assert _run(str(MESSY_SAMPLE)) == 0

    assert capsys.readouterr().out == "создано 12, обновлено 0, без изменений 0\n"
    assert Organization.objects.count() == 12
    assert AuditEvent.objects.filter(action="organization.create").count() == 12


def test_it_finds_nothing_to_change_on_a_second_run(capsys):
    _run(str(MESSY_SAMPLE))

    assert _run(str(MESSY_SAMPLE)) == 0

    assert capsys.readouterr().out.splitlines()[-1] == "создано 0, обновлено 0, без изменений 12"


def test_it_counts_and_writes_nothing_on_a_dry_run(capsys):
    assert _run(str(MESSY_SAMPLE), "--dry-run") == 0

    assert capsys.readouterr().out == (
        "Пробный запуск: в реестр ничего не записано.\nсоздано 12, обновлено 0, без изменений 0\n"
    )
    assert Organization.objects.count() == 0


def test_it_prints_every_row_error_and_exits_1(capsys, tmp_path):
    rows = [organization_row(1), organization_row(2, ИНН="5600000012", Email="@")]
    path = write_registry(tmp_path / "реестр.xlsx", rows)

    assert _run(str(path)) == 1

    assert capsys.readouterr().err.splitlines() == [
        "строка 3, столбец «ИНН»: неверная контрольная цифра ИНН («5600000012»)",
        "строка 3, столбец «Email»: неверный адрес электронной почты «@»",
        "CommandError: Ошибок в файле: 2. В реестр ничего не записано.",
    ]
    assert Organization.objects.count() == 0


def test_it_exits_1_with_the_reason_for_a_refused_file(capsys, tmp_path):
    path = tmp_path / "реестр.xlsx"
    hostile_files.pdf_renamed(path)

    assert _run(str(path)) == 1

    assert capsys.readouterr().err == (
        "CommandError: Файл не похож на таблицу (PDF-документ). "
        "Загрузите таблицу в формате .xlsx, .xls или .ods.\n"
    )


def test_it_exits_1_for_a_missing_file(capsys, tmp_path):
    assert _run(str(tmp_path / "нет.xlsx")) == 1

    assert "Файл не найден" in capsys.readouterr().err

"""Hostile and broken files are refused with a clear message and leave the database untouched."""

import pytest

from audit.models import AuditEvent
from registry.models import Organization
from registry.services import registry_import_apply
from tests.registry import hostile_files
from tests.registry.registry_files import TEMPLATE_SAMPLE, organization_row

pytestmark = pytest.mark.django_db


def _refusal(path, admin_user) -> str:
    report = registry_import_apply(path=path, actor=admin_user)
    assert not report.applied
    assert Organization.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    return report.problem


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            hostile_files.zip_bomb,
            "Файл отклонён как опасный: часть архива «xl/worksheets/sheet1.xml» при распаковке "
            "заняла бы 64,0 МБ",
        ),
        (hostile_files.lying_zip_bomb, "Файл повреждён: часть «xl/worksheets/sheet1.xml»"),
        (
            hostile_files.entity_bomb_in_sheet,
            "Файл отклонён как опасный: часть «xl/worksheets/sheet1.xml» содержит объявление "
            "DOCTYPE или ENTITY",
        ),
        (
            hostile_files.entity_bomb_in_shared_strings,
            "Файл отклонён как опасный: часть «xl/sharedStrings.xml» содержит объявление "
            "DOCTYPE или ENTITY",
        ),
        (
            hostile_files.forged_dimension,
            "Файл отклонён: в листе «Sheet» больше строк, чем допускается (200\u00a0000 строк)",
        ),
        (hostile_files.far_away_row, "Файл отклонён: в листе «Sheet» больше строк"),
        (hostile_files.ods_repeated_rows, "Файл отклонён: в листе «Лист1» больше строк"),
        (hostile_files.pdf_renamed, "Файл не похож на таблицу (PDF-документ)"),
        (hostile_files.text_renamed, "Файл не похож на таблицу (текстовый файл)"),
        (hostile_files.word_renamed, "Файл не похож на таблицу (документ Word)"),
        (hostile_files.broken_xls, "Файл повреждён или сохранён с ошибками"),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_it_refuses_a_hostile_file(admin_user, tmp_path, build, message):
    path = tmp_path / "реестр.xlsx"
    build(path)

    assert _refusal(path, admin_user).startswith(message)


@pytest.mark.parametrize("in_worker", [True, False])
def test_it_refuses_an_entity_bomb_in_either_reading_mode(
    admin_user, tmp_path, settings, in_worker
):
    settings.REGISTRY_IMPORT_IN_WORKER = in_worker
    path = tmp_path / "реестр.xlsx"
    hostile_files.entity_bomb_in_sheet(path)

    assert "DOCTYPE или ENTITY" in _refusal(path, admin_user)


def test_it_refuses_a_file_over_the_size_limit(admin_user, settings):
    settings.REGISTRY_IMPORT_MAX_BYTES = 4096

    assert _refusal(TEMPLATE_SAMPLE, admin_user) == (
        "Файл слишком большой: 0,0 МБ, допускается не больше 0,0 МБ. "
        "Разделите таблицу на несколько файлов."
    )


def test_it_refuses_a_file_that_inflates_past_the_limit(admin_user, settings):
    settings.REGISTRY_IMPORT_MAX_UNCOMPRESSED_BYTES = 50_000

    assert _refusal(TEMPLATE_SAMPLE, admin_user).startswith("Файл отклонён")


def test_it_refuses_more_rows_than_the_limit(admin_user, settings, tmp_path):
    settings.REGISTRY_IMPORT_MAX_ROWS = 5
    path = tmp_path / "реестр.ods"
    header = list(organization_row(0))
    rows = [header] + [
        [str(value) for value in organization_row(seed).values()] for seed in range(1, 40)
    ]
    hostile_files.ods_table(path, rows)

    assert _refusal(path, admin_user).startswith("Файл отклонён: в листе «Лист1» больше строк")


def test_it_refuses_an_empty_file(admin_user, tmp_path):
    path = tmp_path / "реестр.xlsx"
    path.write_bytes(b"")

    assert _refusal(path, admin_user) == "Файл пустой."


def test_it_skips_libreoffice_empty_tail_of_a_million_rows(admin_user, tmp_path):
    path = tmp_path / "реестр.ods"
    header, values = zip(*organization_row(1).items(), strict=True)
    tail = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    hostile_files.ods_table(path, [list(header), [str(value) for value in values]], tail_xml=tail)

    report = registry_import_apply(path=path, actor=admin_user)

    assert report.summary() == "создано 1, обновлено 0, без изменений 0", report.problem

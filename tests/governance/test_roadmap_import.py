"""Roadmap import from Excel: template, preview, row errors, all-or-nothing, hostile files."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from audit.models import AuditEvent
from core.spreadsheets import FileRefused
from governance.models import RoadmapItem, RoadmapStatus
from governance.roadmap import columns as col
from governance.roadmap.importing import read_roadmap_file
from tests.factories import OrganizationFactory
from tests.governance.roadmap_factories import RoadmapItemFactory
from tests.registry import hostile_files
from tests.xlsx import is_safe_text

URL = "/roadmap/import/"


def _xlsx(rows, *, title_rows=(), headers=col.HEADERS) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    for row in title_rows:
        sheet.append(row)
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "roadmap.xlsx"
    return buffer


def _row(**values) -> tuple:
    row = dict.fromkeys(col.HEADERS)
    row.update(
        {
            col.NUMBER: "1.1",
            col.TITLE: "Курсы ДПО для резервистов",
            col.STAGE: "Развитие",
            col.STARTS: datetime.datetime(2027, 1, 18),
            col.ENDS: "30.06.2027",
            col.RESPONSIBLE: "ИРО",
            col.PARTNERS: "ОГПУ; ЦНППМ",
            col.BUDGET: "2 400 000,50",
            col.BUDGET_SOURCE: "областной бюджет",
            col.INDICATOR: "Доля выполненных пунктов ИОМ",
            col.UNIT: "%",
            col.TARGET: 50,
            col.STATUS: "запланировано",
        }
    )
    row.update(values)
    return tuple(row[header] for header in col.HEADERS)


def _upload(client, buffer):
    return client.post(URL, {"file": buffer})


def test_a_good_file_is_previewed_then_imported(client, ministry_user):
    client.force_login(ministry_user)
    buffer = _xlsx(
        [_row(), _row(**{col.NUMBER: "1.2", col.STAGE: "отбор", col.BUDGET: None})],
        title_rows=[("Дорожная карта на 2026–2028 годы",), ()],
    )

    preview = _upload(client, buffer)

    assert preview.status_code == 200
    assert "Будет добавлено: <strong>2</strong>" in preview.content.decode()
    assert not RoadmapItem.objects.exists()

    client.post(reverse("roadmap:import_confirm"))

    item = RoadmapItem.objects.get(number="1.1")
    assert item.budget_amount == Decimal("2400000.50")
    assert item.partner_list == ["ОГПУ", "ЦНППМ"]
    assert item.ends_on == datetime.date(2027, 6, 30)
    assert RoadmapItem.objects.count() == 2
    assert AuditEvent.objects.filter(action="roadmap_item.import").count() == 2


def test_known_numbers_are_updated_and_unchanged_rows_left(client, ministry_user):
    client.force_login(ministry_user)
    _upload(client, _xlsx([_row(), _row(**{col.NUMBER: "1.2"})]))
    client.post(reverse("roadmap:import_confirm"))

    preview = _upload(client, _xlsx([_row(), _row(**{col.NUMBER: "1.2", col.STATUS: "выполнено"})]))
    client.post(reverse("roadmap:import_confirm"))

    assert "изменено: <strong>1</strong>, без изменений: 1" in preview.content.decode()
    changed = RoadmapItem.objects.get(number="1.2")
    assert changed.status == RoadmapStatus.DONE
    assert changed.completed_on is not None


def test_every_row_error_is_reported_and_nothing_is_written(client, ministry_user):
    client.force_login(ministry_user)
    rows = [
        _row(),
        _row(**{col.NUMBER: "1.2", col.STAGE: "контроль", col.ENDS: "01.01.2026"}),
        _row(**{col.NUMBER: "1.1", col.BUDGET: "много"}),
        _row(**{col.NUMBER: "первый", col.INDICATOR_CODE: "число котов"}),
    ]

    reply = _upload(client, _xlsx(rows))

    text = reply.content.decode()
    assert reply.status_code == 400
    assert "строка 3, столбец «Этап»: укажите этап" in text
    assert "строка 3, столбец «Окончание»: окончание 01.01.2026 раньше начала 18.01.2027" in text
    assert "строка 4, столбец «Финансирование, руб.»: ожидается число" in text
    assert "строка 5, столбец «№ п/п»: номер пишется цифрами через точку" in text
    assert "строка 5, столбец «Показатель портала»: портал не измеряет показатель" in text
    assert client.post(reverse("roadmap:import_confirm")).status_code == 302
    assert not RoadmapItem.objects.exists()


def test_a_repeated_number_is_an_error(client, ministry_user):
    client.force_login(ministry_user)

    reply = _upload(client, _xlsx([_row(), _row()]))

    assert "строка 3, столбец «№ п/п»: номер 1.1 уже есть в строке 2" in reply.content.decode()


def test_an_unknown_responsible_inn_is_an_error(client, ministry_user):
    client.force_login(ministry_user)
    known = OrganizationFactory()

    good = _upload(client, _xlsx([_row(**{col.RESPONSIBLE_INN: int(known.inn)})]))
    bad = _upload(client, _xlsx([_row(**{col.RESPONSIBLE_INN: "5610000000"})]))

    assert good.status_code == 200
    assert bad.status_code == 400
    assert "столбец «ИНН организации-исполнителя»" in bad.content.decode()


def test_a_measured_indicator_ignores_the_files_actual_value(client, ministry_user):
    client.force_login(ministry_user)
    row = _row(**{col.INDICATOR_CODE: "reserve_size", col.ACTUAL: 77, col.INDICATOR: None})

    _upload(client, _xlsx([row]))
    client.post(reverse("roadmap:import_confirm"))

    item = RoadmapItem.objects.get()
    assert item.indicator_code == "reserve_size"
    assert item.actual_value is None
    assert item.indicator == "численность кадрового резерва, чел."


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (hostile_files.zip_bomb, "Файл отклонён"),
        (hostile_files.entity_bomb_in_sheet, "DOCTYPE или ENTITY"),
        (hostile_files.pdf_renamed, "PDF"),
        (hostile_files.text_renamed, "не похож на таблицу"),
    ],
)
def test_hostile_files_are_refused_by_the_shared_reader(tmp_path: Path, db, make, message):
    path = tmp_path / "roadmap.xlsx"
    make(path)

    with pytest.raises(FileRefused, match=message):
        read_roadmap_file(path)


def test_a_refused_file_is_explained_on_the_page(client, ministry_user):
    client.force_login(ministry_user)
    fake = io.BytesIO(b"%PDF-1.4 not a table")
    fake.name = "roadmap.xlsx"

    reply = _upload(client, fake)

    assert reply.status_code == 400
    assert "Файл не принят" in reply.content.decode()


def test_the_template_downloads_and_imports_as_is(client, ministry_user):
    client.force_login(ministry_user)

    reply = client.get(reverse("roadmap:template"))

    workbook = load_workbook(io.BytesIO(reply.content))
    assert tuple(cell.value for cell in workbook["Дорожная карта"][1]) == col.HEADERS
    buffer = io.BytesIO(reply.content)
    buffer.name = "template.xlsx"
    assert "Будет добавлено: <strong>1</strong>" in _upload(client, buffer).content.decode()


def test_the_export_reads_back_unchanged(client, ministry_user):
    client.force_login(ministry_user)
    RoadmapItemFactory(number="2.10", partners="ИРО\nОГПУ", budget_amount=Decimal("1500.25"))
    RoadmapItemFactory(number="2.9", title='=HYPERLINK("x")', status=RoadmapStatus.DONE)

    exported = client.get(reverse("roadmap:export"))
    sheet = load_workbook(io.BytesIO(exported.content))["Дорожная карта"]
    buffer = io.BytesIO(exported.content)
    buffer.name = "export.xlsx"
    preview = _upload(client, buffer)

    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == ["2.9", "2.10"]
    assert is_safe_text(sheet["B2"], '=HYPERLINK("x")')  # text as typed, never a formula
    assert "Будет добавлено: <strong>0</strong>, изменено: <strong>0</strong>" in (
        preview.content.decode()
    )


@pytest.mark.parametrize(
    "persona", ["municipal_user", "candidate_user", "mentor_user", "expert_user"]
)
def test_only_the_ministry_imports(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == 404
    assert client.get(reverse("roadmap:template")).status_code == 404
    assert client.post(reverse("roadmap:import_confirm")).status_code == 404

"""Catalogue import from Excel: template, preview, row errors, all-or-nothing, hostile files."""

import datetime
import io
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from audit.models import AuditEvent
from core.spreadsheets import FileRefused
from development.catalogue.importing import TEMPLATE_HEADERS, read_catalogue_file
from development.models import Activity
from tests.factories import OrganizationFactory
from tests.registry import hostile_files

URL = "/development/catalogue/import/"


def _xlsx(rows, *, title_rows=(), headers=TEMPLATE_HEADERS) -> io.BytesIO:
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
    buffer.name = "catalogue.xlsx"
    return buffer


def _row(**values) -> tuple:
    row = {
        "Вид": "курс ДПО",
        "Наименование": "Менеджмент в образовании",
        "Содержание": "Основы управления",
        "Организатор": "Региональный институт развития образования",
        "ИНН стажировочной площадки": None,
        "Руководитель стажировки": None,
        "Часов": 72,
        "Формат": "очно-заочно",
        "Начало": datetime.datetime(2027, 3, 1),
        "Окончание": "30.04.2027",
        "Мест": 25,
        "Компетенции": "K01, к09",
        "Уровень от": 1,
        "Уровень до": 2,
    }
    row.update(values)
    return tuple(row[header] for header in TEMPLATE_HEADERS)


@pytest.fixture
def host(db):
    return OrganizationFactory(short_name="МОАУ «Лицей № 1»")


def _upload(client, buffer):
    return client.post(URL, {"file": buffer})


def test_a_good_file_is_previewed_then_imported(client, ministry_user, host):
    client.force_login(ministry_user)
    rows = [
        _row(),
        _row(
            **{
                "Вид": "Стажировка",
                "Наименование": "Стажировка в лицее",
                "ИНН стажировочной площадки": int(host.inn),
                "Руководитель стажировки": "Петрова Анна Ивановна",
                "Часов": "36",
                "Формат": "очно",
                "Начало": "12.04.2027",
                "Окончание": "16.04.2027",
                "Мест": 5,
                "Компетенции": "K02;K07",
                "Уровень от": 2,
                "Уровень до": 3,
            }
        ),
        _row(**{"Вид": "вебинар", "Наименование": "Вебинар", "Окончание": None, "Мест": None}),
    ]
    before = Activity.objects.count()

    preview = _upload(client, _xlsx(rows, title_rows=[("Каталог мероприятий на 2027 год",)]))

    assert preview.status_code == 200
    assert "ошибок нет, мероприятий 3" in preview.content.decode()
    assert Activity.objects.count() == before
    done = client.post(reverse("development:catalogue_import_confirm"))
    assert done.status_code == 302
    assert Activity.objects.count() == before + 3
    internship = Activity.objects.get(title="Стажировка в лицее")
    assert internship.host_organization == host
    assert internship.tutor_name == "Петрова Анна Ивановна"
    assert sorted(internship.competencies.values_list("code", flat=True)) == ["K02", "K07"]
    assert (internship.min_level, internship.max_level, internship.places) == (2, 3, 5)
    course = Activity.objects.get(title="Менеджмент в образовании")
    assert sorted(course.competencies.values_list("code", flat=True)) == ["K01", "K09"]
    assert (course.starts_on, course.ends_on) == (
        datetime.date(2027, 3, 1),
        datetime.date(2027, 4, 30),
    )
    webinar = Activity.objects.get(title="Вебинар")
    assert webinar.ends_on == webinar.starts_on and webinar.places is None
    assert AuditEvent.objects.filter(action="activity.import").count() == 3
    again = client.post(reverse("development:catalogue_import_confirm"), follow=True)
    assert "Нечего загружать" in again.content.decode()


def test_bad_rows_are_listed_with_row_and_column_and_nothing_is_written(
    client, ministry_user, host
):
    client.force_login(ministry_user)
    rows = [
        _row(),
        _row(**{"Вид": "лекция", "Наименование": "Другое"}),
        _row(
            **{
                "Вид": "стажировка",
                "Наименование": "Стажировка без площадки",
                "ИНН стажировочной площадки": "5610000000",
            }
        ),
        _row(**{"Наименование": "Уровни наоборот", "Уровень от": 3, "Уровень до": 1}),
        _row(**{"Наименование": "Код не тот", "Компетенции": "K11"}),
        _row(**{"Наименование": "Даты", "Начало": "31.02.2027"}),
        _row(**{"Наименование": "Уровень 5", "Уровень до": 5}),
        _row(),
    ]
    before = Activity.objects.count()

    reply = _upload(client, _xlsx(rows))

    page = reply.content.decode()
    assert reply.status_code == 400
    for expected in [
        "строка 3, столбец «Вид»: укажите вид: курс ДПО, стажировка, вебинар, проектная работа "
        "или наставничество, а не «лекция»",
        "строка 4, столбец «ИНН стажировочной площадки»",
        "строка 4, столбец «Руководитель стажировки»: для стажировки укажите руководителя",
        "строка 5, столбец «Уровень до»: уровень «до» (1) меньше уровня «от» (3)",
        "строка 6, столбец «Компетенции»: компетенции с кодом «K11» нет в модели",
        "строка 7, столбец «Начало»: даты 31.02.2027 не существует",
        "строка 8, столбец «Уровень до»: допускается число от 1 до 4, а в ячейке 5",
        "строка 9, столбец «Наименование»: мероприятие повторяет строку 2",
    ]:
        assert expected in page, expected
    assert "Загрузить мероприятия:" not in page
    assert Activity.objects.count() == before


def test_an_internship_host_must_be_in_the_registry(tmp_path, db):
    path = tmp_path / "c.xlsx"
    path.write_bytes(
        _xlsx(
            [
                _row(
                    **{
                        "Вид": "стажировка",
                        "ИНН стажировочной площадки": "7707083893",
                        "Руководитель стажировки": "Иванов И. И.",
                    }
                )
            ]
        ).getvalue()
    )

    rows, errors = read_catalogue_file(path)

    assert rows == []
    assert [str(error) for error in errors] == [
        "строка 2, столбец «ИНН стажировочной площадки»: организации с ИНН 7707083893 нет в "
        "реестре образовательных организаций"
    ]


def test_a_row_already_in_the_catalogue_is_an_error(client, ministry_user):
    client.force_login(ministry_user)
    _upload(client, _xlsx([_row()]))
    client.post(reverse("development:catalogue_import_confirm"))

    reply = _upload(client, _xlsx([_row()]))

    assert reply.status_code == 400
    assert "уже есть в каталоге" in reply.content.decode()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (hostile_files.zip_bomb, "Файл отклонён"),
        (hostile_files.pdf_renamed, "PDF"),
        (hostile_files.text_renamed, "не похож на таблицу"),
    ],
)
def test_hostile_files_are_refused_by_the_shared_reader(tmp_path: Path, db, make, message):
    path = tmp_path / "catalogue.xlsx"
    make(path)

    with pytest.raises(FileRefused, match=message):
        read_catalogue_file(path)


def test_a_refused_file_is_explained_on_the_page(client, ministry_user):
    client.force_login(ministry_user)
    fake = io.BytesIO(b"%PDF-1.4 not a table")
    fake.name = "catalogue.xlsx"

    reply = _upload(client, fake)

    assert reply.status_code == 400
    assert "Файл не принят" in reply.content.decode()


def test_a_file_without_the_header_is_refused(client, ministry_user):
    client.force_login(ministry_user)

    reply = _upload(client, _xlsx([_row()], headers=("Название", "Часы")))

    assert reply.status_code == 400
    assert "не найдена строка заголовков каталога" in reply.content.decode()


def test_the_template_downloads_and_imports_as_is(client, ministry_user, host):
    client.force_login(ministry_user)

    reply = client.get(reverse("development:catalogue_template"))

    assert reply.status_code == 200
    workbook = load_workbook(io.BytesIO(reply.content))
    assert tuple(cell.value for cell in workbook["Мероприятия"][1]) == TEMPLATE_HEADERS
    assert workbook["Справочники"]["A2"].value == "K01"
    buffer = io.BytesIO(reply.content)
    buffer.name = "template.xlsx"
    assert "ошибок нет, мероприятий 2" in _upload(client, buffer).content.decode()


@pytest.mark.parametrize("persona", ["municipal_user", "candidate_user", "mentor_user"])
def test_only_the_ministry_imports(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == 404
    assert client.get(reverse("development:catalogue_template")).status_code == 404
    assert client.post(reverse("development:catalogue_import_confirm")).status_code == 404

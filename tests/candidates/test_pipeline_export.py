"""The pipeline's .xlsx export: scope, filters, escaping, Russian columns, access logged."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import PersonalDataAccess
from candidates.models import NominationStatus
from registry.models import Municipality
from tests.candidates.factories import make_candidate, make_nomination
from tests.xlsx import is_safe_text, sheet_cells

S = NominationStatus
URL = reverse("candidates:pipeline_export")


def _nomination(last_name: str, *, municipality=None, status=S.SUBMITTED, **profile):
    candidate = make_candidate(
        municipality=municipality, last_name=last_name, complete=False, consent=False, **profile
    )
    return make_nomination(candidate=candidate, status=status, documents=False)


def _rows(response) -> list[tuple]:
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return list(sheet.iter_rows(values_only=True))


@pytest.fixture
def orsk(db):
    return Municipality.objects.get(name="город Орск")


@pytest.mark.django_db
def test_it_sends_anonymous_visitors_to_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.django_db
def test_it_writes_russian_columns_and_the_filtered_rows(client, ministry_user):
    _nomination("Поданная", position="Учитель")
    _nomination("Черновая", status=S.DRAFT)
    client.force_login(ministry_user)

    response = client.get(URL, {"status": S.SUBMITTED})

    rows = _rows(response)
    assert rows[0][:4] == ("ФИО", "Дата рождения", "Email", "Телефон")
    assert "Целевая должность" in rows[0]
    assert [row[0].split()[0] for row in rows[1:]] == ["Поданная"]
    assert rows[1][rows[0].index("Статус")] == "подана"
    assert rows[1][rows[0].index("Должность")] == "Учитель"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.django_db
def test_a_coordinators_export_never_holds_another_municipalitys_rows(client, municipal_user, orsk):
    _nomination("Оренбургская")
    _nomination("Орская", municipality=orsk)
    client.force_login(municipal_user)

    for params in ({}, {"municipality": orsk.pk}, {"q": "Орская"}):
        rows = _rows(client.get(URL, params))
        assert all("Орская" not in row[0] for row in rows[1:]), params
        assert all(row[rows[0].index("Муниципальное образование")] != orsk.name for row in rows[1:])


@pytest.mark.django_db
@pytest.mark.parametrize("dangerous", ["=1+2", "+79001234567", "-5", "@SUM(A1)", "\tX", "\rX"])
def test_it_escapes_cells_a_spreadsheet_would_run_as_formulas(client, ministry_user, dangerous):
    _nomination("Формулова", phone=dangerous, position='=HYPERLINK("http://evil","x")')
    client.force_login(ministry_user)

    response = client.get(URL)

    rows = sheet_cells(b"".join(response.streaming_content))
    header = [cell.value for cell in rows[0]]
    assert is_safe_text(rows[1][header.index("Телефон")], dangerous)
    assert is_safe_text(rows[1][header.index("Должность")], '=HYPERLINK("http://evil","x")')


@pytest.mark.django_db
def test_it_logs_one_access_per_exported_person_naming_the_filter(client, ministry_user):
    exported = [_nomination("Первая"), _nomination("Вторая")]
    _nomination("Неподанная", status=S.DRAFT)
    client.force_login(ministry_user)

    _rows(client.get(URL, {"status": S.SUBMITTED}))

    records = PersonalDataAccess.objects.filter(actor=ministry_user)
    assert sorted(records.values_list("subject_id", flat=True)) == sorted(
        str(nomination.candidate_id) for nomination in exported
    )
    assert all("выгрузка" in record.purpose for record in records)
    assert all("Статус: подана" in record.purpose for record in records)


@pytest.mark.django_db
def test_the_query_count_does_not_grow_with_rows(client, ministry_user, django_assert_num_queries):
    client.force_login(ministry_user)
    for index in range(3):
        _nomination(f"Строка{index}")
    with CaptureQueriesContext(connection) as three_rows:
        assert len(_rows(client.get(URL))) == 4
    for index in range(27):
        _nomination(f"Ещё{index}")

    with django_assert_num_queries(len(three_rows.captured_queries)):
        assert len(_rows(client.get(URL))) == 31

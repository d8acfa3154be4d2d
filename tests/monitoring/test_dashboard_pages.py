"""The dashboards: the ministry's region, the coordinator's municipality, drill-down, exports."""

import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from monitoring.reporting.data import report_data
from monitoring.reporting.xlsx import layout
from tests.monitoring.indicator_data import TODAY, build

pytestmark = pytest.mark.usefixtures("frozen")
PERIOD = {"period": "2027-h1"}


@pytest.fixture
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def region(db):
    return build()


def _get(client, user, url, params=None):
    client.force_login(user)
    return client.get(url, params or {})


def test_the_ministry_home_is_the_regions_dashboard(client, ministry_user, region):
    page = _get(client, ministry_user, reverse("accounts:home_ministry"), PERIOD)

    text = page.content.decode()
    assert page.status_code == 200
    assert "появятся здесь" not in text
    assert "Резерв региона: 1-е полугодие 2027" in text
    assert "Требует внимания" in text and "Дорожная карта" in text
    link = reverse("monitoring:indicator", args=["reserve_size"])
    assert f'{link}?period=2027-h1&amp;municipality={region["orsk"].pk}#rows">1</a>' in text


def test_a_number_drills_down_to_its_list(client, ministry_user, region):
    url = reverse("monitoring:indicator", args=["reserve_size"])

    page = _get(client, ministry_user, url, {**PERIOD, "municipality": region["orenburg"].pk})

    rows = page.context["page"].object_list
    assert page.context["page"].paginator.count == 2
    assert {row.municipality_id for row in rows} == {region["orenburg"].pk}
    assert "Из чего посчитано: город Оренбург (2)" in page.content.decode()


def test_the_coordinator_home_compares_with_the_region(client, municipal_user, region):
    page = _get(client, municipal_user, reverse("accounts:home_municipal"), PERIOD)

    text = page.content.decode()
    comparison = {entry["indicator"].code: entry for entry in page.context["comparison"]}
    assert "Что появится дальше" not in text
    assert comparison["reserve_size"]["own"].text == "2"
    assert comparison["plans_share"]["region"].text == "33,3 %"
    assert "В среднем по области" in text
    assert "город Орск" not in text


@pytest.mark.parametrize(
    ("region_count", "expected"),
    [(14, "0,3"), (2, "0,05"), (0, "0,0"), (42, "1,0")],
)
def test_the_regions_mean_per_municipality_never_hides_a_count_as_zero(region_count, expected):
    """Over 42 municipalities: 14 → 0,3; 2 → 0,05 (not «0,0»); none → 0,0."""
    from types import SimpleNamespace

    from monitoring.indicators.base import COUNT
    from monitoring.indicators.home import _average_text

    indicator = SimpleNamespace(kind=COUNT, divisor=1)
    cell = SimpleNamespace(figure=SimpleNamespace(numerator=region_count), text=str(region_count))

    assert _average_text(indicator, cell, 42) == expected


def test_a_coordinator_cannot_drill_into_another_municipality(
    client, outsider_municipal_user, region
):
    url = reverse("monitoring:indicator", args=["reserve_size"])

    own = _get(client, outsider_municipal_user, url, {"municipality": region["orsk"].pk})
    other = _get(client, outsider_municipal_user, url, {"municipality": region["orenburg"].pk})

    assert own.status_code == 200
    assert other.status_code == 404


@pytest.mark.parametrize("persona", ["candidate_user", "mentor_user", "expert_user"])
def test_outsiders_get_404_on_every_monitoring_page(client, request, persona, region):
    user = request.getfixturevalue(persona)
    urls = [
        reverse("monitoring:indicators"),
        reverse("monitoring:indicator", args=["reserve_size"]),
        reverse("monitoring:indicator_export"),
        reverse("monitoring:strategic_summary"),
        reverse("monitoring:report_documents"),
        reverse("monitoring:annual_report", args=[2027, "xlsx"]),
        reverse("monitoring:municipal_report", args=[region["orsk"].pk, 2027, 1, "xlsx"]),
    ]
    client.force_login(user)

    assert [client.get(url).status_code for url in urls] == [404] * len(urls)


def test_the_coordinator_gets_only_own_municipal_report(client, municipal_user, region):
    client.force_login(municipal_user)
    own = reverse("monitoring:municipal_report", args=[region["orenburg"].pk, 2027, 1, "xlsx"])
    other = reverse("monitoring:municipal_report", args=[region["orsk"].pk, 2027, 1, "xlsx"])

    assert client.get(own).status_code == 200
    assert client.get(other).status_code == 404
    assert client.get(reverse("monitoring:strategic_summary")).status_code == 404


def _home_queries(client, user, name) -> int:
    client.force_login(user)
    client.get(reverse(name), PERIOD)  # warm the session
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse(name), PERIOD)
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    ("persona", "name"),
    [("ministry_user", "accounts:home_ministry"), ("municipal_user", "accounts:home_municipal")],
)
def test_the_home_dashboards_query_count_does_not_grow(client, request, db, persona, name):
    user = request.getfixturevalue(persona)
    build(scale=1)
    small = _home_queries(client, user, name)
    build(scale=4)

    assert _home_queries(client, user, name) == small


def test_the_export_reads_back(client, ministry_user, region):
    response = _get(client, ministry_user, reverse("monitoring:indicator_export"), PERIOD)

    sheet = load_workbook(io.BytesIO(response.content))["Показатели"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=4)}
    header = [cell.value for cell in sheet[3]]
    assert header[1] == "Образовательные организации, ед."
    assert rows["город Оренбург"][header.index("Численность резерва, чел.")].value == 2
    assert rows["Оренбургская область"][header.index("Численность резерва, чел.")].value == 3


def test_the_municipal_report_holds_its_layout(client, municipal_user, region):
    url = reverse("monitoring:municipal_report", args=[region["orenburg"].pk, 2027, 1, "xlsx"])

    sheet = load_workbook(io.BytesIO(_get(client, municipal_user, url).content))["Отчёт"]

    labels = [sheet.cell(row=row, column=1).value for row in range(4, sheet.max_row + 1)]
    import datetime

    from governance.selectors import regulation_in_force
    from monitoring.indicators.base import Period

    data = report_data(
        title="",
        period=Period(datetime.date(2027, 1, 1), datetime.date(2027, 6, 30), ""),
        today=TODAY,
        regulation=regulation_in_force(),
        municipality=region["orenburg"],
    )
    assert labels == layout(data)
    assert sheet["A4"].value == "1. Численность и состав резерва"
    assert (sheet["A5"].value, sheet["B5"].value) == ("Состоит в резерве на конец периода, чел.", 2)
    values = {
        sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=2).value
        for r in range(4, sheet.max_row + 1)
    }
    assert values["Назначено из резерва, чел."] == 1
    assert values["Исключено из резерва, чел."] == 1
    assert values["Резервисты с утверждённым ИОМ, %"] == "50 %"
    assert values["Часы встреч с наставниками, ч"] == 1.5


def test_the_annual_report_narrative_has_the_same_numbers(client, ministry_user, region):
    url = reverse("monitoring:annual_report", args=[2027, "docx"])

    document = Document(io.BytesIO(_get(client, ministry_user, url).content))

    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "в кадровом резерве состоит 3 человека. По категориям: «" in text
    assert ". категория" not in text  # no sentence starts in lower case
    assert "назначено из резерва: 1 человек" in text
    assert "Мероприятий дорожной карты" in text


def test_the_strategic_summary_prints_and_downloads(client, ministry_user, region):
    page = _get(client, ministry_user, reverse("monitoring:strategic_summary"), PERIOD)
    docx = client.get(reverse("monitoring:strategic_summary_file", args=["docx"]), PERIOD)
    xlsx = client.get(reverse("monitoring:strategic_summary_file", args=["xlsx"]), PERIOD)

    assert "Резерв по муниципальным образованиям и должностям" in page.content.decode()
    assert docx.status_code == xlsx.status_code == 200
    grid = load_workbook(io.BytesIO(xlsx.content))["По муниципалитетам"]
    totals = {row[0].value: row[-1].value for row in grid.iter_rows(min_row=2)}
    assert totals == {"город Оренбург": 2, "город Орск": 1}

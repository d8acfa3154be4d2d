"""The forecast at three horizons, mentors' supply against demand, and the splits of the reserve."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from development.models import MentorshipStatus
from monitoring.indicators.base import Period
from monitoring.indicators.breakdowns import splits
from monitoring.indicators.definitions import BY_CODE
from monitoring.indicators.selectors import dashboard, indicator_rows
from registry.models import Founder, Municipality
from tests.candidates.commission_factories import make_membership
from tests.development.plans_factories import make_mentor, pair
from tests.factories import OrganizationFactory
from tests.monitoring.indicator_data import TODAY, build

HALF = Period(datetime.date(2027, 1, 1), datetime.date(2027, 6, 30), "1-е полугодие 2027")
STARTED = datetime.date(2026, 9, 1)


@pytest.fixture
def towns(db):
    return (
        Municipality.objects.get(name="город Оренбург"),
        Municipality.objects.get(name="город Орск"),
    )


def _table(user, codes):
    board = dashboard(user, period=HALF, today=TODAY, indicators=[BY_CODE[c] for c in codes])
    table = {row.name: [cell.text for cell in row.cells] for row in board.rows}
    table["область"] = [cell.text for cell in board.region.cells]
    return table


def test_the_forecast_counts_heads_by_horizon(towns, ministry_user):
    orenburg, orsk = towns

    def organization(municipality=orenburg, **fields):
        return OrganizationFactory(municipality=municipality, **fields)

    # Stocks are counted on 15.06.2027 (today, inside the half-year): horizons end on
    # 15.06.2028, 15.06.2029 and 15.06.2030.
    organization(head_contract_end_date=datetime.date(2028, 1, 10))  # 12, 24, 36
    organization(head_birth_date=datetime.date(1966, 3, 1))  # 60 already: 12, 24, 36
    organization(head_birth_date=datetime.date(1968, 6, 15))  # 60 on 15.06.2028: 12, 24, 36
    organization(head_birth_date=datetime.date(1968, 6, 16))  # 60 on 16.06.2028: 24, 36
    organization(head_contract_end_date=datetime.date(2029, 1, 1))  # 24, 36
    organization(head_birth_date=datetime.date(1970, 1, 1))  # 60 on 01.01.2030: 36
    organization(head_birth_date=datetime.date(1975, 1, 1))  # not within 36 months
    organization(head_contract_end_date=datetime.date(2027, 7, 1), founder=Founder.PRIVATE)
    organization(head_contract_end_date=datetime.date(2027, 7, 1), is_active=False)
    organization(orsk, head_contract_end_date=datetime.date(2027, 10, 1))

    table = _table(
        ministry_user, ["forecast_vacancies", "forecast_vacancies_24", "forecast_vacancies_36"]
    )

    assert table["город Оренбург"] == ["3", "5", "6"]
    assert table["город Орск"] == ["1", "1", "1"]
    assert table["область"] == ["4", "6", "7"]
    assert BY_CODE["forecast_vacancies_24"].title == "Прогноз вакансий на 24 месяца"


def test_mentors_supply_stands_against_the_reservists_waiting(towns, ministry_user):
    orenburg, orsk = towns
    paired, proposed, alone = (
        make_membership(started_on=STARTED, municipality=orenburg) for _ in range(3)
    )
    excluded = make_membership(started_on=STARTED, municipality=orenburg, status="excluded")
    excluded.ended_on = datetime.date(2027, 1, 20)
    excluded.save(update_fields=["ended_on"])
    busy = make_mentor(organization=OrganizationFactory(municipality=orenburg))
    busy.capacity = 3
    busy.save(update_fields=["capacity"])
    mentorship = pair(busy, paired)
    mentorship.started_on = datetime.date(2026, 10, 1)
    mentorship.save(update_fields=["started_on"])
    pair(busy, proposed, status=MentorshipStatus.PROPOSED)  # holds a place, is no mentor yet
    resting = make_mentor(organization=OrganizationFactory(municipality=orenburg))
    resting.is_available = False
    resting.save(update_fields=["is_available"])
    make_mentor(organization=OrganizationFactory(municipality=orsk))  # two places free

    table = _table(ministry_user, ["mentees_waiting", "mentor_places_free"])

    assert table["город Оренбург"] == ["2", "1"]  # proposed and alone wait; busy has 3 − 2
    assert table["город Орск"] == ["0", "2"]
    assert table["область"] == ["2", "3"]
    rows = indicator_rows(
        ministry_user,
        code="mentees_waiting",
        period=HALF,
        today=TODAY,
        municipality_id=orenburg.pk,
    )
    assert set(rows) == {proposed, alone}


def test_the_reserve_splits_by_category_readiness_and_post(towns, municipal_user):
    orenburg, orsk = towns
    make_membership(started_on=STARTED, municipality=orenburg)
    make_membership(
        started_on=STARTED, municipality=orenburg, category="prospective", readiness="within_year"
    )
    make_membership(
        started_on=STARTED,
        municipality=orenburg,
        category="prospective",
        readiness="within_two_years",
    )
    make_membership(started_on=STARTED, municipality=orsk, category="prospective")

    rows = indicator_rows(
        municipal_user,
        code="reserve_size",
        period=HALF,
        today=TODAY,
        municipality_id=orenburg.pk,
    )
    by_title = {split.title: split for split in splits(BY_CODE["reserve_size"], rows)}

    assert by_title["По категориям резерва"].parts == [("перспективный", 2), ("оперативный", 1)]
    assert dict(by_title["По готовности к назначению"].parts) == {
        "готов сейчас": 1,
        "готов в течение года": 1,
        "готов в течение двух лет": 1,
    }
    assert by_title["По должностям"].total == 3


def test_the_nominations_split_by_status_and_source(db, ministry_user):
    build()
    rows = indicator_rows(
        ministry_user, code="nominations_total", period=HALF, today=TODAY, municipality_id=None
    )

    by_title = {split.title: split for split in splits(BY_CODE["nominations_total"], rows)}

    assert by_title["По статусу заявки"].total == 3
    assert len(by_title["По статусу заявки"].parts) == 3
    assert by_title["По тому, кто выдвинул"].parts == [("самовыдвижение", 3)]


def _detail_queries(client, user) -> int:
    url = reverse("monitoring:indicator", args=["reserve_size"])
    client.get(url, {"period": "2027-h1"})  # warm the session
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url, {"period": "2027-h1"})
    assert "По категориям резерва" in page.content.decode()
    return len(captured.captured_queries)


def test_the_indicator_page_with_its_splits_does_not_grow_with_the_data(client, db, municipal_user):
    with time_machine.travel(TODAY, tick=False):
        client.force_login(municipal_user)
        build(scale=1)
        small = _detail_queries(client, municipal_user)
        build(scale=4)

        assert _detail_queries(client, municipal_user) == small

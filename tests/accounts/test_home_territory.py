"""Ministry and coordinator home pages: organizations by kind and early vacancy signals."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.models import Municipality, OrganizationKind
from tests.factories import OrganizationFactory

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture(autouse=True)
def _frozen_day():
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def region(municipality, other_municipality):
    """Organizations in Оренбург and Орск with heads near the thresholds."""
    OrganizationFactory(
        municipality=municipality,
        kind=OrganizationKind.GENERAL,
        short_name="Школа с договором до лета",
        head_full_name="Истекаева Анна Петровна",
        head_contract_end_date=datetime.date(2026, 6, 30),
    )
    OrganizationFactory(
        municipality=municipality,
        kind=OrganizationKind.PRESCHOOL,
        short_name="Сад на границе года",
        head_contract_end_date=datetime.date(2027, 3, 2),
        head_birth_date=datetime.date(1966, 3, 2),  # 60 today
    )
    OrganizationFactory(
        municipality=municipality,
        kind=OrganizationKind.PRESCHOOL,
        short_name="Сад с долгим договором",
        head_contract_end_date=datetime.date(2027, 3, 3),
        head_birth_date=datetime.date(1966, 3, 3),  # 60 tomorrow
    )
    OrganizationFactory(
        municipality=municipality,
        kind=OrganizationKind.GENERAL,
        short_name="Закрытая школа",
        is_active=False,
        head_contract_end_date=datetime.date(2026, 4, 1),
    )
    OrganizationFactory(
        municipality=other_municipality,
        kind=OrganizationKind.ADDITIONAL,
        short_name="Орский центр творчества",
        head_full_name="Орская Мария Ивановна",
        head_contract_end_date=datetime.date(2026, 5, 1),
        head_birth_date=datetime.date(1950, 1, 1),
    )


def test_it_counts_the_region_for_the_ministry(client, ministry_user, region):
    client.force_login(ministry_user)

    overview = client.get("/accounts/home/ministry/").context["overview"]

    assert overview.total == 4
    assert overview.kind_totals == [1, 2, 1, 0]
    rows = {row.name: row for row in overview.rows}
    assert len(rows) == Municipality.objects.count()
    assert rows["город Оренбург"].counts == [1, 2, 0, 0]
    assert rows["город Орск"].total == 1
    assert overview.contracts_ending_count == 3
    assert [str(item) for item in overview.contracts_ending] == [
        "Орский центр творчества",
        "Школа с договором до лета",
        "Сад на границе года",
    ]
    assert overview.retirement_age_count == 2


def test_it_shows_the_ministry_the_breakdown_by_municipality(client, ministry_user, region):
    client.force_login(ministry_user)

    html = client.get("/accounts/home/ministry/").content.decode()

    assert "По муниципальным образованиям" in html
    assert "Абдулинский городской округ" in html
    assert "Орская Мария Ивановна" in html
    assert "30.06.2026" in html


def test_it_shows_a_coordinator_only_their_municipality(client, municipal_user, region):
    client.force_login(municipal_user)

    response = client.get("/accounts/home/municipal/")
    overview = response.context["overview"]
    html = response.content.decode()

    assert overview.total == 3
    assert [row.name for row in overview.rows] == ["город Оренбург"]
    assert overview.contracts_ending_count == 2
    assert overview.retirement_age_count == 1
    assert "Орский центр творчества" not in html
    assert "Орская Мария Ивановна" not in html
    assert "Абдулинский городской округ" not in html
    assert '<h1 class="h3 mb-1">город Оренбург</h1>' in html


def test_it_shows_the_other_coordinator_their_own(client, outsider_municipal_user, region):
    client.force_login(outsider_municipal_user)

    overview = client.get("/accounts/home/municipal/").context["overview"]

    assert overview.total == 1
    assert [str(item) for item in overview.contracts_ending] == ["Орский центр творчества"]


def test_it_says_when_there_are_no_signals(client, municipal_user):
    client.force_login(municipal_user)

    html = client.get("/accounts/home/municipal/").content.decode()

    assert "договоры руководителей не истекают" in html
    assert "Руководителей этого возраста в реестре нет" in html


def test_it_keeps_the_query_count_flat(client, ministry_user, municipality):
    client.force_login(ministry_user)
    OrganizationFactory(municipality=municipality, head_contract_end_date=TODAY)
    with CaptureQueriesContext(connection) as small:
        client.get("/accounts/home/ministry/")
    OrganizationFactory.create_batch(
        30,
        municipality=municipality,
        head_contract_end_date=TODAY,
        head_birth_date=datetime.date(1950, 1, 1),
    )

    with CaptureQueriesContext(connection) as large:
        client.get("/accounts/home/ministry/")

    assert len(large.captured_queries) == len(small.captured_queries)

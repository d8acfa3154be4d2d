"""Coverage: forecast and open vacancies against ready reservists, per municipality and post."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from onboarding.models import VacancyStatus
from onboarding.vacancies.selectors import coverage
from registry.models import OrganizationKind
from tests.development.mentoring_factories import ORENBURG, ORSK, make_reservist
from tests.onboarding.factories import make_org, make_vacancy

pytestmark = pytest.mark.django_db
OLD = datetime.date(1955, 1, 1)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)):
        yield


def _world():
    """Orenburg: 3 schools whose heads retire (one already has its vacancy open), a deputy's
    vacancy, a kindergarten head retiring; reservists ready now, later, in 3+ years, gone.
    Orsk: one school head retiring and two ready reservists."""
    schools = [make_org(head_birth_date=OLD) for _ in range(3)]
    make_vacancy(schools[0])  # counts as actual, not forecast
    make_vacancy(make_org(), code="deputy-general", status=VacancyStatus.SHORTLISTED)
    make_vacancy(make_org(), status=VacancyStatus.FILLED)  # filled: not demand
    make_org(kind=OrganizationKind.PRESCHOOL, head_birth_date=OLD)
    make_org(head_birth_date=datetime.date(1990, 1, 1))  # young head: no signal
    make_reservist(readiness="ready_now")
    make_reservist(readiness="within_year")
    make_reservist(readiness="within_three_years")  # not counted
    make_reservist(readiness="ready_now", status="excluded")  # not counted
    make_reservist(readiness="ready_now", term_ends_on=datetime.date(2026, 3, 9))  # term over
    make_reservist(readiness="ready_now", position_code="deputy-general")
    make_org(municipality_name=ORSK, head_birth_date=OLD)
    make_reservist(municipality_name=ORSK, readiness="ready_now")
    make_reservist(municipality_name=ORSK, readiness="ready_now")


def _rows(table):
    return {
        (row.municipality, row.post.code): (
            row.forecast,
            row.actual,
            row.ready_now,
            row.ready_soon,
            row.shortfall,
            row.state,
        )
        for row in table.rows
    }


def test_it_counts_demand_and_ready_reservists_per_municipality_and_post(ministry_user):
    _world()

    table = coverage(ministry_user, today=datetime.date(2026, 3, 10), months=12, age=60)

    assert _rows(table) == {
        (ORENBURG, "director-general"): (2, 1, 1, 1, 1, "gap"),
        (ORENBURG, "deputy-general"): (0, 1, 1, 0, 0, "covered"),
        (ORENBURG, "head-preschool"): (1, 0, 0, 0, 1, "gap"),
        (ORSK, "director-general"): (1, 0, 2, 0, 0, "covered"),
    }
    assert (table.total.forecast, table.total.actual, table.total.ready_now) == (4, 2, 4)
    assert table.gaps == 2


def test_reservists_ready_later_cover_a_post_only_later(ministry_user):
    make_org(head_birth_date=OLD)
    make_reservist(readiness="within_year")

    (row,) = coverage(ministry_user, today=datetime.date(2026, 3, 10), months=12, age=60).rows

    assert (row.demand, row.shortfall, row.state) == (1, 0, "later")


def test_a_coordinator_sees_their_municipality_only(municipal_user):
    _world()

    table = coverage(municipal_user, today=datetime.date(2026, 3, 10), months=12, age=60)

    assert {row.municipality for row in table.rows} == {ORENBURG}


def test_the_page_highlights_gaps_and_links_to_the_forecast(client, ministry_user):
    _world()
    client.force_login(ministry_user)

    response = client.get(reverse("onboarding:coverage"), {"months": 24, "age": 60})

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="state-gap"') == 2
    assert "пополнить резерв" in page
    # The Regulation's readiness levels: «в течение года» and «в течение двух лет».
    assert "Готовы в&nbsp;течение 1–2&nbsp;лет" in page
    assert "через 1–2 года" not in page
    assert reverse("onboarding:forecast") + "?months=24&amp;age=60" in page


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_asks_the_same_number_of_queries_for_more_data(client, ministry_user):
    client.force_login(ministry_user)
    url = reverse("onboarding:coverage")
    _world()
    small = _queries(client, url)
    for _ in range(3):
        _world()
    larger = _queries(client, url)

    assert small == larger

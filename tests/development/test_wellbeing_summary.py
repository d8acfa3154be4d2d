"""The staff aggregates: groups of five or more only, complementary suppression, territory."""

import datetime
import itertools

import pytest
import time_machine
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from development.models import PulseResponse
from development.wellbeing.selectors import HIDDEN_COMPLEMENT, HIDDEN_SMALL, Quarter, pulse_summary
from governance.consent import consent_give, consent_withdraw
from governance.models import ConsentPurpose
from registry.models import Municipality
from tests.factories import UserFactory

URL = reverse("development:wellbeing_aggregates")
TODAY = datetime.datetime(2026, 5, 14, 10, 0, tzinfo=datetime.UTC)
QUARTER = Quarter(2026, 2)
_names = itertools.count()


@pytest.fixture(autouse=True)
def _may_2026():
    with time_machine.travel(TODAY, tick=False):
        yield


def respond(
    count: int,
    municipality: str = "город Оренбург",
    *,
    index: int = 60,
    cohort_year: int | None = 2025,
    day: datetime.date = datetime.date(2026, 4, 20),
) -> list:
    """Create people who consented and answered once; return their accounts."""
    users = []
    for _ in range(count):
        user = UserFactory(
            role=Role.CANDIDATE if cohort_year else Role.MENTOR,
            last_name=f"Респондентова-{next(_names)}",
        )
        consent_give(user=user, purpose=ConsentPurpose.WELLBEING)
        PulseResponse.objects.create(
            user=user,
            submitted_on=day,
            answers=[index // 20] * 5,
            index=index,
            municipality=Municipality.objects.get(name=municipality),
            cohort_year=cohort_year,
        )
        users.append(user)
    return users


def _by_label(cells) -> dict:
    return {cell.label: cell for cell in cells}


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("ministry_user", 200),
        ("admin_user", 200),
        ("municipal_user", 200),
        ("expert_user", 404),
        ("mentor_user", 404),
        ("candidate_user", 404),
    ],
)
def test_only_the_ministry_and_coordinators_see_the_aggregates(client, request, persona, status):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == status


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_four_people_are_not_shown(client, ministry_user):
    respond(4, index=36)
    client.force_login(ministry_user)

    response = client.get(URL)

    content = response.content.decode()
    summary = response.context["summary"]
    assert summary.total.hidden == HIDDEN_SMALL
    assert _by_label(summary.by_municipality)["город Оренбург"].hidden == HIDDEN_SMALL
    assert "недостаточно ответов (меньше 5)" in content
    assert "36,0" not in content and ">4<" not in content


def test_five_people_are_shown_with_count_mean_and_low_share(client, ministry_user):
    respond(3, index=36)
    respond(2, index=80)
    client.force_login(ministry_user)

    response = client.get(URL)

    summary = response.context["summary"]
    assert (summary.total.people, summary.total.mean_index, summary.total.low_share) == (
        5,
        53.6,
        60,
    )
    orenburg = _by_label(summary.by_municipality)["город Оренбург"]
    assert (orenburg.people, orenburg.mean_index, orenburg.low_share) == (5, 53.6, 60)
    content = response.content.decode()
    assert "53,6" in content and "60&nbsp;%" in content


def test_one_small_municipality_hides_a_second_one_so_the_total_gives_nothing_away(
    client, ministry_user
):
    respond(9, "город Оренбург", index=60)
    respond(6, "город Орск", index=40)
    respond(1, "Бузулукский муниципальный район", index=8)
    client.force_login(ministry_user)

    response = client.get(URL)

    summary = response.context["summary"]
    cells = _by_label(summary.by_municipality)
    assert cells["Бузулукский муниципальный район"].hidden == HIDDEN_SMALL
    assert cells["город Орск"].hidden == HIDDEN_COMPLEMENT
    assert cells["город Оренбург"].people == 9
    # The total minus the shown group covers seven people, never the single one.
    assert summary.total.people == 16
    content = response.content.decode()
    assert "скрыто, чтобы нельзя было вычислить малую группу" in content
    assert ">8<" not in content


def test_the_cohort_table_puts_mentors_in_their_own_group_and_suppresses_alike(
    client, ministry_user
):
    respond(7, cohort_year=2025, index=60)
    respond(5, cohort_year=2024, index=60)
    respond(2, cohort_year=None, index=20)  # mentors
    client.force_login(ministry_user)

    summary = client.get(URL).context["summary"]

    cells = _by_label(summary.by_cohort)
    assert cells["Наставники"].hidden == HIDDEN_SMALL
    assert cells["Включены в резерв в 2024 г."].hidden == HIDDEN_COMPLEMENT
    assert cells["Включены в резерв в 2025 г."].people == 7


def test_a_coordinator_sees_only_their_own_municipality(client, municipal_user):
    respond(5, "город Оренбург", index=60)
    respond(7, "город Орск", index=20)
    client.force_login(municipal_user)

    response = client.get(URL)

    summary = response.context["summary"]
    assert summary.scope == "город Оренбург"
    assert summary.by_municipality is None
    assert (summary.total.people, summary.total.mean_index) == (5, 60.0)
    assert "город Орск" not in response.content.decode()


def test_the_other_coordinator_sees_their_own_figures(client, outsider_municipal_user):
    respond(5, "город Оренбург", index=60)
    respond(7, "город Орск", index=20)
    client.force_login(outsider_municipal_user)

    summary = client.get(URL).context["summary"]

    assert (summary.total.people, summary.total.mean_index) == (7, 20.0)


def test_no_one_is_named_and_no_answer_is_listed(client, ministry_user):
    people = respond(6, index=44)
    client.force_login(ministry_user)

    content = client.get(URL).content.decode()

    for user in people:
        assert user.last_name not in content
        assert user.username not in content


def test_answers_of_someone_who_withdrew_elsewhere_are_left_out(client, ministry_user):
    people = respond(5)
    consent_withdraw(user=people[0], purpose=ConsentPurpose.WELLBEING)
    client.force_login(ministry_user)

    summary = client.get(URL).context["summary"]

    assert summary.total.hidden == HIDDEN_SMALL


def test_a_person_answering_every_month_counts_once_in_the_quarter(ministry_user):
    person = respond(1, index=40, day=datetime.date(2026, 4, 2))[0]
    PulseResponse.objects.create(
        user=person,
        submitted_on=datetime.date(2026, 5, 2),
        answers=[4] * 5,
        index=80,
        municipality=Municipality.objects.get(name="город Оренбург"),
        cohort_year=2025,
    )
    respond(4, index=60)

    summary = pulse_summary(ministry_user, QUARTER)

    assert summary.total.people == 5
    assert summary.total.mean_index == 60.0  # ((40 + 80) / 2 + 4 × 60) / 5
    assert summary.total.low_share == 0  # the person's mean 60 is above WHO-5's 50


def test_quarters_are_kept_apart_and_the_quarter_can_be_chosen(client, ministry_user):
    respond(5, index=80, day=datetime.date(2026, 2, 10))
    respond(6, index=40, day=datetime.date(2026, 5, 10))
    client.force_login(ministry_user)

    current = client.get(URL).context["summary"]
    first = client.get(URL, {"quarter": "2026-1"}).context["summary"]

    assert (current.quarter, current.total.people, current.total.mean_index) == (QUARTER, 6, 40.0)
    assert (first.quarter, first.total.people, first.total.mean_index) == (
        Quarter(2026, 1),
        5,
        80.0,
    )
    trend = dict(current.trend)
    assert trend[Quarter(2026, 1)].people == 5
    assert trend[Quarter(2025, 4)].hidden == HIDDEN_SMALL


def test_an_unknown_quarter_falls_back_to_the_current_one(client, ministry_user):
    client.force_login(ministry_user)

    assert client.get(URL, {"quarter": "1900-1"}).context["summary"].quarter == QUARTER


def test_the_page_makes_as_many_queries_for_many_people_as_for_a_few(
    client, ministry_user, django_assert_num_queries
):
    respond(5, "город Оренбург")
    client.force_login(ministry_user)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    respond(6, "город Орск")
    respond(7, "Бузулукский муниципальный район", cohort_year=2024)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(URL)


def test_answers_are_not_in_the_admin(client, admin_user):
    client.force_login(admin_user)

    assert PulseResponse not in admin.site._registry
    assert client.get("/admin/development/pulseresponse/").status_code == 404

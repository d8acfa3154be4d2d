"""The catalogue's list and activity pages: filters, search, places, who may open them."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from development.models import Activity
from tests.development.plans_factories import make_activity, make_plan, retire_seeded_catalogue

D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 27, 10, 0), tick=False):
        yield


@pytest.fixture
def catalogue(db):
    retire_seeded_catalogue()
    Activity.objects.all().delete()
    return {
        "course": make_activity(
            ["K05"], title="Закупки для руководителя", starts_on=D(2027, 3, 1), places=2
        ),
        "webinar": make_activity(
            ["K08"], title="Родительское собрание", kind="webinar", starts_on=D(2027, 5, 1)
        ),
        "internship": make_activity(
            ["K02"],
            title="Стажировка в гимназии",
            kind="internship",
            format="in_person",
            starts_on=D(2027, 9, 1),
        ),
        "project": make_activity(["K09"], title="Проект сетевого партнёрства", kind="project"),
    }


def _titles(client, **params) -> list[str]:
    response = client.get(reverse("development:catalogue"), params)
    assert response.status_code == 200
    return [activity.title for activity in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {},
            [
                "Закупки для руководителя",
                "Родительское собрание",
                "Стажировка в гимназии",
                "Проект сетевого партнёрства",
            ],
        ),
        ({"kind": "webinar"}, ["Родительское собрание"]),
        ({"format": "in_person"}, ["Стажировка в гимназии"]),
        ({"date_from": "01.04.2027", "date_to": "31.08.2027"}, ["Родительское собрание"]),
        ({"q": "закупки"}, ["Закупки для руководителя"]),
    ],
)
def test_it_filters_the_catalogue(client, municipal_user, catalogue, params, expected):
    client.force_login(municipal_user)

    assert _titles(client, **params) == expected


def test_it_filters_by_competency(client, candidate_user, catalogue):
    from tests.development.plans_factories import competency

    client.force_login(candidate_user)

    assert _titles(client, competency=competency("K09").pk) == ["Проект сетевого партнёрства"]


def test_free_places_count_plans_in_work(client, ministry_user, catalogue):
    plan = make_plan(items=0)
    plan.items.create(title="x", activity=catalogue["course"], due_date=D(2027, 5, 1))
    client.force_login(ministry_user)

    page = client.get(reverse("development:activity_detail", args=[catalogue["course"].pk]))

    assert "свободно 1 из 2" in page.content.decode()


def test_retired_activities_are_hidden_from_reservists_but_not_from_staff(
    client, ministry_user, candidate_user, catalogue
):
    catalogue["project"].is_active = False
    catalogue["project"].save()
    url = reverse("development:activity_detail", args=[catalogue["project"].pk])

    client.force_login(candidate_user)
    assert "Проект сетевого партнёрства" not in _titles(client)
    assert client.get(url).status_code == 404
    client.force_login(ministry_user)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [2, 8])
def test_the_list_query_count_does_not_grow(
    client, ministry_user, django_assert_num_queries, count
):
    Activity.objects.all().delete()
    for number in range(count):
        make_activity(["K01", "K02"], title=f"Курс {number}", kind="internship")
    client.force_login(ministry_user)

    with django_assert_num_queries(13):  # with the second-factor device and unread notices
        client.get(reverse("development:catalogue"))


def test_experts_do_not_use_the_catalogue(client, expert_user, catalogue):
    client.force_login(expert_user)

    assert client.get(reverse("development:catalogue")).status_code == 404
    url = reverse("development:activity_detail", args=[catalogue["course"].pk])
    assert client.get(url).status_code == 404


def test_a_bad_date_in_the_filter_is_shown_not_crashed(client, ministry_user, catalogue):
    client.force_login(ministry_user)

    response = client.get(reverse("development:catalogue"), {"date_from": "32.13.2027"})

    assert response.status_code == 200
    assert "Введите правильную дату" in response.content.decode()


def test_past_activities_are_shown_only_when_asked(client, municipal_user, catalogue):
    make_activity(
        ["K05"], title="Прошедший курс", starts_on=D(2026, 10, 1), ends_on=D(2026, 10, 20)
    )
    client.force_login(municipal_user)

    assert "Прошедший курс" not in _titles(client)
    assert "Прошедший курс" in _titles(client, past="on")

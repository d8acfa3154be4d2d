"""The reserve list and a membership's page: scope, filters, exclusion, extension, queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from audit.models import PersonalDataAccess
from candidates.models import AgendaItem, MembershipEvent
from candidates.services.membership import membership_exclude
from governance.selectors import regulation_in_force
from registry.models import Municipality
from tests.candidates.commission_factories import make_commission, make_meeting, make_membership
from tests.factories import UserFactory

CONFIRMED = {"confirmed": "yes"}

pytestmark = pytest.mark.django_db
LIST = reverse("candidates:membership_list")


def _detail(membership):
    return reverse("candidates:membership_detail", args=[membership.pk])


def _names(response) -> list[str]:
    return [row.candidate.full_name for row in response.context["rows"]]


@pytest.fixture
def orenburg(db):
    return make_membership(last_name="Абрамова")


@pytest.fixture
def orsk(db, other_municipality):
    return make_membership(last_name="Борисова", municipality=other_municipality)


def test_anonymous_goes_to_login(client, orenburg):
    for url in [LIST, _detail(orenburg)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_the_ministry_sees_the_region(client, ministry_user, orenburg, orsk):
    client.force_login(ministry_user)
    response = client.get(LIST)
    assert _names(response) == ["Абрамова Анна Петровна", "Борисова Анна Петровна"]
    assert response.context["show_municipality"]


def test_a_coordinator_sees_their_municipality_only(
    client, municipal_user, outsider_municipal_user, orenburg, orsk
):
    client.force_login(municipal_user)

    assert _names(client.get(LIST)) == ["Абрамова Анна Петровна"]
    assert client.get(_detail(orenburg)).status_code == 200
    assert client.get(_detail(orsk)).status_code == 404
    client.force_login(outsider_municipal_user)
    assert client.get(_detail(orenburg)).status_code == 404


@pytest.mark.parametrize("persona", ["expert_user", "mentor_user", "candidate_user"])
def test_other_roles_get_no_list_and_no_one_elses_membership(client, request, orenburg, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(LIST).status_code == 404
    assert client.get(_detail(orenburg)).status_code == 404


def test_the_reservist_sees_their_own_membership(client, orenburg):
    client.force_login(orenburg.candidate.user)
    response = client.get(_detail(orenburg))
    assert response.status_code == 200
    assert not response.context["can_exclude"]
    assert "Исключить" not in response.content.decode()


def test_filters(client, ministry_user, orenburg, orsk):
    today = datetime.date.today()
    ending = make_membership(
        last_name="Васильева",
        category="prospective",
        readiness="within_three_years",
        term_ends_on=today + datetime.timedelta(days=60),
        position_code="deputy-general",
    )
    gone = make_membership(last_name="Григорьева")
    membership_exclude(membership=gone, ground="own_request", actor=ministry_user)
    client.force_login(ministry_user)

    assert "Григорьева Анна Петровна" not in _names(client.get(LIST))  # active by default
    assert _names(client.get(LIST, {"status": "excluded"})) == ["Григорьева Анна Петровна"]
    assert len(_names(client.get(LIST, {"status": ""}))) == 4
    assert _names(client.get(LIST, {"category": "prospective"})) == ["Васильева Анна Петровна"]
    assert _names(client.get(LIST, {"readiness": "within_three_years"})) == [
        "Васильева Анна Петровна"
    ]
    assert _names(client.get(LIST, {"position_kind": ending.position_kind_id})) == [
        "Васильева Анна Петровна"
    ]
    assert _names(client.get(LIST, {"term_months": "3"})) == ["Васильева Анна Петровна"]
    orsk_id = Municipality.objects.get(name="город Орск").pk
    assert _names(client.get(LIST, {"municipality": orsk_id})) == ["Борисова Анна Петровна"]
    assert _names(client.get(LIST, {"q": "борис"})) == ["Борисова Анна Петровна"]
    assert _names(client.get(LIST, {"q": "Анна Абрамова"})) == ["Абрамова Анна Петровна"]


@pytest.mark.sqlite
def test_the_name_search_ignores_case_and_yo(client, ministry_user):
    make_membership(last_name="Семёнова", first_name="Алёна")
    make_membership(last_name="Борисова")
    client.force_login(ministry_user)

    for query in ("СЕМЕНОВА", "семёнова алена", "Алена"):
        assert _names(client.get(LIST, {"q": query})) == ["Семёнова Алёна Петровна"], query


def test_a_coordinator_cannot_filter_into_another_municipality(
    client, municipal_user, orenburg, orsk
):
    client.force_login(municipal_user)
    response = client.get(LIST, {"municipality": orsk.municipality_id})
    assert "municipality" not in response.context["form"].fields
    assert _names(response) == ["Абрамова Анна Петровна"]


def test_the_list_shows_names_from_the_regulation(client, ministry_user, orenburg):
    client.force_login(ministry_user)
    text = client.get(LIST).content.decode()
    regulation = regulation_in_force()
    assert regulation.category_name("operational") in text
    assert regulation.readiness_name("ready_now") in text


def test_query_count_does_not_grow_with_rows(client, ministry_user, django_assert_num_queries):
    make_membership()
    client.force_login(ministry_user)
    client.get(LIST)  # warm the session and the caches

    with CaptureQueriesContext(connection) as one_row:
        client.get(LIST)
    for _ in range(6):
        make_membership()
    with django_assert_num_queries(len(one_row.captured_queries)):
        response = client.get(LIST)
    assert len(one_row.captured_queries) <= 12
    assert len(response.context["rows"]) == 7


def test_staff_exclude_with_a_ground_and_comment(client, ministry_user, orenburg):
    client.force_login(ministry_user)
    url = reverse("candidates:membership_exclude", args=[orenburg.pk])

    missing = client.post(url, {"ground": "own_request", "comment": ""})
    assert missing.status_code == 400
    assert "Обязательное поле." in missing.content.decode()
    order = {
        "order_number": "01-21/77",
        "order_date": "02.03.2026",
        "signatory_name": "Соколова Т. В.",
        "signatory_post": "Министр образования Оренбургской области",
    }
    client.post(
        url,
        {
            "ground": "no_report",
            "comment": "Отчёт за I полугодие не представлен",
            **order,
            **CONFIRMED,
        },
    )
    again = client.post(
        url,
        {"ground": "no_report", "comment": "Повторно", **order, "order_number": "78", **CONFIRMED},
        follow=True,
    )

    orenburg.refresh_from_db()
    assert (orenburg.status, orenburg.exclusion_ground) == ("excluded", "no_report")
    assert any("уже не действует" in str(m) for m in again.context["messages"])
    assert MembershipEvent.objects.filter(membership=orenburg, action="exclude").count() == 1
    page = client.get(_detail(orenburg)).content.decode()
    assert "непредставление отчёта о выполнении ИОМ" in page
    assert "Приказ об исключении" in page and "от 02.03.2026 № 01-21/77" in page
    assert orenburg.exclusion_order.number == "01-21/77"
    assert orenburg.ended_on == datetime.date(2026, 3, 2)  # the order's date
    assert "Отчёт за I полугодие не представлен" in page


def test_the_exclusion_is_confirmed_on_a_page_that_says_what_will_happen(
    client, ministry_user, orenburg
):
    client.force_login(ministry_user)
    url = reverse("candidates:membership_exclude", args=[orenburg.pk])
    data = {
        "ground": "own_request",
        "comment": "Заявление от 01.03.2026",
        "on_date": "02.03.2026",
        # Exclusion is by the ministry's order, recorded in the register.
        "order_number": "01-21/80",
        "order_date": "02.03.2026",
        "signatory_name": "Соколова Т. В.",
        "signatory_post": "Министр образования Оренбургской области",
    }

    asked = client.post(url, data)

    orenburg.refresh_from_db()
    assert orenburg.status == "active"
    page = asked.content.decode()
    assert asked.templates[0].name == "core/confirm.html"
    assert f"Исключить из кадрового резерва: {orenburg.candidate.full_name}?" in page
    assert "Членство в резерве закроется с 02.03.2026" in page
    assert "Отменить исключение нельзя" in page
    assert "от 02.03.2026 № 01-21/80" in page
    assert '<input type="hidden" name="comment" value="Заявление от 01.03.2026">' in page
    assert '<input type="hidden" name="confirmed" value="yes">' in page
    assert f'href="{_detail(orenburg)}"' in page  # «Отмена» goes back

    done = client.post(url, {**data, **CONFIRMED})

    orenburg.refresh_from_db()
    assert done.status_code == 302
    assert (orenburg.status, str(orenburg.ended_on)) == ("excluded", "2026-03-02")


def test_a_coordinator_cannot_exclude(client, municipal_user, orenburg):
    client.force_login(municipal_user)
    response = client.post(
        reverse("candidates:membership_exclude", args=[orenburg.pk]),
        {"ground": "own_request", "comment": "Заявление", **CONFIRMED},
    )
    assert response.status_code == 404
    orenburg.refresh_from_db()
    assert orenburg.status == "active"


def test_the_extension_is_put_to_the_commission_from_the_membership(
    client, ministry_user, orenburg
):
    meeting = make_meeting(make_commission())
    client.force_login(ministry_user)
    url = reverse("candidates:membership_extension_propose", args=[orenburg.pk])

    response = client.post(url, {"meeting": meeting.pk})

    item = AgendaItem.objects.get()
    assert item.membership == orenburg
    assert response.url.endswith(f"#item-{item.pk}")
    page = client.get(_detail(orenburg))
    assert not page.context["can_extend"]  # one pending question at a time
    assert "решение не принято" in page.content.decode()
    client.force_login(UserFactory(role=Role.MUNICIPAL, municipality=orenburg.municipality))
    assert client.post(url, {"meeting": meeting.pk}).status_code == 404


def test_the_membership_page_shows_history_and_logs_the_view(client, ministry_user, orenburg):
    client.force_login(ministry_user)
    response = client.get(_detail(orenburg))
    assert "включение в резерв" in response.content.decode()
    assert PersonalDataAccess.objects.filter(
        actor=ministry_user, subject_id=str(orenburg.candidate_id)
    ).exists()


def test_the_summary_include_shows_the_candidates_own_memberships(orenburg, orsk):
    from django.template.loader import render_to_string

    from candidates.selectors_commission import candidate_memberships

    memberships = candidate_memberships(orenburg.candidate, regulation_in_force())
    html = render_to_string("candidates/membership/_summary.html", {"memberships": memberships})

    assert "Категория «оперативный», готовность «готов сейчас»" in html
    assert _detail(orenburg) in html
    assert _detail(orsk) not in html
    assert (
        render_to_string("candidates/membership/_summary.html", {"memberships": []}).strip() == ""
    )

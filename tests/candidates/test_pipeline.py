"""The staff's list of nominations: scope, filters, search, counts, order, pages, query count."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.models import (
    MembershipStatus,
    NominationSource,
    NominationStatus,
    ReserveMembership,
)
from registry.models import Municipality, PositionKind
from tests.candidates.factories import make_candidate, make_nomination

S = NominationStatus
URL = reverse("candidates:pipeline")


def _nomination(*, last_name="Петрова", first_name="Анна", middle_name="Игоревна", **kwargs):
    municipality = kwargs.pop("municipality", None)
    candidate = make_candidate(
        municipality=municipality,
        last_name=last_name,
        first_name=first_name,
        middle_name=middle_name,
        complete=False,
        consent=False,
    )
    return make_nomination(candidate=candidate, documents=False, **kwargs)


def _include(nomination, *, category="operational", readiness="ready_now", ends_in_days=900):
    today = timezone.localdate()
    nomination.status = S.INCLUDED
    nomination.save(update_fields=["status"])
    return ReserveMembership.objects.create(
        candidate=nomination.candidate,
        nomination=nomination,
        position_kind=nomination.position_kind,
        municipality=nomination.municipality,
        category=category,
        readiness=readiness,
        started_on=today - datetime.timedelta(days=200),
        term_ends_on=today + datetime.timedelta(days=ends_in_days),
        status=MembershipStatus.ACTIVE,
    )


def _names(response) -> list[str]:
    return [nomination.candidate.last_name for nomination in response.context["page"]]


@pytest.fixture
def orsk(db):
    return Municipality.objects.get(name="город Орск")


@pytest.mark.django_db
def test_it_sends_anonymous_visitors_to_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["candidate_user", "expert_user", "mentor_user"])
def test_it_is_not_found_for_roles_outside_the_selection_staff(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == 404
    assert client.get(reverse("candidates:pipeline_export")).status_code == 404


@pytest.mark.django_db
def test_a_coordinator_sees_only_their_municipality(client, municipal_user, orsk):
    _nomination(last_name="Оренбургская")
    _nomination(last_name="Орская", municipality=orsk)
    client.force_login(municipal_user)

    response = client.get(URL)

    assert response.status_code == 200
    assert _names(response) == ["Оренбургская"]
    assert response.context["total"] == 1
    assert "municipality" not in response.context["form"].fields


@pytest.mark.django_db
def test_a_coordinator_cannot_widen_the_scope_with_a_municipality_parameter(
    client, municipal_user, orsk
):
    _nomination(last_name="Орская", municipality=orsk)
    client.force_login(municipal_user)

    response = client.get(URL, {"municipality": orsk.pk})

    assert _names(response) == []


@pytest.mark.django_db
def test_the_ministry_sees_the_region_and_filters_by_municipality(client, ministry_user, orsk):
    _nomination(last_name="Оренбургская")
    _nomination(last_name="Орская", municipality=orsk)
    client.force_login(ministry_user)

    assert sorted(_names(client.get(URL))) == ["Оренбургская", "Орская"]
    assert _names(client.get(URL, {"municipality": orsk.pk})) == ["Орская"]


@pytest.mark.django_db
def test_it_filters_by_status_position_kind_and_source(client, ministry_user):
    _nomination(last_name="Поданная", status=S.SUBMITTED)
    _nomination(last_name="Черновая", status=S.DRAFT)
    _nomination(last_name="Заместитель", status=S.SUBMITTED, position_code="deputy-general")
    nominated = _nomination(last_name="Выдвинутая", status=S.SUBMITTED)
    nominated.source = NominationSource.MUNICIPAL_AUTHORITY
    nominated.save(update_fields=["source"])
    deputy = PositionKind.objects.get(code="deputy-general")
    client.force_login(ministry_user)

    assert sorted(_names(client.get(URL, {"status": S.SUBMITTED}))) == [
        "Выдвинутая",
        "Заместитель",
        "Поданная",
    ]
    assert _names(client.get(URL, {"position_kind": deputy.pk})) == ["Заместитель"]
    assert _names(client.get(URL, {"source": NominationSource.MUNICIPAL_AUTHORITY})) == [
        "Выдвинутая"
    ]


@pytest.mark.django_db
def test_it_filters_by_category_readiness_and_term_ending_soon(client, ministry_user):
    _include(_nomination(last_name="Оперативная"), category="operational", ends_in_days=60)
    _include(
        _nomination(last_name="Перспективная"),
        category="prospective",
        readiness="within_three_years",
        ends_in_days=300,
    )
    _nomination(last_name="Невключённая")
    client.force_login(ministry_user)

    assert _names(client.get(URL, {"category": "prospective"})) == ["Перспективная"]
    assert _names(client.get(URL, {"readiness": "ready_now"})) == ["Оперативная"]
    assert _names(client.get(URL, {"term_months": "3"})) == ["Оперативная"]
    assert sorted(_names(client.get(URL, {"term_months": "12"}))) == [
        "Оперативная",
        "Перспективная",
    ]


@pytest.mark.django_db
def test_the_term_filter_leaves_out_memberships_no_longer_active(client, ministry_user):
    membership = _include(_nomination(last_name="Назначенная"), ends_in_days=30)
    membership.status = MembershipStatus.APPOINTED
    membership.save(update_fields=["status"])
    client.force_login(ministry_user)

    assert _names(client.get(URL, {"term_months": "3"})) == []


@pytest.mark.django_db
@pytest.mark.sqlite
@pytest.mark.parametrize(
    "query", ["семенова", "СЕМЁНОВА", "Семенова Ольга", "ольга сем", "Ольга Викторовна"]
)
def test_it_searches_by_name_ignoring_case_and_yo(client, ministry_user, query):
    _nomination(last_name="Семёнова", first_name="Ольга", middle_name="Викторовна")
    _nomination(last_name="Семенихина", first_name="Анна", middle_name="Петровна")
    client.force_login(ministry_user)

    assert _names(client.get(URL, {"q": query})) == ["Семёнова"]


@pytest.mark.django_db
def test_the_counts_follow_the_other_filters_but_not_the_status(client, ministry_user, orsk):
    _nomination(status=S.SUBMITTED)
    _nomination(status=S.SUBMITTED)
    _nomination(status=S.DOCUMENT_CHECK)
    _nomination(status=S.SUBMITTED, municipality=orsk)
    client.force_login(ministry_user)
    orenburg = Municipality.objects.get(name="город Оренбург")

    response = client.get(URL, {"status": S.SUBMITTED, "municipality": orenburg.pk})

    counts = {item["status"]: item["count"] for item in response.context["counts"]}
    assert counts[S.SUBMITTED] == 2
    assert counts[S.DOCUMENT_CHECK] == 1
    assert counts[S.DRAFT] == 0
    assert response.context["total"] == 3
    assert len(response.context["page"]) == 2
    content = response.content.decode()
    # Each count links to the same filters with its status.
    assert f"status={S.DOCUMENT_CHECK}" in content
    assert f"municipality={orenburg.pk}" in content


@pytest.mark.django_db
def test_it_sorts_by_name_and_by_date(client, ministry_user):
    first = _nomination(last_name="Яковлева")
    second = _nomination(last_name="Абрамова")
    first.created_at = timezone.now() - datetime.timedelta(days=3)
    first.save(update_fields=["created_at"])
    second.created_at = timezone.now() - datetime.timedelta(days=1)
    second.save(update_fields=["created_at"])
    client.force_login(ministry_user)

    assert _names(client.get(URL)) == ["Абрамова", "Яковлева"]  # newest first by default
    assert _names(client.get(URL, {"sort": "date"})) == ["Яковлева", "Абрамова"]
    assert _names(client.get(URL, {"sort": "name"})) == ["Абрамова", "Яковлева"]
    assert _names(client.get(URL, {"sort": "-name"})) == ["Яковлева", "Абрамова"]


@pytest.mark.django_db
def test_it_pages_by_fifty(client, ministry_user):
    for index in range(53):
        _nomination(last_name=f"Фамилия{index:02d}")
    client.force_login(ministry_user)

    first = client.get(URL, {"sort": "name"})
    second = client.get(URL, {"sort": "name", "page": 2})

    assert len(first.context["page"]) == 50
    assert _names(second) == ["Фамилия50", "Фамилия51", "Фамилия52"]
    assert "page=2" in first.content.decode()


@pytest.mark.django_db
def test_an_invalid_filter_shows_nothing_and_says_so(client, ministry_user):
    _nomination()
    client.force_login(ministry_user)

    response = client.get(URL, {"status": "nonsense"})

    assert _names(response) == []
    assert "Проверьте условия отбора" in response.content.decode()


@pytest.mark.django_db
def test_the_query_count_does_not_grow_with_rows(client, ministry_user, django_assert_num_queries):
    def make(count: int) -> None:
        for _ in range(count):
            nomination = _nomination(status=S.INCLUDED)
            _include(nomination)

    client.force_login(ministry_user)
    make(3)
    with CaptureQueriesContext(connection) as three_rows:
        assert client.get(URL).status_code == 200
    make(27)

    with django_assert_num_queries(len(three_rows.captured_queries)):
        response = client.get(URL)

    assert len(response.context["page"]) == 30


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
def test_the_search_by_name_can_use_the_trigram_indexes(db):
    """The indexes of migration 0016 are on the very expression the search compares: were the
    two to drift apart, a search over 100 000 candidates would scan them all again."""
    from candidates.models import Nomination
    from candidates.selectors import search_by_candidate_name

    _nomination(last_name="Семёнова")
    with connection.cursor() as cursor:
        # A tiny table would be scanned anyway: leave the planner only the indexes' bitmaps.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = search_by_candidate_name(Nomination.objects.all(), "семенова").explain()

    for field in ("last_name", "first_name", "middle_name"):
        assert f"candidates_candidate_{field}_trgm" in plan

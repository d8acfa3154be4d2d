"""The staff list of organizations: scoped to the territory, searchable, paged, few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from registry import views
from registry.models import Municipality, OrganizationKind
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

URL = reverse("registry:organization_list")


def test_it_shows_a_coordinator_only_own_municipality(
    client, municipal_user, organization, other_organization
):
    client.force_login(municipal_user)

    page = client.get(URL).content.decode()

    assert organization.inn in page
    assert other_organization.inn not in page
    assert 'name="municipality"' not in page  # nothing to choose from


def test_it_shows_ministry_staff_the_whole_region(
    client, ministry_user, organization, other_organization
):
    client.force_login(ministry_user)

    page = client.get(URL).content.decode()

    assert organization.inn in page and other_organization.inn in page
    assert 'name="municipality"' in page


@pytest.mark.parametrize("persona", ["expert_user", "mentor_user", "candidate_user"])
def test_it_answers_404_to_people_without_a_territory(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == 404


def test_it_searches_by_name_and_inn(client, ministry_user, municipality):
    lyceum = OrganizationFactory(
        municipality=municipality, short_name="Лицей № 5", full_name="Лицей № 5"
    )
    school = OrganizationFactory(
        municipality=municipality, short_name="СОШ № 9", full_name="СОШ № 9"
    )
    client.force_login(ministry_user)

    by_name = client.get(URL, {"q": "лицей"}).content.decode()
    by_inn = client.get(URL, {"q": school.inn[:8]}).content.decode()

    assert lyceum.inn in by_name and school.inn not in by_name
    assert school.inn in by_inn and lyceum.inn not in by_inn


@pytest.mark.sqlite
@pytest.mark.parametrize(
    "query", ["ЛИЦЕЙ", "лицей № 5", "Лицей «Звёздный»", "звездный", "ЗВЁЗДНЫЙ"]
)
def test_the_search_ignores_case_and_yo(client, ministry_user, municipality, query):
    lyceum = OrganizationFactory(
        municipality=municipality, short_name="Лицей № 5", full_name="МОАУ «Лицей № 5 «Звёздный»"
    )
    school = OrganizationFactory(municipality=municipality, short_name="СОШ № 9")
    client.force_login(ministry_user)

    page = client.get(URL, {"q": query}).content.decode()

    assert lyceum.inn in page and school.inn not in page


def test_it_filters_by_municipality_kind_and_status(
    client, ministry_user, municipality, other_municipality
):
    wanted = OrganizationFactory(municipality=other_municipality, kind=OrganizationKind.PRESCHOOL)
    OrganizationFactory(municipality=municipality, kind=OrganizationKind.PRESCHOOL)
    OrganizationFactory(municipality=other_municipality, kind=OrganizationKind.GENERAL)
    closed = OrganizationFactory(
        municipality=other_municipality, kind=OrganizationKind.PRESCHOOL, is_active=False
    )
    client.force_login(ministry_user)

    response = client.get(
        URL, {"municipality": other_municipality.pk, "kind": "preschool", "active": "yes"}
    )

    assert [organization.inn for organization in response.context["page"]] == [wanted.inn]
    assert closed.inn not in response.content.decode()
    assert "Найдено организаций: 1" in response.content.decode()


def test_it_pages_the_list_and_keeps_the_filters(client, ministry_user, municipality, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for _ in range(5):
        OrganizationFactory(municipality=municipality, kind=OrganizationKind.GENERAL)
    client.force_login(ministry_user)

    page = client.get(URL, {"kind": "general", "page": 2}).content.decode()

    assert "Страница 2 из 3" in page
    assert "?kind=general&amp;page=3" in page
    assert "/registry/organizations/export/?kind=general" in page


def test_it_keeps_the_query_count_whatever_the_rows(
    client, ministry_user, django_assert_num_queries
):
    municipalities = list(Municipality.objects.all()[:3])
    for number in range(30):
        OrganizationFactory(municipality=municipalities[number % 3])
    client.force_login(ministry_user)
    client.get(URL)  # the first request of a session does one-off work
    with CaptureQueriesContext(connection) as few:
        small = client.get(URL)
    for number in range(60):
        OrganizationFactory(municipality=municipalities[number % 3])

    with django_assert_num_queries(len(few)):
        large = client.get(URL)

    assert len(few) <= 11  # with the second-factor device and the unread notices
    assert len(small.context["page"].object_list) == 30
    assert len(large.context["page"].object_list) == 50

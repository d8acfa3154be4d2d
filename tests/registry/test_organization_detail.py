"""The staff page of one organization: its outsiders get 404, its head's data view is logged."""

import pytest
from django.urls import reverse

from audit.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


def _url(organization) -> str:
    return reverse("registry:organization_detail", args=[organization.pk])


def test_it_shows_a_coordinator_an_organization_of_own_municipality(
    client, municipal_user, organization
):
    organization.head_full_name = "Петрова Ольга Сергеевна"
    organization.save()
    client.force_login(municipal_user)

    page = client.get(_url(organization)).content.decode()

    assert organization.full_name in page
    assert organization.inn in page
    assert "Петрова Ольга Сергеевна" in page
    access = PersonalDataAccess.objects.get()
    assert (access.actor, access.subject_id) == (municipal_user, str(organization.pk))


def test_it_answers_404_to_a_coordinator_of_another_municipality(
    client, outsider_municipal_user, organization
):
    client.force_login(outsider_municipal_user)

    assert client.get(_url(organization)).status_code == 404
    assert PersonalDataAccess.objects.count() == 0


@pytest.mark.parametrize("persona", ["expert_user", "mentor_user", "candidate_user"])
def test_it_answers_404_to_people_without_a_territory(client, request, persona, organization):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(_url(organization)).status_code == 404


def test_it_shows_ministry_staff_any_organization(client, ministry_user, other_organization):
    client.force_login(ministry_user)

    assert client.get(_url(other_organization)).status_code == 200

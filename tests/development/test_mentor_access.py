"""Who opens which mentoring page: staff pages, the mentor's and the reservist's own pages."""

import pytest
from django.urls import reverse

STAFF_PAGES = [
    "development:mentor_list",
    "development:mentor_create",
    "development:match_list",
    "development:matching_bulk",
    "development:pair_list",
    "development:mentor_effectiveness",
    "development:mentor_effectiveness_export",
]
ROLE_PAGES = {
    "development:mentor_mentees": "mentor_user",
    "development:my_mentor": "candidate_user",
}
PERSONAS = [
    "admin_user",
    "ministry_user",
    "municipal_user",
    "expert_user",
    "mentor_user",
    "candidate_user",
]
STAFF = {"admin_user", "ministry_user", "municipal_user"}


@pytest.mark.parametrize("name", STAFF_PAGES + list(ROLE_PAGES))
def test_anonymous_users_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_pages_answer_staff_and_hide_from_everyone_else(client, request, persona, name):
    client.force_login(request.getfixturevalue(persona))
    expected = 200 if persona in STAFF else 404
    assert client.get(reverse(name)).status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "owner"), ROLE_PAGES.items())
def test_own_pages_answer_only_their_role(client, request, persona, name, owner):
    client.force_login(request.getfixturevalue(persona))
    expected = 200 if persona == owner else 404
    assert client.get(reverse(name)).status_code == expected

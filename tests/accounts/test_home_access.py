"""Each role's home page is for that role only: others get 404, anonymous users sign in."""

import pytest

PERSONAS = {
    "admin": "admin_user",
    "ministry": "ministry_user",
    "municipal": "municipal_user",
    "expert": "expert_user",
    "mentor": "mentor_user",
    "candidate": "candidate_user",
}
MATRIX = [(page, persona) for page in PERSONAS for persona in PERSONAS.values()]


@pytest.mark.parametrize(("page", "persona"), MATRIX)
def test_it_serves_a_home_page_only_to_its_role(client, request, page, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(f"/accounts/home/{page}/")

    assert response.status_code == (200 if PERSONAS[page] == persona else 404)


@pytest.mark.parametrize("page", PERSONAS)
def test_it_sends_anonymous_users_to_sign_in(client, db, page):
    response = client.get(f"/accounts/home/{page}/")

    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next=/accounts/home/{page}/"


def test_it_treats_a_superuser_as_an_administrator(client, db):
    from tests.factories import UserFactory

    superuser = UserFactory(is_superuser=True)
    client.force_login(superuser)

    response = client.get("/", follow=True)

    assert response.redirect_chain[-1] == ("/accounts/home/admin/", 302)

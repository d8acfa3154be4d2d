"""Signing in: each role lands on its home page; wrong credentials are explained."""

import pytest

from accounts.access import requires_two_factor
from tests.conftest import PASSWORD
from tests.two_factor import current_code, enrolled_device

ROLE_HOMES = [
    ("admin_user", "/accounts/home/admin/"),
    ("ministry_user", "/accounts/home/ministry/"),
    ("municipal_user", "/accounts/home/municipal/"),
    ("expert_user", "/accounts/home/expert/"),
    ("mentor_user", "/accounts/home/mentor/"),
    ("candidate_user", "/accounts/home/candidate/"),
]


@pytest.mark.parametrize(("persona", "home_url"), ROLE_HOMES)
def test_it_lands_each_role_on_its_home_page(client, request, persona, home_url):
    user = request.getfixturevalue(persona)
    device = enrolled_device(user) if requires_two_factor(user) else None

    response = client.post(
        "/accounts/login/", {"username": user.username, "password": PASSWORD}, follow=True
    )
    if device is not None:  # staff confirm the sign-in with a code from their app first
        assert response.redirect_chain[-1][0].startswith("/accounts/two-factor/?next=")
        response = client.post(
            response.redirect_chain[-1][0], {"code": current_code(device)}, follow=True
        )

    assert response.redirect_chain[-1] == (home_url, 302)
    assert response.status_code == 200


def test_it_explains_a_wrong_password(client, expert_user):
    response = client.post(
        "/accounts/login/", {"username": expert_user.username, "password": "ne-tot-parol"}
    )

    assert response.status_code == 200
    assert "Неправильное имя пользователя или пароль" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_asks_for_missing_fields(client, db):
    response = client.post("/accounts/login/", {"username": "", "password": ""})

    assert response.content.decode().count("Обязательное поле.") == 2


def test_it_refuses_an_inactive_account(client, expert_user):
    expert_user.is_active = False
    expert_user.save(update_fields=["is_active"])

    response = client.post(
        "/accounts/login/", {"username": expert_user.username, "password": PASSWORD}
    )

    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_it_follows_a_safe_next(client, ministry_user):
    response = client.post(
        "/accounts/login/?next=/registry/organizations/",
        {
            "username": ministry_user.username,
            "password": PASSWORD,
            "next": "/registry/organizations/",
        },
    )

    assert response.status_code == 302
    assert response.url == "/registry/organizations/"


def test_it_ignores_a_next_to_another_site(client, mentor_user):
    response = client.post(
        "/accounts/login/",
        {"username": mentor_user.username, "password": PASSWORD, "next": "https://evil.example/"},
        follow=True,
    )

    assert response.redirect_chain[-1] == ("/accounts/home/mentor/", 302)


def test_it_sends_a_signed_in_user_home(client, mentor_user):
    client.force_login(mentor_user)

    response = client.get("/accounts/login/", follow=True)

    assert response.redirect_chain[-1] == ("/accounts/home/mentor/", 302)


def test_it_shows_the_login_page_in_russian(client):
    response = client.get("/accounts/login/")
    html = response.content.decode()

    assert '<html lang="ru">' in html
    assert "Вход в портал" in html
    assert "Имя пользователя" in html
    assert "Забыли пароль?" in html


def test_it_redirects_the_root_to_login_for_anonymous(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_it_lets_a_candidate_sign_in_with_the_email_in_any_case(client, db):
    from tests.factories import UserFactory

    UserFactory(username="anna@example.org", email="anna@example.org")

    response = client.post(
        "/accounts/login/", {"username": "Anna@Example.org", "password": "parol-dlya-testa-2026"}
    )

    assert response.status_code == 302
    assert response.url == "/"

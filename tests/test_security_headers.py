"""Every page carries the security headers; the login form refuses a POST without a CSRF token."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

EXPECTED_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
CSP_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]


def _assert_security_headers(response) -> None:
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers.get(name) == value, name
    policy = response.headers.get("Content-Security-Policy", "")
    for directive in CSP_DIRECTIVES:
        assert directive in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "Permissions-Policy" in response.headers


@pytest.mark.django_db
def test_it_sends_the_security_headers_on_the_login_page(client: Client) -> None:
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    _assert_security_headers(response)


@pytest.mark.django_db
def test_it_sends_the_security_headers_on_a_signed_in_page(client: Client, ministry_user) -> None:
    client.force_login(ministry_user)

    response = client.get(reverse("accounts:home_ministry"))

    assert response.status_code == 200
    _assert_security_headers(response)


@pytest.mark.django_db
def test_it_sends_the_security_headers_on_a_missing_page(client: Client) -> None:
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    _assert_security_headers(response)


@pytest.mark.django_db
def test_it_refuses_a_login_post_without_a_csrf_token(admin_user) -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("accounts:login"), {"username": admin_user.username, "password": PASSWORD}
    )

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_it_accepts_a_login_post_with_the_csrf_token(admin_user) -> None:
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))
    token = client.cookies["csrftoken"].value

    response = client.post(
        reverse("accounts:login"),
        {"username": admin_user.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin_user.pk)


@pytest.mark.django_db
def test_pages_for_a_signed_in_user_are_never_cached(client: Client, ministry_user) -> None:
    client.force_login(ministry_user)

    page = client.get(reverse("registry:organization_list"))

    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "private" in page["Cache-Control"]


@pytest.mark.django_db
def test_static_files_keep_their_own_caching(client: Client, ministry_user) -> None:
    client.force_login(ministry_user)

    response = client.get("/static/css/portal.css")

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")

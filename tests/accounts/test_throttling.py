"""Sign-in lockout: five failures lock a username from one client address for fifteen minutes.

Behind nginx every request comes from 127.0.0.1; the client's address is read from
X-Forwarded-For only when the request comes from a trusted proxy (core.http.client_ip).
"""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import override_settings

from audit.models import AuditEvent
from tests.conftest import PASSWORD

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
BEHIND_NGINX = override_settings(TRUSTED_PROXIES=["127.0.0.1", "::1"])


def _attempt(client, username, password, ip="10.0.0.1", **headers):
    return client.post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
        **headers,
    )


def _fail(client, username, times, ip="10.0.0.1", **headers):
    for _ in range(times):
        _attempt(client, username, "ne-tot-parol", ip, **headers)


def _via_nginx(client_address: str) -> dict:
    return {"HTTP_X_FORWARDED_FOR": client_address}


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def test_it_refuses_even_the_right_password_after_five_failures(client, expert_user, clock):
    _fail(client, expert_user.username, 5)

    response = _attempt(client, expert_user.username, PASSWORD)

    html = response.content.decode()
    assert "Слишком много неудачных попыток входа" in html
    assert "через 15 минут" in html
    assert "_auth_user_id" not in client.session


def test_it_allows_four_failures(client, expert_user, clock):
    _fail(client, expert_user.username, 4)

    response = _attempt(client, expert_user.username, PASSWORD)

    assert response.status_code == 302


def test_it_lifts_the_lock_fifteen_minutes_after_the_last_failure(client, expert_user, clock):
    _fail(client, expert_user.username, 5)
    clock.shift(datetime.timedelta(minutes=14, seconds=59))
    assert "Слишком много" in _attempt(client, expert_user.username, PASSWORD).content.decode()

    clock.shift(datetime.timedelta(seconds=2))
    response = _attempt(client, expert_user.username, PASSWORD)

    assert response.status_code == 302


def test_it_says_how_many_minutes_remain(client, expert_user, clock):
    _fail(client, expert_user.username, 5)
    clock.shift(datetime.timedelta(minutes=13, seconds=30))

    response = _attempt(client, expert_user.username, PASSWORD)

    assert "через 2 минуты" in response.content.decode()


def test_a_locked_username_still_signs_in_from_another_address(client, expert_user, clock):
    _fail(client, expert_user.username, 5, ip="10.6.6.6")

    elsewhere = _attempt(client, expert_user.username, PASSWORD, ip="10.7.7.7")

    assert elsewhere.status_code == 302


def test_failures_for_other_usernames_do_not_lock_the_address(client, expert_user, clock):
    for number in range(5):
        _fail(client, f"guess{number}", 1, ip="10.6.6.6")

    response = _attempt(client, expert_user.username, PASSWORD, ip="10.6.6.6")

    assert response.status_code == 302


def test_it_treats_username_case_as_one_account(client, expert_user, clock):
    _fail(client, expert_user.username.upper(), 5)

    response = _attempt(client, expert_user.username, PASSWORD)

    assert "Слишком много" in response.content.decode()


def test_it_forgets_failures_after_a_successful_login(client, expert_user, clock):
    _fail(client, expert_user.username, 4)
    assert _attempt(client, expert_user.username, PASSWORD).status_code == 302
    client.logout()

    _fail(client, expert_user.username, 4)
    response = _attempt(client, expert_user.username, PASSWORD)

    assert response.status_code == 302


def test_refused_attempts_during_the_lock_do_not_extend_it(client, expert_user, clock):
    _fail(client, expert_user.username, 5)
    clock.shift(datetime.timedelta(minutes=10))
    _fail(client, expert_user.username, 3)

    clock.shift(datetime.timedelta(minutes=5, seconds=1))
    response = _attempt(client, expert_user.username, PASSWORD)

    assert response.status_code == 302


@BEHIND_NGINX
def test_behind_the_proxy_one_attacker_does_not_lock_everyone_out(
    client, expert_user, mentor_user, clock
):
    _fail(client, expert_user.username, 5, ip="127.0.0.1", **_via_nginx("203.0.113.7"))
    _fail(client, "guess", 5, ip="127.0.0.1", **_via_nginx("203.0.113.7"))

    other_person = _attempt(
        client, expert_user.username, PASSWORD, ip="127.0.0.1", **_via_nginx("198.51.100.4")
    )
    client.logout()
    attacker = _attempt(
        client, expert_user.username, PASSWORD, ip="127.0.0.1", **_via_nginx("203.0.113.7")
    )

    assert other_person.status_code == 302
    assert "Слишком много" in attacker.content.decode()
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_a_forged_forwarded_header_from_an_untrusted_client_is_ignored(client, expert_user, clock):
    for number in range(5):
        _fail(client, expert_user.username, 1, ip="10.0.0.9", **_via_nginx(f"192.0.2.{number}"))

    response = _attempt(client, expert_user.username, PASSWORD, ip="10.0.0.9")

    assert "Слишком много" in response.content.decode()


def test_it_throttles_the_admin_login_too(client, admin_user, clock):
    for _ in range(5):
        client.post("/admin/login/", {"username": admin_user.username, "password": "ne-tot-parol"})

    response = client.post("/admin/login/", {"username": admin_user.username, "password": PASSWORD})

    assert "Слишком много неудачных попыток входа" in response.content.decode()


def test_an_administrator_lifts_the_lock(client, expert_user, admin_user, clock):
    _fail(client, expert_user.username, 5)
    attempt = AccessAttempt.objects.get()
    client.force_login(admin_user)

    listing = client.get("/admin/axes/accessattempt/")
    client.post(
        "/admin/axes/accessattempt/",
        {"action": "unlock", "_selected_action": [attempt.pk]},
    )
    client.logout()

    assert expert_user.username in listing.content.decode()
    assert not AccessAttempt.objects.exists()
    assert AuditEvent.objects.filter(action="user.unlock_login", actor=admin_user).exists()
    assert _attempt(client, expert_user.username, PASSWORD).status_code == 302


def test_other_roles_do_not_see_the_locks(client, ministry_user, expert_user, clock):
    _fail(client, expert_user.username, 5)
    client.force_login(ministry_user)

    assert client.get("/admin/axes/accessattempt/").status_code in (403, 404)

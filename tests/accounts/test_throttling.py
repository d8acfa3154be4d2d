"""Login throttling: five failures lock a username, or an address, for fifteen minutes."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from accounts.models import LoginFailure
from tests.conftest import PASSWORD

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def _attempt(client, username, password, ip="10.0.0.1"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def _fail(client, username, times, ip="10.0.0.1"):
    for _ in range(times):
        _attempt(client, username, "ne-tot-parol", ip)


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


def test_it_lifts_the_lock_after_fifteen_minutes(client, expert_user, clock):
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


def test_it_does_not_count_failures_spread_beyond_the_window(client, expert_user, clock):
    for _ in range(5):
        _fail(client, expert_user.username, 1)
        clock.shift(datetime.timedelta(minutes=4))

    response = _attempt(client, expert_user.username, PASSWORD)

    assert response.status_code == 302


def test_it_locks_the_username_from_any_address(client, expert_user, clock):
    for number in range(5):
        _fail(client, expert_user.username, 1, ip=f"10.0.0.{number + 10}")

    response = _attempt(client, expert_user.username, PASSWORD, ip="10.9.9.9")

    assert "Слишком много" in response.content.decode()


def test_it_locks_an_address_trying_many_usernames(client, expert_user, clock):
    for number in range(5):
        _fail(client, f"guess{number}", 1, ip="10.6.6.6")

    locked = _attempt(client, expert_user.username, PASSWORD, ip="10.6.6.6")
    elsewhere = _attempt(client, expert_user.username, PASSWORD, ip="10.7.7.7")

    assert "Слишком много" in locked.content.decode()
    assert elsewhere.status_code == 302


def test_it_treats_username_case_as_one_account(client, expert_user, clock):
    _fail(client, expert_user.username.upper(), 5)

    response = _attempt(client, expert_user.username, PASSWORD, ip="10.8.8.8")

    assert "Слишком много" in response.content.decode()


def test_it_forgets_failures_after_a_successful_login(client, expert_user, clock):
    _fail(client, expert_user.username, 4)
    assert _attempt(client, expert_user.username, PASSWORD).status_code == 302
    client.logout()

    _fail(client, expert_user.username, 4, ip="10.0.0.2")
    response = _attempt(client, expert_user.username, PASSWORD, ip="10.0.0.3")

    assert response.status_code == 302


def test_it_prunes_failures_older_than_they_matter(client, expert_user, clock):
    _fail(client, expert_user.username, 3)
    clock.shift(datetime.timedelta(hours=1))

    _fail(client, "someone-else", 1, ip="10.0.0.5")

    assert LoginFailure.objects.filter(attempted_at__lt=timezone.now()).count() == 0
    assert LoginFailure.objects.count() == 1


def test_it_throttles_the_admin_login_too(client, admin_user, clock):
    for _ in range(5):
        client.post("/admin/login/", {"username": admin_user.username, "password": "ne-tot-parol"})

    response = client.post("/admin/login/", {"username": admin_user.username, "password": PASSWORD})

    assert "Слишком много неудачных попыток входа" in response.content.decode()

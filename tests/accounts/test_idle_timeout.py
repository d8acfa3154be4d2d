"""A session ends when idle longer than SESSION_IDLE_TIMEOUT_SECONDS, and in any case
SESSION_ABSOLUTE_TIMEOUT_SECONDS after the sign-in."""

import datetime

import time_machine

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def test_it_keeps_an_active_session(client, ministry_user, settings):
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 1800
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(ministry_user)
        client.get("/accounts/home/ministry/")
        clock.shift(datetime.timedelta(minutes=29))

        response = client.get("/accounts/home/ministry/")

    assert response.status_code == 200


def test_it_signs_out_after_idling(client, ministry_user, settings):
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 1800
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(ministry_user)
        client.get("/accounts/home/ministry/")
        clock.shift(datetime.timedelta(minutes=31))

        response = client.get("/accounts/home/ministry/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert "Сеанс завершён после долгого бездействия" in response.content.decode()


def test_the_absolute_limit_ends_even_a_busy_session(client, ministry_user, settings):
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 1800
    settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS = 8 * 3600
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(ministry_user)
        # A request every twenty minutes for eight hours: never idle.
        for _ in range(24):
            assert client.get("/accounts/home/ministry/").status_code == 200
            clock.shift(datetime.timedelta(minutes=20))
        clock.shift(datetime.timedelta(seconds=1))

        response = client.get("/accounts/home/ministry/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert "Сеанс завершён: с момента входа прошло 8 часов" in response.content.decode()


def test_the_absolute_limit_counts_from_the_sign_in_not_from_the_cookie(
    client, ministry_user, settings
):
    settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS = 3600
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 7200
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(ministry_user)
        client.get("/accounts/home/ministry/")
        clock.shift(datetime.timedelta(minutes=59))
        assert client.get("/accounts/home/ministry/").status_code == 200
        clock.shift(datetime.timedelta(minutes=2))

        response = client.get("/accounts/home/ministry/")

    assert response.status_code == 302

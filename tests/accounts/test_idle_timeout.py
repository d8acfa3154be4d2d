"""A session idle longer than SESSION_IDLE_TIMEOUT_SECONDS ends."""

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

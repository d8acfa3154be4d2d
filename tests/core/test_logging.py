"""Production logs and error mail: one JSON line per event with request and user ids."""

import json
import logging
import sys

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import path

from core.env import env_admins
from core.logging import OneLineJsonFormatter, RequestContextFilter, RequestIdMiddleware


def broken_view(request):
    raise RuntimeError("сломалось")


# "home": the consent-renewal middleware asks for it on every request.
urlpatterns = [path("broken/", broken_view), path("", broken_view, name="home")]


def _line(record: logging.LogRecord) -> dict:
    RequestContextFilter().filter(record)
    text = OneLineJsonFormatter().format(record)
    assert "\n" not in text
    return json.loads(text)


def test_the_middleware_gives_every_request_an_id_and_logs_carry_it(db, ministry_user):
    lines = []

    def view(request):
        request._cached_user = ministry_user  # as AuthenticationMiddleware leaves it, once read
        try:
            raise ValueError("ошибка\nв две строки")
        except ValueError:
            record = logging.LogRecord("portal", logging.ERROR, __file__, 1, "беда", (), None)
            record.exc_info = sys.exc_info()
            lines.append(_line(record))
        return HttpResponse("ok")

    response = RequestIdMiddleware(view)(RequestFactory().get("/"))

    line = lines[0]
    assert line["request_id"] == response["X-Request-ID"]
    assert len(line["request_id"]) == 32
    assert line["user_id"] == ministry_user.pk
    assert "ValueError" in line["exception"]
    assert ministry_user.username not in json.dumps(line, ensure_ascii=False)


def test_a_well_formed_request_id_from_the_proxy_is_kept_and_a_bad_one_replaced():
    middleware = RequestIdMiddleware(lambda request: HttpResponse("ok"))

    kept = middleware(RequestFactory().get("/", HTTP_X_REQUEST_ID="nginx-7f3a.1"))
    replaced = middleware(RequestFactory().get("/", HTTP_X_REQUEST_ID="<script>"))

    assert kept["X-Request-ID"] == "nginx-7f3a.1"
    assert replaced["X-Request-ID"] != "<script>"


def test_outside_a_request_the_ids_are_dashes():
    record = logging.LogRecord("portal", logging.WARNING, __file__, 1, "cron %s", ("run",), None)

    line = _line(record)

    assert (line["request_id"], line["user_id"], line["message"]) == ("-", "-", "cron run")


def test_admins_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMINS", "Дежурный <duty@example.org>, ops@example.org")

    assert env_admins("ADMINS") == [
        ("Дежурный", "duty@example.org"),
        ("ops@example.org", "ops@example.org"),
    ]
    monkeypatch.setenv("ADMINS", "не адрес")
    with pytest.raises(ImproperlyConfigured):
        env_admins("ADMINS")


@override_settings(ROOT_URLCONF=__name__, ADMINS=[("Дежурный", "duty@example.org")])
def test_a_server_error_is_mailed_to_the_admins(client, db):
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500
    assert [message.to for message in mail.outbox] == [["duty@example.org"]]
    assert "сломалось" in mail.outbox[0].body

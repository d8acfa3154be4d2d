"""Resetting a forgotten password by email: Russian letter, one-time link, audited."""

import datetime
import re

import time_machine
from django.core import mail

from audit.models import AuditEvent

NEW_PASSWORD = "vosstanovlennyj-parol-9"


def _reset_link(message) -> str:
    match = re.search(r"http://testserver(/accounts/password/reset/[^/]+/[^/]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_it_mails_a_russian_letter_with_a_link(client, mentor_user):
    response = client.post("/accounts/password/reset/", {"email": mentor_user.email})

    assert response.status_code == 302
    assert response.url == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [mentor_user.email]
    assert message.subject == "Восстановление пароля на портале «Кадровый резерв»"
    assert "Здравствуйте, Анна Петровна!" in message.body
    assert "Ссылка действует 24 часа" in message.body
    assert _reset_link(message)


def test_it_does_not_reveal_unknown_addresses(client, db):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert mail.outbox == []


def test_it_sets_a_new_password_through_the_link(client, mentor_user):
    client.post("/accounts/password/reset/", {"email": mentor_user.email})
    link = _reset_link(mail.outbox[0])

    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert response.url == "/accounts/password/reset/complete/"
    mentor_user.refresh_from_db()
    assert mentor_user.check_password(NEW_PASSWORD)
    assert AuditEvent.objects.filter(action="user.set_password", actor=mentor_user).exists()


def test_it_refuses_a_used_link(client, mentor_user):
    client.post("/accounts/password/reset/", {"email": mentor_user.email})
    link = _reset_link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    response = client.get(link, follow=True)

    assert "Ссылка недействительна" in response.content.decode()


def test_it_shows_the_russian_pages(client, db):
    assert "Восстановление пароля" in client.get("/accounts/password/reset/").content.decode()
    assert "Проверьте почту" in client.get("/accounts/password/reset/sent/").content.decode()
    assert "Пароль установлен" in client.get("/accounts/password/reset/complete/").content.decode()


def test_it_limits_requests_for_one_address_without_revealing_it(client, mentor_user):
    for _ in range(3):
        assert (
            client.post("/accounts/password/reset/", {"email": mentor_user.email}).status_code
            == 302
        )

    fourth = client.post("/accounts/password/reset/", {"email": mentor_user.email})
    unknown = [
        client.post("/accounts/password/reset/", {"email": "nobody@example.org"}).status_code
        for _ in range(4)
    ]

    assert fourth.status_code == 429
    assert "Слишком много запросов на восстановление пароля" in fourth.content.decode()
    assert len(mail.outbox) == 3
    assert unknown == [302, 302, 302, 429]  # the same answers whether an account exists or not


def test_it_limits_requests_from_one_client_address(client, db, settings):
    settings.PASSWORD_RESET_MAX_PER_ADDRESS = 2
    answers = [
        client.post(
            "/accounts/password/reset/", {"email": f"person{n}@example.org"}, REMOTE_ADDR="10.3.3.3"
        ).status_code
        for n in range(3)
    ]
    elsewhere = client.post(
        "/accounts/password/reset/", {"email": "person9@example.org"}, REMOTE_ADDR="10.4.4.4"
    )

    assert answers == [302, 302, 429]
    assert elsewhere.status_code == 302


def test_the_limit_lifts_after_an_hour(client, mentor_user):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)) as clock:
        for _ in range(4):
            client.post("/accounts/password/reset/", {"email": mentor_user.email})
        clock.shift(datetime.timedelta(hours=1, seconds=1))
        response = client.post("/accounts/password/reset/", {"email": mentor_user.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 4

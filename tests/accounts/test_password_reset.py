"""Resetting a forgotten password by email: Russian letter, one-time link, audited."""

import re

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

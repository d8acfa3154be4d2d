"""Changing one's own password: validated, audited, the session survives."""

from audit.models import AuditEvent
from tests.conftest import PASSWORD

NEW_PASSWORD = "novyj-parol-dlya-rezerva-7"


def test_it_changes_the_password(client, candidate_user):
    client.force_login(candidate_user)

    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    assert response.url == "/accounts/password/change/done/"
    candidate_user.refresh_from_db()
    assert candidate_user.check_password(NEW_PASSWORD)
    assert client.get("/accounts/home/candidate/").status_code == 200


def test_it_records_the_change_without_the_password(client, candidate_user):
    client.force_login(candidate_user)

    client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        REMOTE_ADDR="10.1.2.3",
    )

    event = AuditEvent.objects.get(action="user.set_password")
    assert event.actor == candidate_user
    assert event.object_id == str(candidate_user.pk)
    assert event.ip_address == "10.1.2.3"
    assert NEW_PASSWORD not in str(event.changes)


def test_it_rejects_a_wrong_old_password(client, candidate_user):
    client.force_login(candidate_user)

    response = client.post(
        "/accounts/password/change/",
        {"old_password": "ne-tot", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert "Ваш старый пароль введен неправильно" in response.content.decode()
    candidate_user.refresh_from_db()
    assert candidate_user.check_password(PASSWORD)


def test_it_rejects_a_weak_password(client, candidate_user):
    client.force_login(candidate_user)

    response = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )

    assert response.status_code == 200
    assert "Введённый пароль состоит только из цифр." in response.content.decode()


def test_it_shows_the_done_page(client, candidate_user):
    client.force_login(candidate_user)

    response = client.get("/accounts/password/change/done/")

    assert "Пароль изменён" in response.content.decode()


def test_it_requires_signing_in(client):
    response = client.get("/accounts/password/change/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")

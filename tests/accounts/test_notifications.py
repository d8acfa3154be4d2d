"""In-portal notifications: the person's list, the navbar's unread count, opening marks read."""

from django.urls import reverse

from accounts.models import Notification
from accounts.notifications.services import notification_create
from tests.factories import UserFactory


def test_the_navbar_counts_the_unread(client, candidate_user):
    notification_create(user=candidate_user, text="Встреча ждёт подтверждения", kind="t")
    notification_create(user=candidate_user, text="Открыта самооценка", kind="t")
    client.force_login(candidate_user)

    page = client.get(reverse("accounts:notifications")).content.decode()

    assert 'data-unread="2"' in page
    assert "Встреча ждёт подтверждения" in page and "Открыта самооценка" in page


def test_opening_marks_read_and_follows_the_link(client, candidate_user):
    notification, _ = notification_create(
        user=candidate_user, text="Ответьте", kind="t", url="/development/my-plan/"
    )
    client.force_login(candidate_user)

    response = client.post(reverse("accounts:notification_open", args=[notification.pk]))

    notification.refresh_from_db()
    assert response.url == "/development/my-plan/"
    assert notification.is_read
    assert "data-unread" not in client.get(reverse("accounts:notifications")).content.decode()


def test_an_outside_link_is_not_followed(client, candidate_user):
    notification, _ = notification_create(
        user=candidate_user, text="x", kind="t", url="https://evil.example/"
    )
    client.force_login(candidate_user)

    response = client.post(reverse("accounts:notification_open", args=[notification.pk]))

    assert response.url == reverse("accounts:notifications")


def test_nobody_opens_another_persons_notification(client, candidate_user, ministry_user):
    notification, _ = notification_create(user=candidate_user, text="Личное", kind="t")
    client.force_login(ministry_user)

    response = client.post(reverse("accounts:notification_open", args=[notification.pk]))
    listing = client.get(reverse("accounts:notifications")).content.decode()

    assert response.status_code == 404
    assert "Личное" not in listing
    assert Notification.objects.get(pk=notification.pk).read_at is None


def test_read_all(client, candidate_user):
    for text in ("a", "b"):
        notification_create(user=candidate_user, text=text, kind="t")
    other = UserFactory()
    notification_create(user=other, text="c", kind="t")
    client.force_login(candidate_user)

    client.post(reverse("accounts:notifications_read"))

    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_a_letter_goes_with_a_subject(django_capture_on_commit_callbacks, candidate_user):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        _, delivery = notification_create(
            user=candidate_user, text="x", kind="t", mail_subject="Тема", mail_body="Текст"
        )

    assert delivery is not None
    assert [m.to for m in mail.outbox] == [[candidate_user.email]]

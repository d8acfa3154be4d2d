"""Every letter goes through the task queue, is logged, retried on failure and sent once."""

import datetime
import smtplib
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from core.mail import deliver_mail, mail_on_commit, retry_delay
from core.models import MailDelivery, MailStatus

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class FlakyBackend:
    """A mail backend that fails the first `failures` sends, then sends into the outbox."""

    failures = 0

    def __init__(self, *args, **kwargs) -> None:
        from django.core.mail.backends.locmem import EmailBackend

        self.real = EmailBackend(*args, **kwargs)

    def send_messages(self, messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("соединение разорвано")
        return self.real.send_messages(messages)

    def open(self):
        return True

    def close(self):
        return None


FLAKY = "tests.core.test_mail_queue.FlakyBackend"


def _queue(django_capture_on_commit_callbacks) -> MailDelivery:
    with django_capture_on_commit_callbacks(execute=True):
        return mail_on_commit(subject="Тема", body="Текст", recipients=["a@example.org"])


def test_a_letter_is_logged_and_sent_once(django_capture_on_commit_callbacks, db):
    delivery = _queue(django_capture_on_commit_callbacks)

    again = deliver_mail.call(delivery.pk)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (MailStatus.SENT, 1)
    assert delivery.sent_at is not None
    assert again == "skipped"
    assert len(mail.outbox) == 1


@override_settings(EMAIL_BACKEND=FLAKY, MAIL_MAX_ATTEMPTS=3)
def test_a_failing_letter_is_retried_then_sent(django_capture_on_commit_callbacks, db):
    FlakyBackend.failures = 2

    delivery = _queue(django_capture_on_commit_callbacks)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (MailStatus.SENT, 3)
    assert "соединение разорвано" in delivery.last_error
    assert len(mail.outbox) == 1


@override_settings(EMAIL_BACKEND=FLAKY, MAIL_MAX_ATTEMPTS=3)
def test_a_letter_that_never_goes_is_logged_as_failed(django_capture_on_commit_callbacks, db):
    FlakyBackend.failures = 10

    delivery = _queue(django_capture_on_commit_callbacks)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (MailStatus.FAILED, 3)
    assert delivery.failed_at is not None
    assert mail.outbox == []
    FlakyBackend.failures = 0


def test_the_pause_doubles_between_tries(settings):
    settings.MAIL_RETRY_SECONDS = 60

    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND=FLAKY, MAIL_RETRY_SECONDS=60)
def test_the_database_queue_waits_for_the_worker_and_retries_later():
    FlakyBackend.failures = 1
    start = timezone.now()
    try:
        delivery = mail_on_commit(subject="Тема", body="Текст", recipients=["a@example.org"])
        assert MailDelivery.objects.get(pk=delivery.pk).status == MailStatus.QUEUED
        assert mail.outbox == []

        call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
        first = MailDelivery.objects.get(pk=delivery.pk)
        with time_machine.travel(start + datetime.timedelta(minutes=2)):
            call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
        second = MailDelivery.objects.get(pk=delivery.pk)
    finally:
        FlakyBackend.failures = 0

    assert (first.status, first.attempts) == (MailStatus.QUEUED, 1)
    assert (second.status, second.attempts) == (MailStatus.SENT, 2)
    assert len(mail.outbox) == 1

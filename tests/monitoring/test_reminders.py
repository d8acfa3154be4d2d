"""Daily reminders: given once, counted sent only when the letter went, nobody left-out reached."""

import datetime
import smtplib

import pytest
import time_machine
from django.core import mail

from accounts.models import Notification
from core.models import MailStatus
from development.models import PlanStatus
from governance.consent import consent_withdraw
from governance.models import ConsentPurpose
from monitoring.models import Reminder, ReminderKind
from monitoring.reminders.services import reminders_send, reminders_sent_count
from tests.development.plans_factories import make_plan, make_reservist

TODAY = datetime.date(2027, 3, 1)


@pytest.fixture
def plan(db):
    membership = make_reservist(started_on=datetime.date(2026, 9, 1))
    return make_plan(
        membership,
        status=PlanStatus.IN_PROGRESS,
        due=[TODAY + datetime.timedelta(days=3), TODAY + datetime.timedelta(days=40)],
    )


def _run(callbacks):
    with callbacks(execute=True):
        return reminders_send(today=TODAY)


@time_machine.travel(TODAY)
def test_a_due_item_is_reminded_once_by_portal_and_mail(plan, django_capture_on_commit_callbacks):
    first = _run(django_capture_on_commit_callbacks)
    second = _run(django_capture_on_commit_callbacks)

    user = plan.candidate.user
    assert (first.given, second.given, second.already) == (1, 0, 1)
    [letter] = mail.outbox
    assert letter.to == [user.email]
    assert "Пункт 1" in letter.body
    [notification] = Notification.objects.filter(user=user)
    assert notification.kind == "reminder.plan_item_due"
    reminder = Reminder.objects.get()
    assert reminder.kind == ReminderKind.PLAN_ITEM_DUE and reminder.mail_sent
    assert reminders_sent_count() == 1


class _Down:
    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPConnectError(421, "сервер недоступен")


@time_machine.travel(TODAY)
def test_a_reminder_whose_letter_failed_is_not_counted_and_is_queued_again(
    plan, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.monitoring.test_reminders._Down"
    settings.MAIL_MAX_ATTEMPTS = 2
    _run(django_capture_on_commit_callbacks)
    reminder = Reminder.objects.select_related("delivery").get()
    assert reminder.delivery.status == MailStatus.FAILED
    assert reminders_sent_count() == 0

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    again = _run(django_capture_on_commit_callbacks)

    reminder.refresh_from_db()
    assert again.requeued == 1
    assert reminder.mail_sent
    assert reminders_sent_count() == 1
    assert Notification.objects.count() == 1  # the portal told them once


@time_machine.travel(TODAY)
def test_nothing_goes_to_someone_who_withdrew_consent(plan, django_capture_on_commit_callbacks):
    consent_withdraw(user=plan.candidate.user, purpose=ConsentPurpose.PERSONAL_DATA)

    run = _run(django_capture_on_commit_callbacks)

    assert (run.given, run.left_out) == (0, 1)
    assert mail.outbox == [] and not Notification.objects.exists()


@time_machine.travel(TODAY)
def test_nothing_goes_to_an_excluded_reservist(django_capture_on_commit_callbacks, db):
    from tests.candidates.commission_factories import make_membership

    excluded = make_membership(status="excluded", term_ends_on=TODAY + datetime.timedelta(days=20))
    active = make_membership(term_ends_on=TODAY + datetime.timedelta(days=20))

    run = _run(django_capture_on_commit_callbacks)

    assert run.given == 1
    assert [letter.to for letter in mail.outbox] == [[active.candidate.email]]
    assert not Notification.objects.filter(user=excluded.candidate.user).exists()


@time_machine.travel(TODAY)
def test_a_blocked_account_gets_nothing(plan, django_capture_on_commit_callbacks):
    user = plan.candidate.user
    user.is_active = False
    user.save(update_fields=["is_active"])

    assert _run(django_capture_on_commit_callbacks).left_out == 1


@time_machine.travel(TODAY)
def test_the_command_reports_what_it_did(plan, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--today", TODAY.isoformat(), stdout=out)

    assert "напоминаний: новых 1" in out.getvalue()


def test_the_half_yearly_report_is_reminded_two_weeks_before(
    django_capture_on_commit_callbacks, db
):
    from tests.candidates.commission_factories import make_membership

    membership = make_membership(started_on=datetime.date(2027, 1, 10))

    with django_capture_on_commit_callbacks(execute=True):
        early = reminders_send(today=datetime.date(2027, 6, 10))
        due = reminders_send(today=datetime.date(2027, 6, 17))

    assert (early.given, due.given) == (0, 1)
    reminder = Reminder.objects.get(kind=ReminderKind.REPORT_DUE)
    assert reminder.key == f"report:{membership.pk}:2027-07-01"
    assert "До 01.07.2027 сдайте полугодовой отчёт" in mail.outbox[0].body

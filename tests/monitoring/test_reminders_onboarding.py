"""Reminders of the appointment stage: offers to answer, induction checkpoints — once each."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from monitoring.models import Reminder, ReminderKind
from monitoring.reminders.services import reminders_send
from onboarding.induction.reminders import induction_checkpoints_remind
from onboarding.models import InductionPlan, OfferStatus
from tests.development.plans_factories import make_mentor
from tests.onboarding.factories import (
    appointed,
    make_offer,
    make_vacancy,
    reservist_for,
    shortlist,
)

DAY = datetime.date(2026, 9, 25)  # the first checkpoint of a plan started 01.09.2026: 01.10.2026


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 8, 20, 9, tzinfo=datetime.UTC)):
        yield


def _run(callbacks, today):
    with callbacks(execute=True):
        return reminders_send(today=today)


def _offer(respond_by: datetime.date, status: str = OfferStatus.OFFERED):
    vacancy = make_vacancy()
    membership = reservist_for(vacancy)
    shortlist(vacancy, membership)
    return make_offer(vacancy, membership, status=status, respond_by=respond_by)


def test_an_offer_is_reminded_two_days_before_its_answer_date_once(
    django_capture_on_commit_callbacks, db
):
    offer = _offer(respond_by=DAY + datetime.timedelta(days=2))
    _offer(respond_by=DAY + datetime.timedelta(days=1), status=OfferStatus.ACCEPTED)
    _offer(respond_by=DAY + datetime.timedelta(days=3))  # not yet

    first = _run(django_capture_on_commit_callbacks, DAY)
    again = _run(django_capture_on_commit_callbacks, DAY)

    assert (first.given, again.given, again.already) == (1, 0, 1)
    reminder = Reminder.objects.get(kind=ReminderKind.OFFER_TO_ANSWER)
    user = offer.membership.candidate.user
    assert reminder.user == user and reminder.mail_sent
    notification = Notification.objects.get(user=user)
    assert notification.text.startswith("Ответьте на предложение должности")
    assert notification.url == reverse("onboarding:offer_answer", args=[offer.pk])
    (letter,) = mail.outbox
    assert "27.09.2026" in letter.subject and letter.to == [user.email]


def _plan_with_mentor(actor) -> InductionPlan:
    plan = appointed(actor, starts_on=datetime.date(2026, 9, 1))
    mentor = make_mentor()
    InductionPlan.objects.filter(pk=plan.pk).update(mentor=mentor)
    plan.refresh_from_db()
    return plan


def test_a_checkpoint_is_reminded_to_the_new_head_and_the_mentor_once(
    municipal_user, django_capture_on_commit_callbacks
):
    plan = _plan_with_mentor(municipal_user)
    mail.outbox.clear()

    first = _run(django_capture_on_commit_callbacks, DAY)
    again = _run(django_capture_on_commit_callbacks, DAY)

    assert (first.given, again.given) == (2, 0)
    head = plan.appointment.membership.candidate.user
    assert {r.user for r in Reminder.objects.filter(kind=ReminderKind.INDUCTION_CHECKPOINT)} == {
        head,
        plan.mentor.user,
    }
    url = reverse("onboarding:induction_detail", args=[plan.pk])
    assert Notification.objects.get(user=head).url == url
    assert sorted(letter.to[0] for letter in mail.outbox) == sorted(
        [head.email, plan.mentor.user.email]
    )
    assert all("01.10.2026" in letter.subject for letter in mail.outbox)


def test_a_checkpoint_the_stage_already_reminded_gets_no_second_letter(
    municipal_user, django_capture_on_commit_callbacks
):
    _plan_with_mentor(municipal_user)
    with django_capture_on_commit_callbacks(execute=True):
        assert induction_checkpoints_remind(today=DAY, days=7) == 1
    mail.outbox.clear()

    run = _run(django_capture_on_commit_callbacks, DAY)

    assert run.given == 0 and mail.outbox == []

"""Reminders before the due dates of plan items: one email per item, N days before."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from development.models import PlanStatus
from tests.development.plans_factories import give_both_evidence, make_plan

D = datetime.date


def _run(django_capture_on_commit_callbacks, **options) -> str:
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_plan_items", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def plan(db):
    return make_plan(
        status=PlanStatus.IN_PROGRESS,
        starts_on=D(2026, 11, 1),
        due=[D(2026, 12, 10), D(2026, 12, 20), D(2027, 3, 1)],
    )


def test_it_reminds_once_per_item_seven_days_before(
    plan, mailoutbox, django_capture_on_commit_callbacks
):
    with time_machine.travel(datetime.datetime(2026, 12, 2, 9, 0), tick=False):
        _run(django_capture_on_commit_callbacks)
        assert mailoutbox == []  # 8 days before the first item: too early
    with time_machine.travel(datetime.datetime(2026, 12, 3, 9, 0), tick=False):
        output = _run(django_capture_on_commit_callbacks)
        _run(django_capture_on_commit_callbacks)  # the same day again: nothing more
    assert "напоминаний отправлено: 1" in output
    assert len(mailoutbox) == 1
    assert "10.12.2026" in mailoutbox[0].subject
    assert "Пункт 1" in mailoutbox[0].body
    assert mailoutbox[0].to == [plan.candidate.email]
    with time_machine.travel(datetime.datetime(2026, 12, 14, 9, 0), tick=False):
        _run(django_capture_on_commit_callbacks)  # the first is overdue now, the second due
    assert len(mailoutbox) == 2
    assert "Пункт 2" in mailoutbox[1].body
    reminded = list(plan.items.order_by("due_date").values_list("reminded_at", flat=True))
    assert reminded[0] is not None and reminded[1] is not None and reminded[2] is None


def test_done_items_and_plans_not_in_work_are_not_reminded(
    plan, mailoutbox, django_capture_on_commit_callbacks
):
    give_both_evidence(plan.items.order_by("due_date").first())
    make_plan(status=PlanStatus.DRAFT, starts_on=D(2026, 11, 1), due=[D(2026, 12, 8)])
    make_plan(status=PlanStatus.ON_APPROVAL, starts_on=D(2026, 11, 1), due=[D(2026, 12, 8)])

    with time_machine.travel(datetime.datetime(2026, 12, 5, 9, 0), tick=False):
        _run(django_capture_on_commit_callbacks)

    assert mailoutbox == []


def test_the_days_come_from_the_settings(
    plan, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.PLAN_REMINDER_DAYS = 14

    with time_machine.travel(datetime.datetime(2026, 11, 26, 9, 0), tick=False):
        output = _run(django_capture_on_commit_callbacks)

    assert "за 14 дн." in output
    assert len(mailoutbox) == 1

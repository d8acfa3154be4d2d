"""Induction of the new head: the plan from its template, tasks, checkpoints, mentor, reminders."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from onboarding.induction.reminders import induction_checkpoints_remind
from onboarding.induction.services import (
    induction_checkpoint_review,
    induction_mentor_assign,
    induction_probation_review,
)
from onboarding.models import (
    InductionPlan,
    InductionStatus,
    InductionTemplate,
    InductionTemplateTask,
)
from registry.models import OrganizationKind
from tests.conftest import PASSWORD
from tests.development.mentoring_factories import ORSK, make_mentor, make_pair, make_reservist
from tests.onboarding.factories import appointed

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 9, 1)


def _appointed(actor, **kwargs) -> InductionPlan:
    return appointed(actor, starts_on=START, **kwargs)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 8, 20, 9, tzinfo=datetime.UTC)):
        yield


def test_the_plan_copies_its_kinds_template_with_checkpoints_at_1_3_6_12_months(municipal_user):
    plan = _appointed(municipal_user)

    dues = list(plan.checkpoints.values_list("month", "due_on"))
    assert dues == [
        (1, datetime.date(2026, 10, 1)),
        (3, datetime.date(2026, 12, 1)),
        (6, datetime.date(2027, 3, 1)),
        (12, datetime.date(2027, 9, 1)),
    ]
    template = InductionTemplate.objects.get(organization_kind=OrganizationKind.PRESCHOOL)
    titles = set(plan.checkpoints.values_list("tasks__title", flat=True))
    assert titles == set(template.tasks.values_list("title", flat=True))
    assert "Питание и санитарные требования" in titles
    assert plan.probation_ends_on == datetime.date(2027, 2, 28)


def test_editing_the_template_later_leaves_a_made_plan_alone(client, ministry_user, municipal_user):
    plan = _appointed(municipal_user)
    count = plan.checkpoints.values("tasks").count()
    client.force_login(ministry_user)

    client.post(
        reverse("onboarding:induction_template", args=["preschool"]),
        {"month": 3, "title": "Встреча с родительским советом", "description": ""},
    )

    assert InductionTemplateTask.objects.filter(title="Встреча с родительским советом").exists()
    assert plan.checkpoints.values("tasks").count() == count


def test_the_new_head_sees_what_is_due_and_marks_a_task_done(client, municipal_user):
    plan = _appointed(municipal_user, username="newhead")
    task = plan.checkpoints.get(month=1).tasks.first()
    client.login(username="newhead", password=PASSWORD)

    home = client.get(reverse("onboarding:my_induction"))
    page = client.get(home.url).content.decode()
    client.post(
        reverse("onboarding:induction_task", args=[plan.pk, task.pk]),
        {"done": "1", "note": "Собрание коллектива 02.09"},
    )

    assert home.url == reverse("onboarding:induction_detail", args=[plan.pk])
    assert "Мой план введения в должность" in page and "Следующая — до 01.10.2026" in page
    task.refresh_from_db()
    assert task.done_at is not None and task.note == "Собрание коллектива 02.09"


def test_a_checkpoint_is_passed_with_a_comment(municipal_user):
    plan = _appointed(municipal_user)
    checkpoint = plan.checkpoints.get(month=1)

    with pytest.raises(ValidationError, match="Напишите комментарий"):
        induction_checkpoint_review(checkpoint=checkpoint, comment="", actor=municipal_user)
    induction_checkpoint_review(
        checkpoint=checkpoint, comment="Коллектив принял, предписаний нет", actor=municipal_user
    )

    checkpoint.refresh_from_db()
    assert checkpoint.reviewed_at is not None and checkpoint.reviewed_by == municipal_user


def test_the_adaptation_mentor_comes_from_the_registry_and_takes_a_place(municipal_user):
    plan = _appointed(municipal_user)
    busy = make_mentor(capacity=1, kind=OrganizationKind.PRESCHOOL)
    make_pair(busy, make_reservist())
    free = make_mentor(capacity=1, kind=OrganizationKind.PRESCHOOL)

    with pytest.raises(ValidationError, match="нет свободных мест"):
        induction_mentor_assign(plan=plan, mentor=busy, actor=municipal_user)
    induction_mentor_assign(plan=plan, mentor=free, actor=municipal_user)

    plan.refresh_from_db()
    assert plan.mentor == free
    assert plan.mentor_score == sum(line["points"] for line in plan.mentor_explanation)
    other = _appointed(municipal_user)
    with pytest.raises(ValidationError, match="нет свободных мест"):
        induction_mentor_assign(plan=other, mentor=free, actor=municipal_user)


def test_the_mentor_sees_the_plan_and_passes_a_checkpoint(client, municipal_user):
    plan = _appointed(municipal_user)
    mentor = make_mentor(username="adapt", kind=OrganizationKind.PRESCHOOL)
    induction_mentor_assign(plan=plan, mentor=mentor, actor=municipal_user)
    checkpoint = plan.checkpoints.get(month=1)
    client.login(username="adapt", password=PASSWORD)

    listed = client.get(reverse("onboarding:induction_list"))
    client.post(
        reverse("onboarding:induction_checkpoint", args=[plan.pk, checkpoint.pk]),
        {"comment": "Первый месяц прошёл спокойно"},
    )

    assert [item.pk for item in listed.context["page"]] == [plan.pk]
    checkpoint.refresh_from_db()
    assert checkpoint.comment == "Первый месяц прошёл спокойно"


def test_the_plan_completes_with_the_last_checkpoint_and_the_probation(municipal_user):
    plan = _appointed(municipal_user)
    with pytest.raises(ValidationError, match="можно признать по окончании"):
        induction_probation_review(
            plan=plan, outcome="passed", comment="Хорошо", actor=municipal_user
        )
    induction_probation_review(
        plan=plan,
        outcome="passed",
        comment="Справляется",
        actor=municipal_user,
        today=datetime.date(2027, 3, 1),
    )
    for checkpoint in plan.checkpoints.all():
        induction_checkpoint_review(checkpoint=checkpoint, comment="Пройдена", actor=municipal_user)

    plan.refresh_from_db()
    assert plan.status == InductionStatus.COMPLETED


def test_reminders_go_once_before_a_checkpoint(municipal_user, django_capture_on_commit_callbacks):
    plan = _appointed(municipal_user)
    day = datetime.date(2026, 9, 25)

    with django_capture_on_commit_callbacks(execute=True):
        assert induction_checkpoints_remind(today=day, days=7) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert induction_checkpoints_remind(today=day, days=7) == 0

    (letter,) = mail.outbox
    assert letter.to == [plan.appointment.membership.candidate.email]
    assert "01.10.2026" in letter.subject and "Ещё не отмечены выполненными" in letter.body
    out = io.StringIO()
    call_command("remind_induction", "--today", "2026-09-25", "--days", "7", stdout=out)
    assert out.getvalue() == "напоминаний отправлено: 0 (за 7 дн. до контрольной точки)\n"


def test_the_coordinator_lists_their_new_heads_only(
    client, municipal_user, outsider_municipal_user
):
    mine = _appointed(municipal_user)
    _appointed(outsider_municipal_user, place=ORSK, municipality_name=ORSK)
    client.force_login(municipal_user)

    response = client.get(reverse("onboarding:induction_list"))

    assert [plan.pk for plan in response.context["page"]] == [mine.pk]

"""The plan's workflow: draft → on approval → approved → in progress → completed, and back."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from development.models import PlanStatus, PlanStatusChange
from development.plans.services.items import plan_item_add, plan_item_redate, plan_item_remove
from development.plans.services.workflow import (
    plan_approve,
    plan_close,
    plan_return,
    plan_start,
    plan_submit,
)
from tests.development.plans_factories import (
    TODAY,
    make_activity,
    make_mentor,
    make_plan,
    make_reservist,
    pair,
)

S = PlanStatus


def _history(plan) -> list[tuple[str, str]]:
    return list(PlanStatusChange.objects.filter(plan=plan).values_list("from_status", "to_status"))


def test_the_whole_way_is_recorded_in_the_history_and_the_audit(ministry_user):
    plan = make_plan()
    reservist = plan.candidate.user

    plan_submit(plan=plan, actor=reservist)
    plan_approve(plan=plan, actor=ministry_user)
    plan_start(plan=plan, actor=reservist)
    plan_close(plan=plan, actor=ministry_user, reason="Назначен на должность директора")

    plan.refresh_from_db()
    assert plan.status == S.COMPLETED
    assert plan.approved_by == ministry_user
    assert _history(plan)[1:] == [
        (S.DRAFT, S.ON_APPROVAL),
        (S.ON_APPROVAL, S.APPROVED),
        (S.APPROVED, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.COMPLETED),
    ]
    events = AuditEvent.objects.filter(action="development_plan.transition", object_id=str(plan.pk))
    assert events.count() == 4


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (S.DRAFT, plan_approve),
        (S.DRAFT, plan_start),
        (S.ON_APPROVAL, plan_submit),
        (S.ON_APPROVAL, plan_start),
        (S.APPROVED, plan_submit),
        (S.APPROVED, plan_approve),
        (S.IN_PROGRESS, plan_start),
        (S.COMPLETED, plan_submit),
        (S.COMPLETED, plan_approve),
    ],
)
def test_it_refuses_transitions_from_the_wrong_status(ministry_user, status, action):
    plan = make_plan(status=status)

    with pytest.raises(ValidationError, match="невозможен"):
        action(plan=plan, actor=ministry_user)

    plan.refresh_from_db()
    assert plan.status == status


def test_an_empty_draft_cannot_be_submitted():
    plan = make_plan(items=0)

    with pytest.raises(ValidationError, match="нет ни одного пункта"):
        plan_submit(plan=plan, actor=plan.candidate.user)


def test_returning_needs_a_comment_and_tells_the_reservist(
    ministry_user, mailoutbox, django_capture_on_commit_callbacks
):
    plan = make_plan(status=S.ON_APPROVAL)
    with pytest.raises(ValidationError, match="комментарий"):
        plan_return(plan=plan, actor=ministry_user, reason="  ")

    with django_capture_on_commit_callbacks(execute=True):
        plan_return(plan=plan, actor=ministry_user, reason="Добавьте стажировку по K02.")

    plan.refresh_from_db()
    assert plan.status == S.DRAFT
    assert _history(plan)[-1] == (S.ON_APPROVAL, S.DRAFT)
    assert len(mailoutbox) == 1
    assert "Добавьте стажировку по K02." in mailoutbox[0].body
    assert mailoutbox[0].to == [plan.candidate.email]


def test_closing_needs_a_reason(ministry_user):
    plan = make_plan(status=S.IN_PROGRESS)

    with pytest.raises(ValidationError, match="почему"):
        plan_close(plan=plan, actor=ministry_user, reason="")


def test_a_draft_is_edited_within_the_plan_period():
    plan = make_plan(items=1)
    reservist = plan.candidate.user
    activity = make_activity(["K05"], title="Закупки по 44-ФЗ")

    item = plan_item_add(
        plan=plan, actor=reservist, activity=activity, due_date=TODAY + datetime.timedelta(30)
    )
    with pytest.raises(ValidationError, match="в периоде плана"):
        plan_item_redate(item=item, actor=reservist, due_date=plan.ends_on + datetime.timedelta(1))
    plan_item_redate(item=item, actor=reservist, due_date=TODAY + datetime.timedelta(90))
    with pytest.raises(ValidationError, match="уже есть в плане"):
        plan_item_add(plan=plan, actor=reservist, activity=activity, due_date=TODAY)

    item.refresh_from_db()
    assert item.due_date == TODAY + datetime.timedelta(90)
    assert item.title == "Закупки по 44-ФЗ"
    plan_item_remove(item=item, actor=reservist)
    plan_item_remove(item=item, actor=reservist)  # a second click changes nothing
    assert plan.items.count() == 1


def test_an_own_task_for_a_gap_competency_gets_the_gap_as_reason():
    from development.plans.services.generation import plan_generate
    from tests.development.plans_factories import competency, gap, make_result

    membership = make_reservist()
    make_result(membership, scores={"K06": 20.0}, gaps=[gap("K06", 1, 3)])
    plan = plan_generate(membership=membership, actor=None)

    item = plan_item_add(
        plan=plan,
        actor=None,
        title="Провести аудит безопасности школы",
        competency=competency("K06"),
        due_date=plan.starts_on + datetime.timedelta(days=100),
    )

    assert item.reason == (
        "компетенция “Безопасная и доступная образовательная среда”: уровень 1 при целевом 3"
    )


def test_only_a_draft_is_edited():
    plan = make_plan(status=S.ON_APPROVAL)

    with pytest.raises(ValidationError, match="только черновик"):
        plan_item_add(plan=plan, actor=None, title="Ещё", due_date=TODAY)


# --- Through the pages ----------------------------------------------------------------------


def test_the_reservist_submits_and_the_ministry_approves(client, ministry_user):
    plan = make_plan()
    client.force_login(plan.candidate.user)
    assert (
        "Отправить на согласование"
        in client.get(reverse("development:plan_detail", args=[plan.pk])).content.decode()
    )

    client.post(reverse("development:plan_submit", args=[plan.pk]))
    client.post(reverse("development:plan_submit", args=[plan.pk]))  # double submit: refused

    plan.refresh_from_db()
    assert plan.status == S.ON_APPROVAL
    assert client.post(reverse("development:plan_approve", args=[plan.pk])).status_code == 404
    client.force_login(ministry_user)
    client.post(reverse("development:plan_approve", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == S.APPROVED
    client.force_login(plan.candidate.user)
    client.post(reverse("development:plan_start", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == S.IN_PROGRESS


def test_a_coordinator_cannot_approve(client, municipal_user):
    plan = make_plan(status=S.ON_APPROVAL)
    client.force_login(municipal_user)

    assert client.post(reverse("development:plan_approve", args=[plan.pk])).status_code == 404
    plan.refresh_from_db()
    assert plan.status == S.ON_APPROVAL


def test_the_ministry_returns_with_a_comment_shown_on_the_plan(client, ministry_user):
    plan = make_plan(status=S.ON_APPROVAL)
    client.force_login(ministry_user)
    url = reverse("development:plan_return", args=[plan.pk])

    client.post(url, {"reason": ""})
    plan.refresh_from_db()
    assert plan.status == S.ON_APPROVAL
    client.post(url, {"reason": "Срок курса по закупкам — позже."})

    plan.refresh_from_db()
    assert plan.status == S.DRAFT
    client.force_login(plan.candidate.user)
    page = client.get(reverse("development:plan_detail", args=[plan.pk])).content.decode()
    assert "Срок курса по закупкам — позже." in page


def test_the_mentor_of_an_active_pair_and_the_coordinator_edit_the_draft(
    client, municipal_user, outsider_municipal_user
):
    plan = make_plan(items=1)
    mentor = make_mentor()
    pair(mentor, plan.membership)
    url = reverse("development:item_add", args=[plan.pk])
    data = {
        "which": "custom",
        "custom-title": "Выступить на педсовете",
        "custom-due_date": "01.03.2027",
    }

    for user in (mentor.user, municipal_user, plan.candidate.user):
        client.force_login(user)
        assert client.post(url, data).status_code == 302, user
    client.force_login(outsider_municipal_user)
    assert client.post(url, data).status_code == 404

    assert plan.items.filter(title="Выступить на педсовете").count() == 3


def test_a_mentor_whose_pair_ended_cannot_edit(client):
    plan = make_plan(items=1)
    mentor = make_mentor()
    pair(mentor, plan.membership, status="completed")
    client.force_login(mentor.user)

    assert client.get(reverse("development:item_add", args=[plan.pk])).status_code == 404
    assert client.get(reverse("development:plan_detail", args=[plan.pk])).status_code == 404


def test_the_draft_item_is_redated_and_removed_through_the_page(client):
    plan = make_plan(items=2)
    item = plan.items.first()
    client.force_login(plan.candidate.user)

    client.post(
        reverse("development:item_redate", args=[plan.pk, item.pk]), {"due_date": "15.05.2027"}
    )
    item.refresh_from_db()
    assert item.due_date == datetime.date(2027, 5, 15)
    client.post(reverse("development:item_remove", args=[plan.pk, item.pk]))
    assert not plan.items.filter(pk=item.pk).exists()


def test_items_of_an_approved_plan_cannot_be_edited(client):
    plan = make_plan(status=S.APPROVED)
    item = plan.items.first()
    client.force_login(plan.candidate.user)

    assert (
        client.post(reverse("development:item_remove", args=[plan.pk, item.pk])).status_code == 404
    )
    assert client.get(reverse("development:item_add", args=[plan.pk])).status_code == 404

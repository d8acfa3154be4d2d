"""Progress of a plan, overdue items, overdue lists by municipality, re-assessment growth."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from development.models import PlanStatus
from registry.models import Municipality
from tests.development.plans_factories import (
    TODAY,
    gap,
    give_both_evidence,
    make_plan,
    make_reservist,
    make_result,
)

D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 27, 10, 0), tick=False):
        yield


def test_progress_is_done_of_all_and_overdue_is_flagged(client):
    plan = make_plan(
        status=PlanStatus.IN_PROGRESS,
        starts_on=D(2026, 1, 15),
        due=[D(2026, 3, 1), D(2026, 6, 1), D(2026, 12, 1), D(2027, 1, 10)],
    )
    first, second, *_ = plan.items.order_by("due_date")
    give_both_evidence(first)
    client.force_login(plan.candidate.user)

    response = client.get(reverse("development:plan_detail", args=[plan.pk]))

    assert response.context["progress"] == 25
    assert response.context["overdue_count"] == 1
    flagged = [item.pk for item in response.context["items"] if item.is_overdue]
    assert flagged == [second.pk]
    assert [item.due_date for item in response.context["due_soon"]] == [D(2026, 12, 1)]


def test_the_overdue_report_groups_by_municipality_and_keeps_coordinators_to_their_own(
    client, ministry_user, municipal_user
):
    orsk = Municipality.objects.get(name="город Орск")
    ours = make_plan(status=PlanStatus.APPROVED, due=[D(2026, 10, 1), D(2027, 3, 1)])
    theirs = make_plan(
        make_reservist(municipality=orsk), status=PlanStatus.IN_PROGRESS, due=[D(2026, 9, 1)]
    )
    make_plan(status=PlanStatus.DRAFT, due=[D(2026, 8, 1)])  # a draft is not overdue yet

    client.force_login(ministry_user)
    groups = client.get(reverse("development:overdue_list")).context["groups"]
    assert [(group.name, [item.plan_id for item in group.items]) for group in groups] == [
        ("город Оренбург", [ours.pk]),
        ("город Орск", [theirs.pk]),
    ]

    client.force_login(municipal_user)
    groups = client.get(reverse("development:overdue_list")).context["groups"]
    assert [group.name for group in groups] == ["город Оренбург"]


def test_the_plan_list_shows_progress_and_overdue_counts(client, municipal_user):
    plan = make_plan(status=PlanStatus.IN_PROGRESS, due=[D(2026, 10, 1), D(2027, 2, 1)])
    give_both_evidence(plan.items.order_by("due_date").last())
    client.force_login(municipal_user)

    row = client.get(reverse("development:plan_list"), {"status": ""}).context["page"][0]

    assert (row.items_done, row.items_total, row.progress, row.items_overdue) == (1, 2, 50, 1)


@pytest.mark.parametrize("count", [2, 6])
def test_the_plan_list_query_count_does_not_grow_with_the_plans(
    client, ministry_user, django_assert_num_queries, count
):
    for _ in range(count):
        make_plan(status=PlanStatus.ON_APPROVAL)
    client.force_login(ministry_user)

    with django_assert_num_queries(13):  # with the second-factor device and unread notices
        response = client.get(reverse("development:plan_list"))
    assert len(response.context["page"].object_list) == count


@pytest.mark.parametrize("count", [1, 4])
def test_the_overdue_report_query_count_does_not_grow(
    client, ministry_user, django_assert_num_queries, count
):
    for _ in range(count):
        make_plan(status=PlanStatus.APPROVED, due=[D(2026, 10, 1)])
    client.force_login(ministry_user)

    with django_assert_num_queries(8):  # with the second-factor device and unread notices
        client.get(reverse("development:overdue_list"))


def test_the_plan_page_shows_growth_between_the_source_and_the_later_assessment(client):
    membership = make_reservist(started_on=D(2025, 11, 1))
    before = make_result(
        membership,
        scores={"K05": 20.0, "K03": 50.0, "K01": 70.0},
        gaps=[gap("K05", 2, 3)],
        completed_at=timezone.now() - datetime.timedelta(days=300),
        name="Оценка 2025",
    )
    make_result(
        membership,
        scores={"K05": 70.0, "K03": 45.0, "K01": 70.0},
        gaps=[],
        name="Повторная оценка 2026",
    )
    plan = make_plan(membership, status=PlanStatus.COMPLETED, starts_on=D(2025, 11, 1))
    plan.source_result = before
    plan.save(update_fields=["source_result"])
    client.force_login(membership.candidate.user)

    response = client.get(reverse("development:plan_detail", args=[plan.pk]))

    lines = {line.code: line for line in response.context["growth"].lines}
    assert (lines["K05"].before, lines["K05"].after, lines["K05"].change) == (20.0, 70.0, 50.0)
    assert lines["K05"].targeted and not lines["K03"].targeted
    assert lines["K03"].change == -5.0
    page = response.content.decode()
    assert "Повторная оценка 2026" in page
    assert "+50.0" in page or "+50,0" in page


def test_without_a_later_assessment_there_is_no_growth_section(client):
    membership = make_reservist(started_on=TODAY)
    result = make_result(membership, scores={"K05": 20.0}, gaps=[gap("K05", 1, 3)])
    plan = make_plan(membership)
    plan.source_result = result
    plan.save(update_fields=["source_result"])
    client.force_login(membership.candidate.user)

    response = client.get(reverse("development:plan_detail", args=[plan.pk]))

    assert response.context["growth"] is None

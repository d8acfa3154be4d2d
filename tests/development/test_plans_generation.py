"""Drawing up a draft plan from the assessment's gaps: which activities, why, by when."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from development.models import DevelopmentPlan, PlanStatus, PlanStatusChange
from development.plans.services.generation import plan_generate, plan_period
from tests.development.plans_factories import (
    TODAY,
    gap,
    make_activity,
    make_reservist,
    make_result,
    retire_seeded_catalogue,
)

D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 27, 10, 0), tick=False):
        yield


@pytest.fixture
def membership(db):
    return make_reservist(started_on=TODAY)


@pytest.fixture
def result(membership):
    return make_result(
        membership,
        scores={"K05": 10.0, "K03": 40.0, "K01": 80.0},
        gaps=[gap("K05", 1, 3), gap("K03", 2, 3)],
    )


def test_it_picks_activities_for_each_gap_with_the_reason_in_words(membership, result):
    retire_seeded_catalogue()
    finance = make_activity(["K05"], title="Финансы для руководителя", starts_on=D(2027, 2, 1))
    make_activity(["K05"], title="Финансы для опытных", min_level=3, max_level=4)
    people = make_activity(["K03"], title="Управление персоналом", min_level=2, max_level=3)

    plan = plan_generate(membership=membership, actor=membership.candidate.user)

    items = {item.title: item for item in plan.items.select_related("competency")}
    assert set(items) == {"Финансы для руководителя", "Управление персоналом"}
    assert items["Финансы для руководителя"].activity == finance
    assert items["Финансы для руководителя"].reason == (
        "компетенция “Финансы, право и закупки”: уровень 1 при целевом 3"
    )
    assert items["Финансы для руководителя"].competency.code == "K05"
    assert items["Управление персоналом"].activity == people
    assert items["Управление персоналом"].reason == (
        "компетенция “Управление персоналом”: уровень 2 при целевом 3"
    )
    assert plan.status == PlanStatus.DRAFT
    assert plan.source_result == result


def test_it_skips_activities_whose_levels_do_not_cover_the_current_level(membership, result):
    retire_seeded_catalogue()
    make_activity(["K05"], title="Для уровня 2–3", min_level=2, max_level=3)
    make_activity(["K03"], title="Для уровня 3–4", min_level=3, max_level=4)

    plan = plan_generate(membership=membership, actor=None)

    assert plan.items.count() == 0


def test_it_takes_at_most_two_per_gap_preferring_upcoming_free_and_another_kind(membership, result):
    retire_seeded_catalogue()
    make_activity(["K05"], title="Курс без дат")
    full = make_activity(["K05"], title="Курс без мест", starts_on=D(2027, 1, 10), places=1)
    make_activity(["K05"], title="Курс раньше всех", starts_on=D(2027, 1, 20))
    make_activity(["K05"], title="Вебинар", kind="webinar", starts_on=D(2027, 3, 1))
    make_activity(["K05"], title="Курс прошедший", starts_on=D(2026, 10, 1))
    make_activity(["K05"], title="Курс после периода", starts_on=D(2028, 1, 10))
    other = make_reservist()
    plan_generate(membership=other, actor=None)  # no result: an empty draft
    other.development_plans.get().items.create(
        title="Занято", activity=full, due_date=D(2027, 6, 1)
    )

    plan = plan_generate(membership=membership, actor=None)

    finance = sorted(plan.items.filter(competency__code="K05").values_list("title", flat=True))
    assert finance == ["Вебинар", "Курс раньше всех"]


def test_it_spreads_due_dates_over_the_plan_period(membership, result):
    retire_seeded_catalogue()
    make_activity(["K05"], title="Курс", starts_on=D(2027, 2, 1), ends_on=D(2027, 3, 1))
    make_activity(["K03"], title="Проект", kind="project", min_level=2)
    make_activity(["K03"], title="Наставничество", kind="mentoring", min_level=2)

    plan = plan_generate(membership=membership, actor=None)

    due = dict(plan.items.values_list("title", "due_date"))
    assert due["Курс"] == D(2027, 3, 31)  # 30 days after it ends, to apply it at work
    undated = sorted([due["Проект"], due["Наставничество"]])
    assert undated == [D(2027, 5, 28), D(2027, 11, 26)]  # half-way and at the end
    assert plan.starts_on == TODAY
    assert plan.ends_on == D(2027, 11, 26)


def test_without_a_result_it_makes_an_empty_draft_with_a_note(client, membership):
    plan = plan_generate(membership=membership, actor=membership.candidate.user)

    assert plan.items.count() == 0
    assert plan.source_result is None
    change = PlanStatusChange.objects.get(plan=plan)
    assert change.to_status == PlanStatus.DRAFT
    assert "результата оценки нет" in change.reason
    client.force_login(membership.candidate.user)
    page = client.get(reverse("development:plan_detail", args=[plan.pk])).content.decode()
    assert "нет завершённой оценки компетенций" in page


def test_it_refuses_a_second_open_plan(membership, result):
    plan_generate(membership=membership, actor=None)

    with pytest.raises(ValidationError, match="уже составлен"):
        plan_generate(membership=membership, actor=None)
    assert DevelopmentPlan.objects.filter(membership=membership).count() == 1


def test_it_records_the_creation_in_the_audit_log(membership, result):
    plan = plan_generate(membership=membership, actor=membership.candidate.user)

    event = AuditEvent.objects.get(action="development_plan.create", object_id=str(plan.pk))
    assert event.actor == membership.candidate.user


def test_the_seeded_catalogue_covers_a_new_reservists_gaps(membership):
    make_result(
        membership,
        scores={},
        gaps=[gap(f"K{n:02d}", 1, 3) for n in range(1, 11)],
    )

    plan = plan_generate(membership=membership, actor=None)

    covered = set(plan.items.values_list("competency__code", flat=True))
    assert covered == {f"K{n:02d}" for n in range(1, 11)}
    assert all(plan.starts_on <= item.due_date <= plan.ends_on for item in plan.items.all())


@pytest.mark.parametrize(
    ("started", "term_end", "period"),
    [
        (D(2026, 11, 27), D(2029, 11, 26), (D(2026, 11, 27), D(2027, 11, 26))),
        (D(2025, 1, 15), D(2028, 1, 14), (D(2026, 1, 15), D(2027, 1, 14))),
        (D(2024, 3, 1), D(2027, 2, 28), (D(2026, 3, 1), D(2027, 2, 28))),
        (D(2026, 6, 1), D(2026, 12, 31), (D(2026, 6, 1), D(2026, 12, 31))),
    ],
)
def test_the_period_is_the_current_year_of_membership_within_the_term(started, term_end, period):
    membership = make_reservist(started_on=started, term_ends_on=term_end)

    assert plan_period(membership, TODAY) == period


def test_the_reservist_draws_up_the_plan_from_my_plan(client, membership, result):
    client.force_login(membership.candidate.user)

    assert client.get(reverse("development:my_plan")).status_code == 200
    response = client.post(reverse("development:my_plan_generate"))

    plan = DevelopmentPlan.objects.get(membership=membership)
    assert response.status_code == 302
    assert response.url == reverse("development:plan_detail", args=[plan.pk])
    again = client.post(reverse("development:my_plan_generate"))
    assert again.url == response.url  # a second click opens the same plan
    assert client.get(reverse("development:my_plan")).url == response.url


def test_a_coordinator_draws_up_a_plan_for_a_reservist_of_the_municipality(
    client, municipal_user, outsider_municipal_user, membership, result
):
    url = reverse("development:plan_generate_for", args=[membership.pk])
    client.force_login(outsider_municipal_user)
    assert client.post(url).status_code == 404

    client.force_login(municipal_user)
    response = client.post(url)

    plan = DevelopmentPlan.objects.get(membership=membership)
    assert response.url == reverse("development:plan_detail", args=[plan.pk])

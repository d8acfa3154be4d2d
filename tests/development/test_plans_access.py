"""Who may open a plan and the plan lists: owners, coordinators, mentors of active pairs, staff."""

import pytest
from django.urls import reverse

from audit.models import PersonalDataAccess
from development.models import PlanStatus
from registry.models import Municipality
from tests.development.plans_factories import make_mentor, make_plan, make_reservist, pair


@pytest.fixture
def plan(db):
    return make_plan(status=PlanStatus.APPROVED)


def _detail(plan) -> str:
    return reverse("development:plan_detail", args=[plan.pk])


def test_the_owner_sees_own_plan_and_another_candidate_gets_404(client, plan):
    client.force_login(plan.candidate.user)
    assert client.get(_detail(plan)).status_code == 200

    client.force_login(make_reservist().candidate.user)
    assert client.get(_detail(plan)).status_code == 404
    item = plan.items.first()
    assert (
        client.get(reverse("development:item_detail", args=[plan.pk, item.pk])).status_code == 404
    )


def test_a_coordinator_sees_own_municipality_only(
    client, municipal_user, outsider_municipal_user, plan
):
    client.force_login(municipal_user)
    assert client.get(_detail(plan)).status_code == 200
    assert PersonalDataAccess.objects.filter(actor=municipal_user).exists()

    client.force_login(outsider_municipal_user)
    assert client.get(_detail(plan)).status_code == 404


def test_a_mentor_sees_own_mentees_plans_only(client, plan):
    mentor = make_mentor()
    stranger = make_mentor()
    pair(mentor, plan.membership)

    client.force_login(mentor.user)
    assert client.get(_detail(plan)).status_code == 200
    listed = client.get(reverse("development:plan_list")).context["page"].object_list
    assert [row.pk for row in listed] == [plan.pk]

    client.force_login(stranger.user)
    assert client.get(_detail(plan)).status_code == 404
    assert list(client.get(reverse("development:plan_list")).context["page"].object_list) == []


@pytest.mark.parametrize("persona", ["expert_user", "candidate_user"])
def test_lists_are_not_for_experts_and_candidates(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("development:plan_list")).status_code == 404
    assert client.get(reverse("development:overdue_list")).status_code == 404


def test_an_expert_cannot_open_a_plan(client, expert_user, plan):
    client.force_login(expert_user)

    assert client.get(_detail(plan)).status_code == 404


def test_my_plan_is_for_candidates(client, municipal_user, candidate_user):
    client.force_login(municipal_user)
    assert client.get(reverse("development:my_plan")).status_code == 404
    client.force_login(candidate_user)  # no candidate record: not in the reserve
    page = client.get(reverse("development:my_plan"))
    assert page.status_code == 200
    assert "включён в кадровый резерв" in page.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "development:my_plan",
        "development:plan_list",
        "development:overdue_list",
        "development:programme",
        "development:catalogue",
    ],
)
def test_anonymous_users_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_anonymous_users_cannot_open_a_plan(client, plan):
    response = client.get(_detail(plan))

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_the_ministry_sees_plans_awaiting_approval_first(client, ministry_user):
    waiting = make_plan(status=PlanStatus.ON_APPROVAL)
    make_plan(status=PlanStatus.DRAFT)
    client.force_login(ministry_user)

    response = client.get(reverse("development:plan_list"))

    assert [plan.pk for plan in response.context["page"].object_list] == [waiting.pk]
    everything = client.get(reverse("development:plan_list"), {"status": ""})
    assert len(everything.context["page"].object_list) == 2


def test_a_coordinator_lists_own_municipality_and_reservists_without_a_plan(client, municipal_user):
    own = make_plan(status=PlanStatus.DRAFT)
    make_plan(make_reservist(municipality=Municipality.objects.get(name="город Орск")))
    waiting = make_reservist(last_name="Безпланова")
    client.force_login(municipal_user)

    response = client.get(reverse("development:plan_list"))

    assert [plan.pk for plan in response.context["page"].object_list] == [own.pk]
    assert [m.pk for m in response.context["without_plan"]] == [waiting.pk]
    assert "Безпланова" in response.content.decode()

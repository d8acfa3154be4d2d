"""The mentor registry: who sees and keeps it, the forms, filters, the mentor's own profile."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from audit.models import AuditEvent
from development.models import Mentor, MentorshipStatus
from tests.development.mentoring_factories import (
    ORENBURG,
    ORSK,
    competency,
    make_mentor,
    make_organization,
    make_pair,
    make_reservist,
)
from tests.factories import UserFactory

LIST = reverse("development:mentor_list")
CREATE = reverse("development:mentor_create")
PROFILE = reverse("development:mentor_profile")


def detail(mentor: Mentor) -> str:
    return reverse("development:mentor_detail", args=[mentor.pk])


def edit(mentor: Mentor) -> str:
    return reverse("development:mentor_edit", args=[mentor.pk])


def test_it_sends_anonymous_users_to_the_login_page(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", ["expert_user", "candidate_user", "mentor_user"])
def test_other_roles_have_no_registry(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(LIST).status_code == 404
    assert client.get(CREATE).status_code == 404


def test_the_ministry_sees_every_mentor_and_a_coordinator_only_their_municipalitys(
    client, ministry_user, municipal_user
):
    own = make_mentor(last_name="Оренбургская")
    other = make_mentor(municipality_name=ORSK, last_name="Орская")
    client.force_login(ministry_user)
    assert set(client.get(LIST).context["page"].object_list) == {own, other}
    client.force_login(municipal_user)
    assert list(client.get(LIST).context["page"].object_list) == [own]
    assert client.get(detail(own)).status_code == 200
    assert client.get(detail(other)).status_code == 404
    assert client.get(edit(other)).status_code == 404


def test_the_filters_find_strengths_and_free_places(client, ministry_user):
    finance = make_mentor(strengths={"K05": 4}, capacity=1, last_name="Финансова")
    weak = make_mentor(strengths={"K05": 2}, last_name="Слабова")
    busy = make_mentor(strengths={"K05": 4}, capacity=1, last_name="Занятова")
    make_pair(busy, make_reservist())
    client.force_login(ministry_user)
    found = client.get(LIST, {"competency": competency("K05").pk, "min_level": 3})
    assert set(found.context["page"].object_list) == {finance, busy}
    free = client.get(LIST, {"competency": competency("K05").pk, "min_level": 3, "free": "on"})
    assert list(free.context["page"].object_list) == [finance]
    assert weak not in free.context["page"].object_list


def test_a_coordinator_adds_a_mentor_of_their_municipality(client, municipal_user):
    account = UserFactory(role=Role.MENTOR, last_name="Новикова")
    school = make_organization(ORENBURG)
    client.force_login(municipal_user)
    response = client.post(
        CREATE,
        {
            "user": account.pk,
            "organization": school.inn,
            "position": "Директор",
            "years_as_head": 15,
            "capacity": 3,
            "is_available": "on",
            "about": "",
            "strength_K05": "4",
            "strength_K01": "3",
        },
    )
    mentor = Mentor.objects.get(user=account)
    assert response.status_code == 302
    assert response["Location"] == detail(mentor)
    assert mentor.organization == school
    assert {s.competency.code: s.level for s in mentor.strengths.all()} == {"K05": 4, "K01": 3}
    assert AuditEvent.objects.filter(action="mentor.create", object_id=str(mentor.pk)).exists()


def test_a_coordinator_cannot_register_a_head_of_another_municipality(client, municipal_user):
    account = UserFactory(role=Role.MENTOR)
    school = make_organization(ORSK)
    client.force_login(municipal_user)
    response = client.post(
        CREATE,
        {
            "user": account.pk,
            "organization": school.inn,
            "position": "Директор",
            "years_as_head": 15,
            "capacity": 2,
        },
    )
    assert response.status_code == 200
    assert "вы ведёте реестр только своего" in response.content.decode()
    assert not Mentor.objects.exists()


def test_only_mentor_accounts_without_a_record_are_offered(client, ministry_user):
    taken = make_mentor()
    free = UserFactory(role=Role.MENTOR)
    candidate = UserFactory(role=Role.CANDIDATE)
    client.force_login(ministry_user)
    offered = set(client.get(CREATE).context["form"].fields["user"].queryset)
    assert free in offered
    assert taken.user not in offered
    assert candidate not in offered


def test_capacity_cannot_drop_below_the_pairs_the_mentor_has(client, ministry_user):
    mentor = make_mentor(capacity=2)
    make_pair(mentor, make_reservist())
    make_pair(mentor, make_reservist(), status=MentorshipStatus.PROPOSED)
    client.force_login(ministry_user)
    response = client.post(
        edit(mentor),
        {
            "organization": mentor.organization.inn,
            "position": "Директор",
            "years_as_head": 12,
            "capacity": 1,
            "is_available": "on",
        },
    )
    assert response.status_code == 200
    assert "число мест не может быть меньше" in response.content.decode()
    mentor.refresh_from_db()
    assert mentor.capacity == 2


def test_a_mentor_keeps_their_availability_and_strengths(client):
    mentor = make_mentor(strengths={"K05": 3})
    client.force_login(mentor.user)
    assert client.get(PROFILE).status_code == 200
    response = client.post(PROFILE, {"about": "Директор лицея", "strength_K02": "4"})
    assert response.status_code == 302
    mentor.refresh_from_db()
    assert mentor.is_available is False
    assert mentor.about == "Директор лицея"
    assert {s.competency.code: s.level for s in mentor.strengths.all()} == {"K02": 4}


def test_a_mentor_sees_their_own_record_and_no_one_elses(client):
    mentor = make_mentor()
    other = make_mentor()
    client.force_login(mentor.user)
    assert client.get(detail(mentor)).status_code == 200
    assert client.get(detail(other)).status_code == 404
    assert client.get(edit(mentor)).status_code == 404


def test_a_mentor_account_without_a_record_has_no_profile_page(client, mentor_user):
    client.force_login(mentor_user)
    assert client.get(PROFILE).status_code == 404


def test_the_list_runs_a_fixed_number_of_queries(client, ministry_user, django_assert_num_queries):
    for number in range(2):
        make_mentor(strengths={"K05": 4, "K02": 2}, last_name=f"Первая-{number}")
    client.force_login(ministry_user)
    with CaptureQueriesContext(connection) as two:
        assert client.get(LIST).status_code == 200
    for number in range(8):
        make_mentor(strengths={"K05": 4, "K02": 2}, last_name=f"Ещё-{number}")
    with django_assert_num_queries(len(two.captured_queries)):
        response = client.get(LIST)
    assert len(response.context["page"].object_list) == 10

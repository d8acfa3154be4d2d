"""A low WHO-5 index offers concrete help: contacts and a conversation with the coordinator."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from accounts.models import Role
from development.models import PulseResponse, PulseScale, SupportRequest, SupportStatus
from development.wellbeing.selectors import Quarter, pulse_summary
from development.wellbeing.services import pulse_answer_submit, pulse_consent_give
from registry.models import Municipality
from tests.candidates.commission_factories import make_membership
from tests.factories import UserFactory

PAGE = reverse("development:wellbeing")
ASK = reverse("development:wellbeing_support")
REQUESTS = reverse("development:support_requests")
TODAY = datetime.datetime(2026, 5, 14, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _may_2026():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def orenburg(db):
    return Municipality.objects.get(name="город Оренбург")


@pytest.fixture
def coordinator(orenburg):
    return UserFactory(
        role=Role.MUNICIPAL,
        municipality=orenburg,
        last_name="Морозова",
        first_name="Ирина",
        phone="+7 (3532) 44-55-66",
    )


@pytest.fixture
def reservist(orenburg):
    user = make_membership(
        username="reservist", started_on=datetime.date(2025, 2, 1), municipality=orenburg
    ).candidate.user
    pulse_consent_give(user=user)
    return user


def _answer(user, answers) -> None:
    pulse_answer_submit(user=user, answers=answers, today=TODAY.date())


def test_a_low_index_offers_contacts_and_a_conversation(client, reservist, coordinator):
    _answer(reservist, [2, 2, 2, 2, 2])  # 40: reduced well-being
    client.force_login(reservist)

    page = client.get(PAGE).content.decode()

    assert "data-pulse-help" in page
    assert "Морозова Ирина" in page and "+7 (3532) 44-55-66" in page
    assert "Попросить о разговоре" in page
    assert "Такой индекс бывает при депрессии" not in page  # that is for 28 and below


def test_a_very_low_index_also_advises_a_doctor(client, reservist, coordinator):
    _answer(reservist, [1, 1, 1, 1, 1])  # 20
    client.force_login(reservist)

    page = client.get(PAGE).content.decode()

    assert "Такой индекс бывает при депрессии: пожалуйста, обратитесь к врачу" in page


def test_an_index_above_fifty_offers_no_help_block(client, reservist, coordinator):
    _answer(reservist, [3, 3, 3, 3, 3])  # 60
    client.force_login(reservist)

    assert "data-pulse-help" not in client.get(PAGE).content.decode()


def test_the_request_needs_consent_and_tells_the_coordinator_nothing_of_the_answers(
    client, reservist, coordinator, django_capture_on_commit_callbacks
):
    _answer(reservist, [1, 2, 1, 2, 1])
    client.force_login(reservist)

    refused = client.post(ASK, {"contact": "+7 900 111-22-33"})
    assert refused.status_code == 400
    assert "Отметьте согласие" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ASK, {"contact": "+7 900 111-22-33, после 16:00", "consent": "on"})

    support = SupportRequest.objects.get()
    assert (support.user, support.municipality.name) == (reservist, "город Оренбург")
    assert mail.outbox[-1].to == [coordinator.email]
    body = mail.outbox[-1].body
    assert "+7 900 111-22-33" in body
    assert str(PulseResponse.objects.get().index) not in body
    page = client.get(PAGE).content.decode()
    assert "Вы попросили координатора о разговоре" in page
    assert client.post(ASK, {"contact": "ещё раз", "consent": "on"}).status_code == 400


def test_the_coordinator_sees_and_closes_the_request_without_the_index(
    client, reservist, coordinator
):
    _answer(reservist, [1, 2, 1, 2, 1])
    client.force_login(reservist)
    client.post(ASK, {"contact": "reservist@example.org", "consent": "on"})
    support = SupportRequest.objects.get()
    client.force_login(coordinator)

    page = client.get(REQUESTS).content.decode()
    assert reservist.get_full_name() in page
    assert "reservist@example.org" in page
    table = page.split("<tbody>")[1].split("</tbody>")[0]
    assert str(PulseResponse.objects.get().index) not in table
    client.post(reverse("development:support_request_done", args=[support.pk]))

    support.refresh_from_db()
    assert (support.status, support.handled_by) == (SupportStatus.CONTACTED, coordinator)


@pytest.mark.parametrize(
    "persona", ["outsider_municipal_user", "candidate_user", "mentor_user", "expert_user"]
)
def test_outsiders_neither_see_nor_close_a_request(client, request, reservist, persona):
    _answer(reservist, [1, 2, 1, 2, 1])
    client.force_login(reservist)
    client.post(ASK, {"contact": "reservist@example.org", "consent": "on"})
    support = SupportRequest.objects.get()
    client.force_login(request.getfixturevalue(persona))

    listing = client.get(REQUESTS)
    closing = client.post(reverse("development:support_request_done", args=[support.pk]))

    assert closing.status_code == 404
    if persona == "outsider_municipal_user":
        assert reservist.get_full_name() not in listing.content.decode()
    else:
        assert listing.status_code == 404
    support.refresh_from_db()
    assert support.status == SupportStatus.OPEN


def test_the_aggregates_count_who5_answers_only(ministry_user, orenburg):
    people = [make_membership(municipality=orenburg).candidate.user for _ in range(6)]
    for user in people:
        pulse_consent_give(user=user)
        _answer(user, [3, 3, 3, 3, 3])  # 60
    # An answer to the portal's earlier questionnaire, as migration 0010 marks them.
    PulseResponse.objects.filter(user=people[0]).update(scale=PulseScale.PORTAL_2025, index=12)

    summary = pulse_summary(ministry_user, Quarter.of(TODAY.date()))

    assert (summary.total.people, summary.total.mean_index) == (5, 60.0)

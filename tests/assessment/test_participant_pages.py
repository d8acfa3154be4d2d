"""«Моя оценка» and the expert-rated task pages: own participations only, statuses, queries."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from assessment.models import CampaignStatus, ExpertAssignment
from assessment.participation.services.feedback import invitation_create
from assessment.participation.services.self_assessment import response_save_draft, response_submit
from assessment.participation.services.testing import attempt_start
from tests.assessment.factories import (
    ALL_KINDS,
    campaign_instrument,
    hand_in,
    make_campaign,
    make_participant,
)
from tests.assessment.participant_helpers import K, all_ratings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/assessment/my/"


@pytest.fixture
def participant():
    return make_participant(campaign=make_campaign(kinds=ALL_KINDS))


def _rows(page: str) -> str:
    return " ".join(page.split())


def test_the_page_lists_every_assigned_instrument_with_its_status(client, participant):
    user = participant.candidate.user
    campaign = participant.campaign
    self_item = campaign_instrument(campaign, K.SELF_ASSESSMENT)
    response_save_draft(
        participant=participant,
        campaign_instrument=self_item,
        answers=dict(list(all_ratings(self_item).items())[:4]),
        actor=user,
    )
    attempt_start(
        participant=participant,
        campaign_instrument=campaign_instrument(campaign, K.KNOWLEDGE_TEST),
        actor=user,
    )
    invitation_create(
        participant=participant,
        campaign_instrument=campaign_instrument(campaign, K.FEEDBACK_360),
        respondent_name="Петров",
        respondent_email="petrov@example.org",
        relation="peer",
        actor=user,
    )
    client.force_login(user)
    page = _rows(client.get(URL).content.decode())
    assert campaign.name in page
    for name, status in [
        ("Самооценка управленческих компетенций", "Черновик"),
        ("Тест управленческих знаний", "Тест начат"),
        ("Оценка 360°: обратная связь коллег", "Идёт сбор отзывов"),
        ("Управленческий кейс", "Ожидает вашей работы"),
        ("Управленческий проект", "Ожидает вашей работы"),
    ]:
        assert f"{name}</a>" in page
        start = page.index(f"{name}</a>")
        assert status in page[start : start + 400], (name, status)
    positions = [
        page.index(f"{name}</a>")
        for name in (
            "Самооценка управленческих компетенций",
            "Оценка 360°: обратная связь коллег",
            "Тест управленческих знаний",
            "Управленческий кейс",
            "Портфолио управленческих достижений",
        )
    ]
    assert positions == sorted(positions)
    assert "ответов: 4" in page
    assert "приглашено: 1, ответили: 0" in page
    assert f"Срок до {self_item.deadline:%d.%m.%Y} включительно" in page


def test_statuses_after_submission_and_after_the_deadline(client, participant):
    user = participant.candidate.user
    campaign = participant.campaign
    self_item = campaign_instrument(campaign, K.SELF_ASSESSMENT)
    response_submit(
        participant=participant,
        campaign_instrument=self_item,
        answers=all_ratings(self_item),
        actor=user,
    )
    client.force_login(user)
    page = _rows(client.get(URL).content.decode())
    start = page.index("Самооценка управленческих компетенций</a>")
    assert "Отправлено" in page[start : start + 400]
    start = page.index("Тест управленческих знаний</a>")
    assert "Не начато" in page[start : start + 400]
    after = timezone.make_aware(
        datetime.datetime.combine(self_item.deadline + datetime.timedelta(days=1), datetime.time(9))
    )
    with time_machine.travel(after):
        client.force_login(user)
        page = _rows(client.get(URL).content.decode())
    start = page.index("Тест управленческих знаний</a>")
    assert "Просрочено" in page[start : start + 400]
    start = page.index("Самооценка управленческих компетенций</a>")
    assert "Отправлено" in page[start : start + 400]


def test_rated_expert_instruments_say_so(client, participant, expert_user):
    case = campaign_instrument(participant.campaign, K.CASE)
    hand_in(participant, K.CASE)
    for expert in (expert_user, UserFactory(role="expert")):
        ExpertAssignment.objects.create(
            participant=participant,
            campaign_instrument=case,
            expert=expert,
            submitted_at=timezone.now(),
        )
    client.force_login(participant.candidate.user)
    page = _rows(client.get(URL).content.decode())
    start = page.index("Управленческий кейс</a>")
    assert "Оценено экспертами" in page[start : start + 400]


def test_campaigns_in_preparation_and_other_peoples_are_not_listed(client, participant):
    other = make_participant(campaign=make_campaign(name="Чужая кампания"))
    mine_later = make_participant(
        campaign=make_campaign(name="Готовится", status=CampaignStatus.DRAFT),
        candidate=participant.candidate,
        position_code="deputy-general",
    )
    client.force_login(participant.candidate.user)
    page = client.get(URL).content.decode()
    assert participant.campaign.name in page
    assert "Чужая кампания" not in page
    assert mine_later.campaign.name not in page
    assert other.candidate.full_name not in page


def test_a_candidate_without_campaigns_is_told_so(client, candidate_user):
    client.force_login(candidate_user)
    page = client.get(URL).content.decode()
    assert "Вам пока не назначены оценочные процедуры" in page


def test_the_query_count_does_not_grow_with_campaigns(
    client, participant, django_assert_num_queries
):
    client.force_login(participant.candidate.user)
    client.get(URL)  # warm the session
    with django_assert_num_queries(14) as one:
        client.get(URL)
    for number in range(3):
        make_participant(
            campaign=make_campaign(name=f"Кампания {number}"),
            candidate=participant.candidate,
            position_code=["deputy-general", "head-preschool", "director-vocational"][number],
        )
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(URL).content.decode()
    assert page.count("Самооценка управленческих компетенций</a>") == 4


def test_the_expert_task_page_shows_the_task_and_the_criteria(client, participant):
    project = campaign_instrument(participant.campaign, K.MANAGEMENT_PROJECT)
    client.force_login(participant.candidate.user)
    page = client.get(reverse("assessment:task", args=[participant.pk, project.pk])).content
    page = page.decode()
    assert "Разработайте управленческий проект" in page
    assert "Ожидает вашей работы" in page
    assert "Качество проектного замысла" in page


def test_another_candidates_pages_are_not_found(client, participant):
    other = make_participant(campaign=participant.campaign)
    client.force_login(other.candidate.user)
    for kind, name in [
        (K.CASE, "task"),
        (K.SELF_ASSESSMENT, "self_assessment"),
        (K.KNOWLEDGE_TEST, "test"),
        (K.FEEDBACK_360, "feedback"),
    ]:
        item = campaign_instrument(participant.campaign, kind)
        assert (
            client.get(reverse(f"assessment:{name}", args=[participant.pk, item.pk])).status_code
            == 404
        )
        # The right participant with the wrong kind of page is not found either.
    item = campaign_instrument(other.campaign, K.CASE)
    assert client.get(reverse("assessment:test", args=[other.pk, item.pk])).status_code == 404


@pytest.mark.parametrize("persona", ["ministry_user", "municipal_user", "expert_user"])
def test_staff_have_no_own_assessment_page(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 404


def test_anonymous_users_are_sent_to_login(client):
    reply = client.get(URL)
    assert reply.status_code == 302
    assert reply["Location"].startswith(reverse("accounts:login"))

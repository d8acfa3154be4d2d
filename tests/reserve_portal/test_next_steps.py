"""The candidate's home «Что сделать дальше»: each stage's steps, most urgent first, as links."""

import datetime
import inspect

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import CampaignStatus, InstrumentKind
from assessment.results.services.results import results_compute
from candidates.models import NominationStatus
from core.next_steps import ACT_NOW, NEWS, OPEN, NextStep, ordered
from development.models import PlanStatus
from reserve_portal import next_steps
from tests.assessment.factories import (
    assign_expert,
    campaign_instrument,
    hand_in,
    make_campaign,
    make_expert,
    make_participant,
    rate,
    submit_self_assessment,
)
from tests.candidates.factories import make_candidate, make_nomination
from tests.development.mentoring_factories import make_mentor, make_pair, make_session
from tests.development.plans_factories import make_plan, make_reservist
from tests.onboarding.factories import make_offer, make_org, make_vacancy, shortlist

HOME = reverse("accounts:home_candidate")
TODAY = datetime.date(2026, 11, 27)
ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 11, 27, 10, 0), tick=False):
        yield


def _steps(client, user) -> list:
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response.context["next_steps"]


@pytest.mark.django_db
def test_an_applicant_sees_the_returned_application_first_then_deadlines_then_drafts(client):
    candidate = make_candidate(username="applicant")
    returned = make_nomination(candidate=candidate, status=NominationStatus.RETURNED)
    returned.return_reason = "Приложите диплом о профессиональной переподготовке."
    returned.save(update_fields=["return_reason"])
    draft = make_nomination(candidate=candidate, position_code="deputy-general", documents=False)
    campaign = make_campaign(kinds=["self_assessment", "case"])
    participant = make_participant(
        campaign=campaign, candidate=candidate, position_code="head-preschool"
    )
    self_item = campaign_instrument(campaign, InstrumentKind.SELF_ASSESSMENT)
    case_item = campaign_instrument(campaign, InstrumentKind.CASE)
    self_item.deadline = TODAY + datetime.timedelta(days=9)
    self_item.save(update_fields=["deadline"])
    case_item.deadline = TODAY + datetime.timedelta(days=4)
    case_item.save(update_fields=["deadline"])

    steps = _steps(client, candidate.user)

    assert [step.url for step in steps] == [
        reverse("candidates:applicant_nomination", args=[returned.pk]),
        reverse("assessment:task", args=[participant.pk, case_item.pk]),
        reverse("assessment:self_assessment", args=[participant.pk, self_item.pk]),
        reverse("candidates:applicant_nomination", args=[draft.pk]),
    ]
    assert steps[0].note == "Приложите диплом о профессиональной переподготовке."
    assert steps[1].due == TODAY + datetime.timedelta(days=4) and not steps[1].overdue
    assert steps[3].text.startswith("Заполните заявку") and "Не хватает" in steps[3].note


@pytest.mark.django_db
def test_a_reservist_sees_the_offer_the_meeting_and_plan_items_with_the_overdue_first(client):
    membership = make_reservist(username="reservist")
    plan = make_plan(
        membership,
        status=PlanStatus.IN_PROGRESS,
        due=[
            TODAY - datetime.timedelta(days=3),  # overdue
            TODAY + datetime.timedelta(days=20),  # coming due
            TODAY + datetime.timedelta(days=90),  # too far ahead to list
        ],
    )
    session = make_session(make_pair(make_mentor(), membership), days_ago=2)
    vacancy = make_vacancy(make_org(short_name="МОБУ «СОШ № 5»"))
    shortlist(vacancy, membership)
    offer = make_offer(vacancy, membership)
    items = list(plan.items.order_by("due_date"))

    steps = _steps(client, membership.candidate.user)

    urls = [step.url for step in steps]
    assert urls[0] == reverse("development:item_detail", args=[plan.pk, items[0].pk])
    assert steps[0].overdue
    assert reverse("development:item_detail", args=[plan.pk, items[1].pk]) in urls
    assert reverse("development:item_detail", args=[plan.pk, items[2].pk]) not in urls
    assert reverse("onboarding:offer_answer", args=[offer.pk]) in urls
    assert urls[-1] == reverse("development:session_answer", args=[session.pk])
    page = client.get(HOME).content.decode()
    assert "Что сделать дальше" in page and "срок прошёл 24.11.2026" in page
    assert "Подтвердите встречу с наставником" in page


@pytest.mark.django_db
def test_a_finished_result_is_news_and_a_running_campaign_shows_none(client):
    campaign = make_campaign(kinds=["self_assessment"], weights={"self_assessment": 100})
    participant = make_participant(campaign=campaign, username="assessed")
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, 3))
    results_compute(campaign=campaign)
    result_url = reverse("assessment:result_detail", args=[participant.pk])

    running = _steps(client, participant.candidate.user)
    campaign.status = CampaignStatus.CLOSED
    campaign.save(update_fields=["status"])
    finished = _steps(client, participant.candidate.user)

    assert result_url not in [step.url for step in running]
    assert [step.url for step in finished] == [result_url]
    assert client.get(result_url).status_code == 200


@pytest.mark.django_db
def test_someone_elses_steps_never_show(client):
    other = make_nomination(status=NominationStatus.RETURNED, username="other")
    campaign = make_campaign(kinds=["case"])
    rival = make_participant(campaign=campaign, username="rival")
    mine = make_candidate(username="mine")

    steps = _steps(client, mine.user)
    page = client.get(HOME).content.decode()

    assert steps == []
    assert "Сейчас от вас ничего не требуется" in page
    assert reverse("candidates:applicant_nomination", args=[other.pk]) not in page
    assert f"/assessment/my/{rival.pk}/" not in page


@pytest.mark.django_db
def test_a_rated_case_and_a_submitted_self_assessment_ask_nothing_more(client):
    campaign = make_campaign(kinds=["self_assessment", "case"])
    participant = make_participant(campaign=campaign, username="done")
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, 3))
    hand_in(participant, InstrumentKind.CASE)
    for _ in range(2):
        rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), {"K02": 3})

    assert _steps(client, participant.candidate.user) == []


@pytest.mark.django_db
def test_the_home_asks_as_many_queries_for_twenty_steps_as_for_two(client):
    def queries_for(username: str, items: int, sessions: int) -> tuple[int, int]:
        membership = make_reservist(username=username)
        make_plan(membership, status=PlanStatus.IN_PROGRESS, due=[TODAY] * items)
        pair = make_pair(make_mentor(), membership)
        for days in range(1, sessions + 1):
            make_session(pair, days_ago=days)
        client.force_login(membership.candidate.user)
        with CaptureQueriesContext(connection) as queries:
            steps = client.get(HOME).context["next_steps"]
        return len(queries), len(steps)

    few, shown_few = queries_for("calm", 1, 1)
    many, shown_many = queries_for("busy", 12, 8)

    assert (shown_few, shown_many) == (2, 20)
    assert many == few <= 22  # 20 before the half-yearly reports joined: memberships, reports


def test_every_registered_selector_takes_the_user_and_today() -> None:
    for path, selector in next_steps._selectors.items():
        parameters = inspect.signature(selector).parameters
        assert next(iter(parameters)) == "user", path
        assert parameters["today"].kind is inspect.Parameter.KEYWORD_ONLY, (
            f"{path}: a stage's selector is next_steps_for(user, *, today) -> list[NextStep]"
        )
        assert not [
            name
            for name, parameter in parameters.items()
            if name not in ("user", "today") and parameter.default is inspect.Parameter.empty
        ], f"{path}: the home page passes only the user and today"


@pytest.mark.django_db
def test_a_stage_returning_other_rows_stops_the_page_loudly(client, monkeypatch):
    candidate = make_candidate(username="strict")

    def foreign(user, *, today):
        return [{"text": "Сделайте что-нибудь", "url": "/"}]

    monkeypatch.setitem(next_steps._selectors, "tests.foreign", foreign)
    client.force_login(candidate.user)

    with pytest.raises(TypeError, match=r"core\.next_steps\.NextStep"):
        client.get(HOME)


def test_overdue_beats_priority_and_dates_order_equals() -> None:
    steps = [
        NextStep(text="новость", url="/n", priority=NEWS),
        NextStep(text="открыто", url="/o", priority=OPEN),
        NextStep(text="позже", url="/l", due=TODAY + datetime.timedelta(days=9)),
        NextStep(text="раньше", url="/e", due=TODAY + datetime.timedelta(days=2)),
        NextStep(
            text="просрочено", url="/p", due=TODAY - datetime.timedelta(days=1), priority=OPEN
        ),
        NextStep(text="вернули", url="/r", priority=ACT_NOW),
    ]

    assert [step.text for step in ordered(steps, TODAY)] == [
        "просрочено",
        "вернули",
        "раньше",
        "позже",
        "открыто",
        "новость",
    ]

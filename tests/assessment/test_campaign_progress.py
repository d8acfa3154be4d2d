"""The progress page: participant × instrument states, scope, reminders, the test reset."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessment.models import (
    CampaignStatus,
    FeedbackInvitation,
    FeedbackRelation,
    InstrumentKind,
    Response,
)
from assessment.models import (
    TestAttempt as Attempt,
)
from audit.models import AuditEvent
from registry.models import Municipality
from tests.assessment.factories import (
    add_feedback,
    assign_expert,
    campaign_instrument,
    hand_in,
    make_campaign,
    make_expert,
    make_participant,
    rate,
    submit_self_assessment,
    submit_test,
)

KINDS = ["self_assessment", "feedback_360", "knowledge_test", "case"]
WEIGHTS = {"self_assessment": 25, "feedback_360": 25, "knowledge_test": 25, "case": 25}


def _url(campaign, name="campaign_progress") -> str:
    return reverse(f"assessment:{name}", args=[campaign.pk])


def _labels(response, participant) -> list[str]:
    row = next(row for row in response.context["page"] if row.participant == participant)
    return [cell.label for cell in row.cells]


@pytest.fixture
def campaign(db):
    return make_campaign(kinds=KINDS, weights=WEIGHTS)


def test_each_cell_shows_where_the_participant_is(client, ministry_user, campaign):
    idle = make_participant(campaign=campaign, last_name="Аникина")
    busy = make_participant(campaign=campaign, last_name="Борисова")
    Response.objects.create(
        participant=busy,
        campaign_instrument=campaign_instrument(campaign, InstrumentKind.SELF_ASSESSMENT),
        answers={},
    )
    submit_test(busy, {"K01": (2, 3)})
    add_feedback(busy, FeedbackRelation.PEER, {"K01": 3}, times=2)
    FeedbackInvitation.objects.bulk_create(
        FeedbackInvitation(
            participant=busy,
            campaign_instrument=campaign_instrument(campaign, InstrumentKind.FEEDBACK_360),
            respondent_name=f"Коллега {n}",
            respondent_email=f"colleague{n}@example.org",
            relation=FeedbackRelation.PEER,
            token_hash=f"{n:064d}",
            expires_at=timezone.now() + datetime.timedelta(days=10),
        )
        for n in range(4)
    )
    first, second = make_expert(), make_expert()
    hand_in(busy, InstrumentKind.CASE)
    rate(
        assign_expert(busy, InstrumentKind.CASE, first),
        {"K02": 3, "K04": 3, "K05": 3, "K06": 3, "K08": 3},
    )
    assign_expert(busy, InstrumentKind.CASE, second)
    client.force_login(ministry_user)

    response = client.get(_url(campaign))

    assert response.status_code == 200
    assert _labels(response, idle) == [
        "не начато",
        "не начато: коллеги не приглашены",
        "не начато",
        "ожидает работы кандидата; эксперты не назначены",
    ]
    labels = _labels(response, busy)
    assert labels[0].startswith("черновик от ")
    assert labels[1] == "ответов 2, приглашено 4 (нужно не меньше 3)"
    assert labels[2] == "отправлено: 2 из 3"
    assert labels[3] == "оценено экспертами 1 из 2"


def test_the_unfinished_filter_keeps_those_with_work_left(client, ministry_user):
    campaign = make_campaign(kinds=["self_assessment"], weights={"self_assessment": 100})
    done = make_participant(campaign=campaign)
    submit_self_assessment(done, {"K01": 3})
    left = make_participant(campaign=campaign)
    client.force_login(ministry_user)

    response = client.get(_url(campaign), {"state": "unfinished"})

    assert [row.participant for row in response.context["page"]] == [left]
    assert response.context["summary"] == {"finished": 1, "unfinished": 1}


def test_reminders_go_only_to_those_who_have_not_finished(
    client, ministry_user, django_capture_on_commit_callbacks
):
    campaign = make_campaign(
        kinds=["self_assessment", "case"], weights={"self_assessment": 50, "case": 50}
    )
    done = make_participant(campaign=campaign)
    submit_self_assessment(done, {"K01": 3})
    left = make_participant(campaign=campaign)
    hand_in(done, InstrumentKind.CASE)
    idle_expert = make_expert()
    finished_expert = make_expert()
    assign_expert(done, InstrumentKind.CASE, idle_expert)
    rate(
        assign_expert(done, InstrumentKind.CASE, finished_expert),
        {"K02": 3, "K04": 3, "K05": 3, "K06": 3, "K08": 3},
    )
    client.force_login(ministry_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(campaign, "campaign_remind"), follow=True)

    assert "Напоминания отправлены: участникам — 1, экспертам — 1." in response.content.decode()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([left.candidate.email, idle_expert.email])
    assert "Самооценка" in next(m.body for m in mail.outbox if m.to == [left.candidate.email])
    event = AuditEvent.objects.get(action="assessment.campaign.remind")
    assert event.changes["напоминания участникам"] == [None, 1]


def test_reminders_are_not_sent_for_a_campaign_in_preparation(client, ministry_user):
    campaign = make_campaign(status=CampaignStatus.DRAFT)
    make_participant(campaign=campaign)
    client.force_login(ministry_user)

    response = client.post(_url(campaign, "campaign_remind"), follow=True)

    assert "только в ходе кампании" in response.content.decode()
    assert mail.outbox == []


def test_a_coordinator_sees_their_municipality_and_cannot_remind(client, municipal_user, campaign):
    own = make_participant(campaign=campaign)
    make_participant(campaign=campaign, municipality=Municipality.objects.get(name="город Орск"))
    client.force_login(municipal_user)

    response = client.get(_url(campaign))

    assert [row.participant for row in response.context["page"]] == [own]
    assert not response.context["can_remind"]
    assert client.post(_url(campaign, "campaign_remind")).status_code == 404


def test_a_coordinator_of_another_municipality_gets_404(client, outsider_municipal_user, campaign):
    make_participant(campaign=campaign)
    client.force_login(outsider_municipal_user)

    assert client.get(_url(campaign)).status_code == 404
    assert client.get(_url(campaign, "campaign_ranking")).status_code == 404


@pytest.mark.parametrize("persona", ["expert_user", "candidate_user", "mentor_user"])
def test_other_roles_get_404(client, persona, request, campaign):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(_url(campaign)).status_code == 404
    assert client.get(reverse("assessment:campaign_list")).status_code == 404


def test_anonymous_is_sent_to_login(client, campaign):
    assert "/accounts/login/" in client.get(_url(campaign))["Location"]


def test_staff_void_a_test_attempt_with_a_reason(client, ministry_user, campaign):
    participant = make_participant(campaign=campaign)
    attempt = submit_test(participant, {"K01": (0, 3)})
    client.force_login(ministry_user)
    url = reverse("assessment:test_attempt_void", args=[campaign.pk, attempt.pk])

    refused = client.post(url, {"reason": ""}, follow=True)
    asked = client.post(url, {"reason": "Сбой связи во время теста"})
    attempt.refresh_from_db()
    assert not attempt.is_void
    assert "Аннулировать попытку теста" in asked.content.decode()
    assert "Вернуть аннулированную попытку нельзя." in asked.content.decode()
    client.post(url, {"reason": "Сбой связи во время теста", "confirmed": "yes"})

    assert "Укажите причину" in refused.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_void
    assert attempt.void_reason == "Сбой связи во время теста"
    assert not Attempt.objects.filter(participant=participant, is_void=False).exists()


def test_the_progress_page_query_count_does_not_grow(
    client, ministry_user, campaign, django_assert_num_queries
):
    client.force_login(ministry_user)
    for _ in range(3):
        make_participant(campaign=campaign)
    with CaptureQueriesContext(connection) as small:
        client.get(_url(campaign))
    for _ in range(12):
        submit_test(make_participant(campaign=campaign), {"K01": (1, 3)})

    with django_assert_num_queries(len(small.captured_queries)):
        client.get(_url(campaign))


def test_the_list_shows_the_campaigns_of_the_users_territory(
    client, ministry_user, municipal_user, campaign
):
    make_participant(campaign=campaign)
    orsk_only = make_campaign(name="Только Орск")
    make_participant(campaign=orsk_only, municipality=Municipality.objects.get(name="город Орск"))
    url = reverse("assessment:campaign_list")

    client.force_login(ministry_user)
    everything = client.get(url)
    client.force_login(municipal_user)
    own = client.get(url)

    assert {c.name for c in everything.context["campaigns"]} == {campaign.name, "Только Орск"}
    assert [(c.name, c.participant_count) for c in own.context["campaigns"]] == [(campaign.name, 1)]
    assert not own.context["can_manage"]


def test_a_second_reminder_within_the_hour_is_refused(
    client, ministry_user, django_capture_on_commit_callbacks
):
    import time_machine

    campaign = make_campaign(kinds=["self_assessment"], weights={"self_assessment": 100})
    make_participant(campaign=campaign)
    client.force_login(ministry_user)
    url = _url(campaign, "campaign_remind")
    start = timezone.now()

    with time_machine.travel(start, tick=False), django_capture_on_commit_callbacks(execute=True):
        client.post(url)
        again = client.post(url, follow=True)
    assert "Напоминания уже отправлены" in again.content.decode()
    assert len(mail.outbox) == 1

    later = start + datetime.timedelta(minutes=61)
    with time_machine.travel(later, tick=False), django_capture_on_commit_callbacks(execute=True):
        client.logout()  # the idle timeout would end the old session
        client.force_login(ministry_user)
        client.post(url)
    assert len(mail.outbox) == 2


def test_closing_a_campaign_is_confirmed_first(client, ministry_user, campaign):
    client.force_login(ministry_user)
    url = reverse("assessment:campaign_status", args=[campaign.pk, "close"])

    asked = client.post(url)
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.ACTIVE
    assert "Вернуть кампанию в работу нельзя." in asked.content.decode()

    client.post(url, {"confirmed": "yes"})
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.CLOSED

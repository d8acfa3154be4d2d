"""360° feedback: personal single-use expiring links, anonymous answers, the 3-answer threshold."""

import datetime
import hashlib
import re

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from assessment.models import CampaignStatus, FeedbackInvitation, FeedbackResponse
from assessment.participation.selectors import TOO_FEW_ANSWERS, feedback_summary
from assessment.participation.services.feedback import feedback_submit, invitation_create
from tests.assessment.participant_helpers import K, all_ratings, setup_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    return setup_participant(K.FEEDBACK_360)


def _invite(participant, item, email="kollega@example.org", relation="peer", name="Петров П. П."):
    return invitation_create(
        participant=participant,
        campaign_instrument=item,
        respondent_name=name,
        respondent_email=email,
        relation=relation,
        actor=participant.candidate.user,
    )


def _token_of(message) -> str:
    return re.search(r"/assessment/feedback/([\w-]+)/", message.body).group(1)


def _invite_and_get_token(participant, item, django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(participant, item, **kwargs)
    return _token_of(mail.outbox[-1])


def _form_data(item, value=3, comment=""):
    return {**{f"i-{pk}": str(value) for pk in all_ratings(item)}, "comment": comment}


def _after_deadline(item):
    return timezone.make_aware(
        datetime.datetime.combine(item.deadline + datetime.timedelta(days=1), datetime.time(9))
    )


# --- Invitations and links -------------------------------------------------------------------


def test_an_invitation_mails_a_link_whose_token_is_stored_only_as_a_hash(
    setup, django_capture_on_commit_callbacks
):
    participant, item = setup
    token = _invite_and_get_token(participant, item, django_capture_on_commit_callbacks)
    invitation = FeedbackInvitation.objects.get()
    assert mail.outbox[-1].to == ["kollega@example.org"]
    assert participant.candidate.full_name in mail.outbox[-1].body
    assert len(token) >= 40
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(FeedbackInvitation.objects.values().get())


def test_a_link_expires_after_the_configured_days_but_not_after_the_deadline(setup, settings):
    participant, item = setup
    now = timezone.now()
    invitation = _invite(participant, item)
    assert abs(invitation.expires_at - (now + datetime.timedelta(days=14))) < datetime.timedelta(
        minutes=1
    )
    settings.ASSESSMENT_FEEDBACK_LINK_DAYS = 3
    invitation = _invite(participant, item, email="drugoy@example.org")
    assert abs(invitation.expires_at - (now + datetime.timedelta(days=3))) < datetime.timedelta(
        minutes=1
    )
    item.deadline = timezone.localdate() + datetime.timedelta(days=1)
    item.save()
    settings.ASSESSMENT_FEEDBACK_LINK_DAYS = 14
    invitation = _invite(participant, item, email="tretiy@example.org")
    assert timezone.localtime(invitation.expires_at).date() == item.deadline + datetime.timedelta(
        days=1
    )
    assert timezone.localtime(invitation.expires_at).time() == datetime.time.min


def test_the_same_colleague_or_oneself_cannot_be_invited(setup):
    participant, item = setup
    _invite(participant, item)
    with pytest.raises(ValidationError, match="уже приглашён"):
        _invite(participant, item, email="KOLLEGA@example.org")
    with pytest.raises(ValidationError, match="Себя пригласить нельзя"):
        _invite(participant, item, email=participant.candidate.email)


def test_the_colleague_answers_once_without_an_account(
    client, setup, django_capture_on_commit_callbacks
):
    participant, item = setup
    token = _invite_and_get_token(
        participant, item, django_capture_on_commit_callbacks, relation="superior"
    )
    url = reverse("assessment:feedback_form", args=[token])
    page = client.get(url)
    assert page.status_code == 200
    assert participant.candidate.full_name in page.content.decode()
    reply = client.post(url, _form_data(item, comment="Больше делегировать"))
    assert reply.status_code == 302
    assert reply["Location"] == reverse("assessment:feedback_thanks")
    response = FeedbackResponse.objects.get()
    assert response.relation == "superior"
    assert response.submitted_on == timezone.localdate()
    assert response.comment == "Больше делегировать"
    assert set(response.answers.values()) == {3}
    invitation = FeedbackInvitation.objects.get()
    assert timezone.localtime(invitation.used_at).time() == datetime.time.min
    # A second use gets a clear page, and nothing is stored.
    again = client.get(url)
    assert again.status_code == 410
    assert "По этой ссылке ответ уже получен" in again.content.decode()
    again = client.post(url, _form_data(item, value=1))
    assert again.status_code == 410
    assert FeedbackResponse.objects.count() == 1


def test_the_answer_carries_no_link_to_the_invitation():
    fields = {field.name for field in FeedbackResponse._meta.get_fields()}
    assert fields == {
        "id",
        "participant",
        "campaign_instrument",
        "relation",
        "answers",
        "comment",
        "submitted_on",
    }


def test_an_expired_link_gets_a_clear_page(client, setup, django_capture_on_commit_callbacks):
    participant, item = setup
    token = _invite_and_get_token(participant, item, django_capture_on_commit_callbacks)
    invitation = FeedbackInvitation.objects.get()
    url = reverse("assessment:feedback_form", args=[token])
    with time_machine.travel(invitation.expires_at + datetime.timedelta(seconds=1)):
        page = client.get(url)
        assert page.status_code == 410
        assert "Срок действия ссылки истёк" in page.content.decode()
        assert client.post(url, _form_data(item)).status_code == 410
    assert not FeedbackResponse.objects.exists()


def test_an_unknown_link_is_not_found(client, setup):
    page = client.get(reverse("assessment:feedback_form", args=["no-such-token-" + "x" * 30]))
    assert page.status_code == 404
    assert "Ссылка недействительна" in page.content.decode()


def test_a_closed_campaign_takes_no_more_answers(client, setup, django_capture_on_commit_callbacks):
    participant, item = setup
    token = _invite_and_get_token(participant, item, django_capture_on_commit_callbacks)
    item.campaign.status = CampaignStatus.CLOSED
    item.campaign.save()
    page = client.get(reverse("assessment:feedback_form", args=[token]))
    assert page.status_code == 410
    assert "Сбор отзывов завершён" in page.content.decode()


def test_an_incomplete_answer_is_refused_and_the_link_stays_usable(
    client, setup, django_capture_on_commit_callbacks
):
    participant, item = setup
    token = _invite_and_get_token(participant, item, django_capture_on_commit_callbacks)
    url = reverse("assessment:feedback_form", args=[token])
    data = _form_data(item)
    dropped = next(key for key in data if key.startswith("i-"))
    del data[dropped]
    reply = client.post(url, data)
    assert reply.status_code == 400
    page = reply.content.decode()
    assert "без ответа осталось 1" in page
    assert page.count("indicator is-missing") == 1
    assert not FeedbackResponse.objects.exists()
    assert client.post(url, _form_data(item)).status_code == 302


# --- Anonymity threshold ---------------------------------------------------------------------


def _answers_in_group(participant, item, relation, values, capture):
    for number, value in enumerate(values):
        token = _invite_and_get_token(
            participant, item, capture, relation=relation, email=f"{relation}{number}@example.org"
        )
        feedback_submit(token=token, answers=all_ratings(item, value))


def test_a_group_is_shown_only_with_three_answers_after_the_collection(
    setup, django_capture_on_commit_callbacks
):
    participant, item = setup
    _answers_in_group(participant, item, "peer", [4, 3, 2], django_capture_on_commit_callbacks)
    _answers_in_group(participant, item, "subordinate", [1, 4], django_capture_on_commit_callbacks)
    during = {group.relation: group for group in feedback_summary(participant, item).groups}
    assert not during["peer"].visible
    assert "откроются после окончания сбора" in during["peer"].note
    assert during["subordinate"].note == TOO_FEW_ANSWERS
    with time_machine.travel(_after_deadline(item)):
        after = {group.relation: group for group in feedback_summary(participant, item).groups}
    assert after["peer"].visible
    assert set(after["peer"].averages.values()) == {3.0}
    assert not after["subordinate"].visible
    assert after["subordinate"].averages == {}
    assert after["subordinate"].note == TOO_FEW_ANSWERS
    assert (after["superior"].invited, after["superior"].answered) == (0, 0)


def test_the_participant_sees_who_answered_but_not_what(
    client, setup, django_capture_on_commit_callbacks
):
    participant, item = setup
    _answers_in_group(participant, item, "peer", [4, 4], django_capture_on_commit_callbacks)
    client.force_login(participant.candidate.user)
    url = reverse("assessment:feedback", args=[participant.pk, item.pk])
    page = client.get(url).content.decode()
    assert page.count("ответ получен") == 2
    assert TOO_FEW_ANSWERS in page
    assert "group-table" not in page
    _answers_in_group(
        participant, item, "subordinate", [2, 3, 4], django_capture_on_commit_callbacks
    )
    with time_machine.travel(_after_deadline(item)):
        client.force_login(participant.candidate.user)
        page = client.get(url).content.decode()
    assert "group-table" in page
    assert '<span class="average">3,0</span>' in page
    assert "Подчинённые</th>" in page
    assert "Коллеги</th>" not in page
    assert "Пригласить коллегу" not in page


def test_the_invitation_form_on_the_page(client, setup, django_capture_on_commit_callbacks):
    participant, item = setup
    client.force_login(participant.candidate.user)
    url = reverse("assessment:feedback", args=[participant.pk, item.pk])
    data = {"respondent_name": "Сидорова Анна", "respondent_email": "sid@example.org"}
    with django_capture_on_commit_callbacks(execute=True):
        reply = client.post(url, {**data, "relation": "subordinate"}, follow=True)
    assert "Приглашение отправлено: Сидорова Анна" in reply.content.decode()
    assert len(mail.outbox) == 1
    reply = client.post(url, {**data, "relation": "subordinate"})
    assert reply.status_code == 400
    assert "Этот коллега уже приглашён" in reply.content.decode()


def test_another_candidates_360_page_is_not_found(client, setup):
    participant, item = setup
    other, _ = setup_participant(K.FEEDBACK_360)
    client.force_login(other.candidate.user)
    url = reverse("assessment:feedback", args=[participant.pk, item.pk])
    assert client.get(url).status_code == 404
    reply = client.post(
        url, {"respondent_name": "А", "respondent_email": "a@example.org", "relation": "peer"}
    )
    assert reply.status_code == 404
    assert not FeedbackInvitation.objects.exists()


def test_anonymous_users_are_sent_to_login_except_on_the_colleague_form(client, setup):
    participant, item = setup
    reply = client.get(reverse("assessment:feedback", args=[participant.pk, item.pk]))
    assert reply.status_code == 302
    assert reply["Location"].startswith(reverse("accounts:login"))
    assert client.get(reverse("assessment:feedback_thanks")).status_code == 200

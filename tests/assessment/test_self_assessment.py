"""Self-assessment: drafts saved as you go (1–4 only), submitted once, then read-only."""

import datetime
import json

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from assessment.models import CampaignStatus, Response
from assessment.participation.services.self_assessment import response_save_draft, response_submit
from audit.models import AuditEvent
from tests.assessment.participant_helpers import K, all_ratings, setup_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    return setup_participant(K.SELF_ASSESSMENT)


def _save(participant, item, answers):
    return response_save_draft(
        participant=participant,
        campaign_instrument=item,
        answers=answers,
        actor=participant.candidate.user,
    )


def _some(item, count=2, value=2):
    return dict(list(all_ratings(item, value).items())[:count])


def test_a_draft_keeps_partial_answers(setup):
    participant, item = setup
    response = _save(participant, item, _some(item))
    assert response.submitted_at is None
    assert list(response.answers.values()) == [2, 2]
    # A later save replaces the draft with the page's current answers.
    _save(participant, item, _some(item, count=3, value=4))
    response.refresh_from_db()
    assert list(response.answers.values()) == [4, 4, 4]
    assert Response.objects.count() == 1


@pytest.mark.parametrize("value", [0, 5, "abc", True, 2.5, "3.0"])
def test_only_ratings_from_1_to_4_are_accepted(setup, value):
    participant, item = setup
    indicator_id = next(iter(all_ratings(item)))
    with pytest.raises(ValidationError, match="от 1 до 4"):
        _save(participant, item, {indicator_id: value})
    assert not Response.objects.exists()


def test_an_indicator_of_another_instrument_is_refused(setup):
    participant, item = setup
    with pytest.raises(ValidationError, match="нет в этой анкете"):
        _save(participant, item, {"999999": 3})


def test_submit_needs_every_indicator_and_keeps_the_draft(setup):
    participant, item = setup
    with pytest.raises(ValidationError, match="без ответа осталось"):
        response_submit(
            participant=participant,
            campaign_instrument=item,
            answers=_some(item, count=5),
            actor=participant.candidate.user,
        )
    response = Response.objects.get()
    assert response.submitted_at is None
    assert len(response.answers) == 5


def test_submitted_answers_are_read_only_and_a_second_submit_changes_nothing(setup):
    participant, item = setup
    user = participant.candidate.user
    response = response_submit(
        participant=participant, campaign_instrument=item, answers=all_ratings(item, 3), actor=user
    )
    submitted_at = response.submitted_at
    assert submitted_at is not None
    again = response_submit(
        participant=participant, campaign_instrument=item, answers=all_ratings(item, 1), actor=user
    )
    assert again.submitted_at == submitted_at
    assert set(again.answers.values()) == {3}
    with pytest.raises(ValidationError, match="уже отправлена"):
        _save(participant, item, _some(item))
    assert AuditEvent.objects.filter(action="assessment.self_assessment.submit").count() == 1


def test_drafts_are_refused_after_the_deadline(setup):
    participant, item = setup
    after = timezone.make_aware(
        datetime.datetime.combine(item.deadline + datetime.timedelta(days=1), datetime.time(0, 1))
    )
    with time_machine.travel(after), pytest.raises(ValidationError, match="Срок истёк"):
        _save(participant, item, _some(item))
    # The whole deadline day still counts.
    last_minute = after - datetime.timedelta(minutes=2)
    with time_machine.travel(last_minute):
        _save(participant, item, _some(item))


def test_drafts_are_refused_when_the_campaign_is_closed(setup):
    participant, item = setup
    item.campaign.status = CampaignStatus.CLOSED
    item.campaign.save()
    with pytest.raises(ValidationError, match="завершена"):
        _save(participant, item, _some(item))


# --- Through the pages -----------------------------------------------------------------------


def _urls(participant, item):
    return (
        reverse("assessment:self_assessment", args=[participant.pk, item.pk]),
        reverse("assessment:self_assessment_autosave", args=[participant.pk, item.pk]),
    )


def test_the_json_autosave_stores_the_draft_and_a_reload_shows_it(client, setup):
    participant, item = setup
    page_url, autosave_url = _urls(participant, item)
    client.force_login(participant.candidate.user)
    indicator_id, _ = next(iter(all_ratings(item).items()))
    reply = client.post(
        autosave_url, json.dumps({"answers": {indicator_id: 4}}), content_type="application/json"
    )
    assert reply.status_code == 200
    body = reply.json()
    assert body["answered"] == 1
    assert body["saved_at"] == timezone.localtime(Response.objects.get().saved_at).strftime("%H:%M")
    page = client.get(page_url).content.decode()
    assert f'id="i-{indicator_id}-4" value="4" autocomplete="off" checked' in page
    assert f"Черновик сохранён в {body['saved_at']}" in page


def test_the_json_autosave_explains_a_refusal(client, setup):
    participant, item = setup
    _, autosave_url = _urls(participant, item)
    client.force_login(participant.candidate.user)
    reply = client.post(
        autosave_url, json.dumps({"answers": {"999999": 3}}), content_type="application/json"
    )
    assert reply.status_code == 409
    assert "нет в этой анкете" in reply.json()["error"]
    reply = client.post(autosave_url, "not json", content_type="application/json")
    assert reply.status_code == 409
    assert "обновите страницу" in reply.json()["error"]


def test_the_draft_button_works_without_javascript(client, setup):
    participant, item = setup
    page_url, _ = _urls(participant, item)
    client.force_login(participant.candidate.user)
    indicator_id = next(iter(all_ratings(item)))
    reply = client.post(page_url, {f"i-{indicator_id}": "2", "action": "draft"}, follow=True)
    assert "Черновик сохранён в" in reply.content.decode()
    assert Response.objects.get().answers == {indicator_id: 2}


def test_submitting_makes_the_page_read_only(client, setup):
    participant, item = setup
    page_url, autosave_url = _urls(participant, item)
    client.force_login(participant.candidate.user)
    fields = {f"i-{pk}": str(value) for pk, value in all_ratings(item, 3).items()}
    reply = client.post(page_url, {**fields, "action": "submit", "confirmed": "yes"}, follow=True)
    page = reply.content.decode()
    assert "Самооценка отправлена" in page
    assert 'type="radio"' not in page
    assert 'Ваша оценка: <span class="given-rating">3 — Уверенный</span>' in page
    # The endpoint refuses further drafts, and posting the form again changes nothing.
    reply = client.post(autosave_url, json.dumps({"answers": {}}), content_type="application/json")
    assert reply.status_code == 409
    assert "уже отправлена" in reply.json()["error"]
    client.post(page_url, {**dict.fromkeys(fields, "1"), "action": "submit"})
    assert set(Response.objects.get().answers.values()) == {3}


def test_the_submission_is_confirmed_first_and_the_answers_are_kept_meanwhile(client, setup):
    participant, item = setup
    page_url, _ = _urls(participant, item)
    client.force_login(participant.candidate.user)
    fields = {f"i-{pk}": str(value) for pk, value in all_ratings(item, 2).items()}

    asked = client.post(page_url, {**fields, "action": "submit"})

    page = asked.content.decode()
    response = Response.objects.get()
    assert response.submitted_at is None
    assert set(response.answers.values()) == {2}  # kept as the draft while the person decides
    assert "Отправить самооценку?" in page
    assert "30 из 30" in page
    assert "После отправки изменить их будет нельзя" in page
    assert '<input type="hidden" name="action" value="submit">' in page
    assert f'href="{page_url}"' in page

    client.post(page_url, {**fields, "action": "submit", "confirmed": "yes"})

    assert Response.objects.get().submitted_at is not None


def test_a_submit_with_gaps_marks_the_unanswered(client, setup):
    participant, item = setup
    page_url, _ = _urls(participant, item)
    client.force_login(participant.candidate.user)
    indicator_id = next(iter(all_ratings(item)))
    reply = client.post(page_url, {f"i-{indicator_id}": "3", "action": "submit"}, follow=True)
    page = reply.content.decode()
    assert "без ответа осталось 29" in page
    assert page.count("indicator is-missing") == 29
    assert Response.objects.get().submitted_at is None


def test_the_level_descriptors_are_shown_next_to_the_scale(client, setup):
    participant, item = setup
    page_url, _ = _urls(participant, item)
    client.force_login(participant.candidate.user)
    page = client.get(page_url).content.decode()
    assert "Разрабатывает программу развития организации на основе анализа данных" in page
    assert page.count('class="scale-title">Эталонный</span>') == 30


def test_another_candidates_self_assessment_is_not_found(client, setup):
    participant, item = setup
    other, _ = setup_participant(K.SELF_ASSESSMENT)
    client.force_login(other.candidate.user)
    page_url, autosave_url = _urls(participant, item)
    assert client.get(page_url).status_code == 404
    reply = client.post(autosave_url, json.dumps({"answers": {}}), content_type="application/json")
    assert reply.status_code == 404
    assert not Response.objects.exists()


def test_staff_have_no_own_self_assessment_pages(client, setup, ministry_user):
    participant, item = setup
    client.force_login(ministry_user)
    assert client.get(_urls(participant, item)[0]).status_code == 404


def test_anonymous_users_are_sent_to_login(client, setup):
    participant, item = setup
    page_url, autosave_url = _urls(participant, item)
    for url in (page_url, autosave_url):
        reply = client.post(url) if url == autosave_url else client.get(url)
        assert reply.status_code == 302
        assert reply["Location"].startswith(reverse("accounts:login"))

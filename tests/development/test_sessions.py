"""Sessions: the mentor logs and corrects, the mentee confirms and rates or disputes, once."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import PersonalDataAccess
from development.mentoring.selectors import hours_of
from development.mentoring.services.sessions import session_answer, session_update
from development.models import MentoringSession, MentorshipStatus, SessionConfirmation
from governance.selectors import regulation_in_force
from tests.development.mentoring_factories import (
    competency,
    gap,
    make_mentor,
    make_pair,
    make_reservist,
    make_result,
    make_session,
)

MY_MENTEES = reverse("development:mentor_mentees")
MY_MENTOR = reverse("development:my_mentor")


def log_url(pair) -> str:
    return reverse("development:session_create", args=[pair.pk])


def answer_url(session) -> str:
    return reverse("development:session_answer", args=[session.pk])


def edit_url(session) -> str:
    return reverse("development:session_edit", args=[session.pk])


def day(days_ago: int) -> str:
    return (timezone.localdate() - datetime.timedelta(days=days_ago)).strftime("%d.%m.%Y")


def session_data(**fields) -> dict:
    return {
        "date": day(1),
        "duration_minutes": 90,
        "format": "online",
        "topics": "План закупок на год",
        "competencies": [competency("K05").pk],
        "agreed_actions": "Составить план-график",
    } | fields


@pytest.fixture
def pair():
    return make_pair(make_mentor(), make_reservist())


# --- Logging ---------------------------------------------------------------------------------


def test_the_mentor_logs_a_meeting_that_waits_for_the_mentee(client, pair):
    client.force_login(pair.mentor.user)
    response = client.post(log_url(pair), session_data())
    session = MentoringSession.objects.get()
    assert response["Location"] == reverse("development:pair_detail", args=[pair.pk])
    assert session.confirmation == SessionConfirmation.PENDING
    assert session.duration_minutes == 90
    assert list(session.competencies.values_list("code", flat=True)) == ["K05"]


def test_a_meeting_cannot_be_in_the_future_or_before_the_pair(client, pair):
    client.force_login(pair.mentor.user)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d.%m.%Y")
    future = client.post(log_url(pair), session_data(date=tomorrow))
    assert "не может быть в будущем" in future.content.decode()
    before = client.post(log_url(pair), session_data(date=day(400)))
    assert "встреча не может быть раньше" in before.content.decode()
    assert not MentoringSession.objects.exists()


@pytest.mark.parametrize("status", [MentorshipStatus.PROPOSED, MentorshipStatus.COMPLETED])
def test_meetings_are_logged_only_in_an_active_pair(client, status):
    pair = make_pair(make_mentor(), make_reservist(), status=status)
    client.force_login(pair.mentor.user)
    response = client.post(log_url(pair), session_data(), follow=True)
    assert "только в действующей паре" in response.content.decode()
    assert not MentoringSession.objects.exists()


def test_no_one_but_the_pairs_mentor_logs_a_meeting(client, pair, ministry_user):
    for user in (make_mentor().user, pair.mentee.user, ministry_user):
        client.force_login(user)
        assert client.post(log_url(pair), session_data()).status_code == 404
    assert not MentoringSession.objects.exists()


def test_the_mentor_corrects_a_meeting_only_while_it_is_pending(client, pair):
    pending = make_session(pair)
    answered = make_session(pair, confirmation=SessionConfirmation.CONFIRMED, usefulness=4)
    client.force_login(pair.mentor.user)
    client.post(edit_url(pending), session_data(topics="Исправленные темы"))
    pending.refresh_from_db()
    assert pending.topics == "Исправленные темы"
    response = client.post(edit_url(answered), session_data(topics="Задним числом"), follow=True)
    assert "исправить её нельзя" in response.content.decode()
    answered.refresh_from_db()
    assert answered.topics == "Бюджет школы и закупки"
    with pytest.raises(ValidationError):
        session_update(session=answered, actor=pair.mentor.user, topics="Снова")


# --- Answering -------------------------------------------------------------------------------


def test_the_mentee_confirms_and_rates_a_meeting_once(client, pair):
    session = make_session(pair)
    client.force_login(pair.mentee.user)
    assert client.get(answer_url(session)).status_code == 200
    response = client.post(answer_url(session), {"decision": "confirm", "usefulness": "5"})
    assert response["Location"] == MY_MENTOR
    session.refresh_from_db()
    assert (session.confirmation, session.usefulness) == (SessionConfirmation.CONFIRMED, 5)
    again = client.post(
        answer_url(session), {"decision": "dispute", "comment": "Передумал"}, follow=True
    )
    assert "уже ответили" in again.content.decode()
    session.refresh_from_db()
    assert session.confirmation == SessionConfirmation.CONFIRMED


def test_confirming_needs_a_rating_and_disputing_a_comment(client, pair):
    session = make_session(pair)
    client.force_login(pair.mentee.user)
    client.post(answer_url(session), {"decision": "confirm"})
    client.post(answer_url(session), {"decision": "dispute", "comment": "  "})
    session.refresh_from_db()
    assert session.confirmation == SessionConfirmation.PENDING
    with pytest.raises(ValidationError, match="без комментария"):
        session_answer(session=session, confirmed=False, usefulness=None, actor=pair.mentee.user)


def test_a_dispute_is_kept_with_its_comment_and_the_mentor_is_told(
    client, pair, django_capture_on_commit_callbacks
):
    session = make_session(pair)
    client.force_login(pair.mentee.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            answer_url(session), {"decision": "dispute", "comment": "Встреча была 30 минут"}
        )
    session.refresh_from_db()
    assert session.confirmation == SessionConfirmation.DISPUTED
    assert session.mentee_comment == "Встреча была 30 минут"
    assert [message.to for message in mail.outbox] == [[pair.mentor.user.email]]


def test_a_mentee_cannot_answer_someone_elses_meeting(client, pair):
    session = make_session(pair)
    stranger = make_reservist()
    for user in (stranger.candidate.user, pair.mentor.user):
        client.force_login(user)
        assert client.get(answer_url(session)).status_code == 404
        assert (
            client.post(answer_url(session), {"decision": "confirm", "usefulness": "5"}).status_code
            == 404
        )
    with pytest.raises(ValidationError):
        session_answer(session=session, confirmed=True, usefulness=5, actor=stranger.candidate.user)
    session.refresh_from_db()
    assert session.confirmation == SessionConfirmation.PENDING


# --- Hours and the pages ---------------------------------------------------------------------


def test_only_confirmed_meetings_count_towards_the_norm(pair):
    make_session(pair, minutes=90, confirmation=SessionConfirmation.CONFIRMED, usefulness=5)
    make_session(
        pair, minutes=60, confirmation=SessionConfirmation.CONFIRMED, usefulness=4, days_ago=400
    )
    make_session(pair, minutes=120)
    make_session(pair, minutes=45, confirmation=SessionConfirmation.DISPUTED)
    hours = hours_of([pair.pk], timezone.localdate())[pair.pk]
    assert (hours.year, hours.total) == (1.5, 2.5)
    assert hours.norm_hours == regulation_in_force().mentoring_hours_per_year == 36
    assert hours.percent_of_norm == 4


def test_a_mentor_sees_only_their_own_mentees(client, pair):
    make_result(pair.membership, scores={"K05": 20.0}, gaps=[gap("K05", 1, 3)])
    other = make_pair(make_mentor(), make_reservist())
    client.force_login(pair.mentor.user)
    response = client.get(MY_MENTEES)
    assert [item.pk for item in response.context["current"]] == [pair.pk]
    page = response.content.decode()
    assert pair.mentee.full_name in page
    assert other.mentee.full_name not in page
    assert "«Финансы, право и закупки»: уровень 1 при целевом 3" in page
    viewed = PersonalDataAccess.objects.filter(actor=pair.mentor.user)
    assert list(viewed.values_list("subject_id", flat=True)) == [str(pair.mentee_id)]
    assert client.get(reverse("development:pair_detail", args=[other.pk])).status_code == 404
    assert client.get(log_url(other)).status_code == 404


def test_the_mentee_sees_their_mentor_and_the_meetings_to_confirm(client, pair):
    waiting = make_session(pair)
    make_session(pair, confirmation=SessionConfirmation.CONFIRMED, usefulness=4)
    client.force_login(pair.mentee.user)
    response = client.get(MY_MENTOR)
    assert response.context["current"] == pair
    assert response.context["to_answer"] == [waiting]
    assert pair.mentor.user.email in response.content.decode()


@pytest.mark.parametrize("persona", ["ministry_user", "municipal_user", "expert_user"])
def test_the_pair_pages_are_for_mentors_and_reservists(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(MY_MENTEES).status_code == 404
    assert client.get(MY_MENTOR).status_code == 404


def test_a_reservist_without_a_mentor_is_told_so(client):
    client.force_login(make_reservist().candidate.user)
    assert "Наставник вам пока не назначен" in client.get(MY_MENTOR).content.decode()

"""The knowledge test: random draw per competency, server-side time limit, one attempt, scoring."""

import datetime
import random
import threading
from collections import Counter

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, transaction
from django.urls import reverse
from django.utils import timezone

from assessment.models import Choice, Question, QuestionKind, QuestionSection
from assessment.models import TestAttempt as Attempt
from assessment.models.participation import GRACE
from assessment.participation.services.testing import (
    TimeIsOver,
    attempt_close_expired,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
    attempt_void,
    attempts_close_expired,
    draw_questions,
    score_answers,
)
from audit.models import AuditEvent
from tests.assessment.participant_helpers import (
    K,
    correct_answers,
    setup_participant,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    return setup_participant(K.KNOWLEDGE_TEST)


def _start(participant, item, **kwargs):
    return attempt_start(
        participant=participant,
        campaign_instrument=item,
        actor=participant.candidate.user,
        **kwargs,
    )


def _codes(question_ids):
    codes = dict(Question.objects.filter(id__in=question_ids).values_list("id", "competency__code"))
    return Counter(codes[pk] for pk in question_ids)


# --- The draw --------------------------------------------------------------------------------


def test_the_draw_takes_the_set_number_per_measured_competency(setup):
    _, item = setup
    item.instrument.questions_per_competency = 3
    item.instrument.save()
    drawn = draw_questions(item, random.Random(1))
    counts = _codes(drawn)
    assert len(counts) == 10
    assert set(counts.values()) == {3}
    assert len(set(drawn)) == len(drawn) == 30


def test_the_draw_is_random_in_choice_and_order(setup):
    _, item = setup
    draws = [tuple(draw_questions(item, random.Random(seed))) for seed in range(6)]
    assert len({frozenset(draw) for draw in draws}) > 1
    assert len(set(draws)) == 6
    for draw in draws:
        assert set(_codes(draw).values()) == {2}


def test_a_competency_short_of_questions_gives_what_it_has(setup):
    _, item = setup
    Question.objects.filter(instrument=item.instrument, competency__code="K04").exclude(
        pk=Question.objects.filter(competency__code="K04").order_by("pk").values("pk")[:1]
    ).update(is_active=False)
    counts = _codes(draw_questions(item, random.Random(3)))
    assert counts["K04"] == 1
    assert counts["K01"] == 2


def test_inactive_questions_are_never_drawn(setup):
    _, item = setup
    inactive = set(Question.objects.filter(competency__code="K07").values_list("pk", flat=True)[:3])
    Question.objects.filter(pk__in=inactive).update(is_active=False)
    for seed in range(10):
        assert not inactive & set(draw_questions(item, random.Random(seed)))


# --- Start, deadline, one attempt ------------------------------------------------------------


def test_the_deadline_is_the_start_plus_the_time_limit(setup):
    participant, item = setup
    moment = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(10)))
    with time_machine.travel(moment, tick=False):
        attempt = _start(participant, item)
    assert attempt.started_at == moment
    assert attempt.deadline_at == moment + datetime.timedelta(minutes=40)
    # Two per competency from the common part and four of the school section (a director).
    assert len(attempt.question_ids) == 24


def test_the_campaign_deadline_caps_the_time_limit(setup):
    participant, item = setup
    late_evening = timezone.make_aware(
        datetime.datetime.combine(item.deadline, datetime.time(23, 50))
    )
    with time_machine.travel(late_evening, tick=False):
        attempt = _start(participant, item)
    end_of_day = timezone.make_aware(
        datetime.datetime.combine(item.deadline + datetime.timedelta(days=1), datetime.time.min)
    )
    assert attempt.deadline_at == end_of_day


def test_one_attempt_a_second_start_returns_the_same(setup):
    participant, item = setup
    first = _start(participant, item)
    assert _start(participant, item) == first
    assert Attempt.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            participant=participant,
            campaign_instrument=item,
            started_at=timezone.now(),
            deadline_at=timezone.now(),
        )


def test_a_voided_attempt_allows_a_new_one_and_needs_a_reason(setup, ministry_user):
    participant, item = setup
    first = _start(participant, item)
    with pytest.raises(ValidationError, match="причину"):
        attempt_void(attempt=first, actor=ministry_user, reason="  ")
    attempt_void(attempt=first, actor=ministry_user, reason="Сбой связи в аудитории")
    first.refresh_from_db()
    assert (first.is_void, first.voided_by, first.void_reason) == (
        True,
        ministry_user,
        "Сбой связи в аудитории",
    )
    second = _start(participant, item)
    assert second.pk != first.pk
    assert AuditEvent.objects.filter(action="assessment.test.void").count() == 1
    with pytest.raises(ValidationError, match="аннулирована"):
        attempt_save_answers(attempt=first, answers={}, actor=participant.candidate.user)


def test_no_start_after_the_deadline(setup):
    participant, item = setup
    after = timezone.make_aware(
        datetime.datetime.combine(item.deadline + datetime.timedelta(days=1), datetime.time(9))
    )
    with time_machine.travel(after), pytest.raises(ValidationError, match="Срок истёк"):
        _start(participant, item)


# --- Answers and scoring ---------------------------------------------------------------------


def test_answers_are_checked_against_the_attempt(setup):
    participant, item = setup
    attempt = _start(participant, item)
    user = participant.candidate.user
    foreign = Question.objects.exclude(pk__in=attempt.question_ids).first()
    with pytest.raises(ValidationError, match="нет в вашей попытке"):
        attempt_save_answers(attempt=attempt, answers={str(foreign.pk): []}, actor=user)
    question = Question.objects.get(pk=attempt.question_ids[0])
    stranger = Choice.objects.exclude(question=question).first()
    with pytest.raises(ValidationError, match="нет у вопроса"):
        attempt_save_answers(attempt=attempt, answers={str(question.pk): [stranger.pk]}, actor=user)
    single = Question.objects.filter(pk__in=attempt.question_ids, kind=QuestionKind.SINGLE).first()
    two = list(single.choices.values_list("pk", flat=True)[:2])
    with pytest.raises(ValidationError, match="один вариант"):
        attempt_save_answers(attempt=attempt, answers={str(single.pk): two}, actor=user)


def test_a_multiple_choice_counts_only_with_all_correct_and_no_wrong():
    question = Question.objects.filter(kind=QuestionKind.MULTIPLE, competency__code="K08").first()
    right = list(question.choices.filter(is_correct=True).values_list("pk", flat=True))
    wrong = question.choices.filter(is_correct=False).values_list("pk", flat=True).first()
    assert len(right) >= 2
    ids = [question.pk]
    assert score_answers(ids, {str(question.pk): right}) == {"K08": [1, 1]}
    assert score_answers(ids, {str(question.pk): right[:1]}) == {"K08": [0, 1]}
    assert score_answers(ids, {str(question.pk): [*right, wrong]}) == {"K08": [0, 1]}
    assert score_answers(ids, {}) == {"K08": [0, 1]}


def test_submit_scores_by_competency(setup):
    participant, item = setup
    attempt = _start(participant, item)
    answers = correct_answers(attempt.question_ids)
    half = attempt.question_ids[:10]
    answers.update(wrong_answers(half))
    attempt = attempt_submit(attempt=attempt, answers=answers, actor=participant.candidate.user)
    total_correct = sum(pair[0] for pair in attempt.score_by_competency.values())
    total_asked = sum(pair[1] for pair in attempt.score_by_competency.values())
    assert (total_correct, total_asked) == (14, 24)
    # Each competency has its two common questions; the school section's four add to theirs.
    assert all(pair[1] >= 2 for pair in attempt.score_by_competency.values())
    assert len(attempt.score_by_competency) == 10


# --- The time limit is the server's ----------------------------------------------------------


def test_answers_within_the_grace_count_and_later_ones_are_refused(setup):
    participant, item = setup
    user = participant.candidate.user
    attempt = _start(participant, item)
    first, second = attempt.question_ids[:2]
    with time_machine.travel(attempt.deadline_at + GRACE - datetime.timedelta(seconds=5)):
        attempt_save_answers(attempt=attempt, answers=correct_answers([first]), actor=user)
    with (
        time_machine.travel(attempt.deadline_at + GRACE + datetime.timedelta(seconds=1)),
        pytest.raises(ValidationError, match="Время теста истекло"),
    ):
        attempt_save_answers(attempt=attempt, answers=correct_answers([second]), actor=user)
    attempt.refresh_from_db()
    assert set(attempt.answers) == {str(first)}


def test_a_late_submit_is_refused_and_the_saved_answers_are_scored(setup):
    participant, item = setup
    user = participant.candidate.user
    attempt = _start(participant, item)
    first = attempt.question_ids[0]
    attempt_save_answers(attempt=attempt, answers=correct_answers([first]), actor=user)
    with (
        time_machine.travel(attempt.deadline_at + datetime.timedelta(minutes=5)),
        pytest.raises(TimeIsOver, match="тест оценён по ответам, сохранённым"),
    ):
        attempt_submit(attempt=attempt, answers=correct_answers(attempt.question_ids), actor=user)
    attempt.refresh_from_db()
    assert set(attempt.answers) == {str(first)}
    assert attempt.submitted_at == attempt.deadline_at
    assert sum(pair[0] for pair in attempt.score_by_competency.values()) == 1
    event = AuditEvent.objects.get(action="assessment.test.submit")
    assert event.changes["отправлена после окончания времени"] == [None, True]


def test_an_abandoned_attempt_is_closed_with_what_was_saved(setup):
    participant, item = setup
    attempt = _start(participant, item)
    attempt_save_answers(
        attempt=attempt,
        answers=correct_answers(attempt.question_ids[:3]),
        actor=participant.candidate.user,
    )
    assert attempt_close_expired(attempt=attempt).submitted_at is None
    with time_machine.travel(attempt.deadline_at + datetime.timedelta(hours=1)):
        assert attempts_close_expired(campaign=item.campaign) == 1
    attempt.refresh_from_db()
    assert attempt.submitted_at == attempt.deadline_at
    assert sum(pair[0] for pair in attempt.score_by_competency.values()) == 3


# --- Through the pages -----------------------------------------------------------------------


def _url(name, participant, item):
    return reverse(f"assessment:{name}", args=[participant.pk, item.pk])


def test_the_candidate_takes_the_test_in_the_browser_forms(client, setup):
    participant, item = setup
    client.force_login(participant.candidate.user)
    page = client.get(_url("test", participant, item)).content.decode()
    assert "Начать тест" in page
    assert "Вопросов: 20" in page
    client.post(_url("test_start", participant, item))
    attempt = Attempt.objects.get()
    page = client.get(_url("test", participant, item)).content.decode()
    assert 'data-remaining-seconds="23' in page  # 40 minutes = 2400 s, minus a moment
    assert page.count('class="card mb-3 question-card"') == 24
    answers = correct_answers(attempt.question_ids)
    first = attempt.question_ids[0]
    reply = client.post(
        _url("test_save", participant, item),
        {"answers": {str(first): answers[str(first)]}},
        content_type="application/json",
    )
    assert reply.status_code == 200
    assert reply.json()["answered"] == 1
    page = client.get(_url("test", participant, item)).content.decode()
    assert f'value="{answers[str(first)][0]}" id="c-{answers[str(first)][0]}" checked' in page
    form = {f"q-{pk}": choices for pk, choices in answers.items()}
    del form[f"q-{attempt.question_ids[-1]}"]
    asked = client.post(_url("test_submit", participant, item), form).content.decode()
    assert "Завершить тест?" in asked
    assert "на 23 из 24" in asked
    assert "Вопросов без ответа: 1. Такие вопросы засчитываются как неверные." in asked
    assert Attempt.objects.get().submitted_at is None
    saved = Attempt.objects.get().answers
    assert sum(1 for choices in saved.values() if choices) == 23  # saved while one decides
    last = attempt.question_ids[-1]
    form[f"q-{last}"] = answers[str(last)]
    form["confirmed"] = "yes"
    reply = client.post(_url("test_submit", participant, item), form, follow=True)
    page = reply.content.decode()
    assert "Тест завершён" in page
    assert "Верных ответов: <strong>24 из 24</strong>" in page


def _short(item):
    # A short limit keeps the jump past the deadline inside the session's idle timeout.
    item.instrument.time_limit_minutes = 5
    item.instrument.save()


def test_a_late_submit_through_the_page_is_refused(client, setup):
    participant, item = setup
    _short(item)
    client.force_login(participant.candidate.user)
    client.post(_url("test_start", participant, item))
    attempt = Attempt.objects.get()
    form = {f"q-{pk}": c for pk, c in correct_answers(attempt.question_ids).items()}
    with time_machine.travel(attempt.deadline_at + datetime.timedelta(minutes=1)):
        reply = client.post(_url("test_submit", participant, item), form, follow=True)
    page = reply.content.decode()
    assert "Ответы, отправленные позже, не приняты" in page
    assert "Верных ответов: <strong>0 из 24</strong>" in page
    with time_machine.travel(attempt.deadline_at + datetime.timedelta(minutes=1)):
        reply = client.post(
            _url("test_save", participant, item), {"answers": {}}, content_type="application/json"
        )
    assert reply.status_code == 409


def test_opening_an_expired_attempt_closes_it(client, setup):
    participant, item = setup
    _short(item)
    client.force_login(participant.candidate.user)
    client.post(_url("test_start", participant, item))
    attempt = Attempt.objects.get()
    with time_machine.travel(attempt.deadline_at + datetime.timedelta(minutes=1)):
        page = client.get(_url("test", participant, item)).content.decode()
    assert "Время теста истекло" in page
    assert Attempt.objects.get().submitted_at == attempt.deadline_at


def test_another_candidates_attempt_is_not_found(client, setup):
    participant, item = setup
    _start(participant, item)
    other, _ = setup_participant(K.KNOWLEDGE_TEST)
    client.force_login(other.candidate.user)
    for name in ("test", "test_start", "test_save", "test_submit"):
        url = _url(name, participant, item)
        reply = client.get(url) if name == "test" else client.post(url)
        assert reply.status_code == 404, name
    assert Attempt.objects.count() == 1


def test_anonymous_users_are_sent_to_login(client, setup):
    participant, item = setup
    reply = client.get(_url("test", participant, item))
    assert reply.status_code == 302
    assert reply["Location"].startswith(reverse("accounts:login"))


def test_the_save_button_works_without_javascript(client, setup):
    participant, item = setup
    client.force_login(participant.candidate.user)
    client.post(_url("test_start", participant, item))
    attempt = Attempt.objects.get()
    first, second = attempt.question_ids[:2]
    answers = correct_answers([first])
    reply = client.post(
        _url("test_save", participant, item),
        {f"q-{first}": answers[str(first)], f"q-{second}": []},
        follow=True,
    )
    assert "Ответы сохранены в" in reply.content.decode()
    attempt.refresh_from_db()
    assert attempt.answers[str(first)] == sorted(answers[str(first)])
    assert attempt.answers[str(second)] == []
    assert attempt.submitted_at is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_starts_make_one_attempt():
    participant, item = setup_participant(K.KNOWLEDGE_TEST)
    started: list[int] = []
    barrier = threading.Barrier(2)

    def start():
        try:
            barrier.wait()
            started.append(_start(participant, item).pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert len(started) == 2
    assert len(set(started)) == 1
    assert Attempt.objects.count() == 1


# --- The draw by the kind of organization of the target post ----------------------------------


def _sections(question_ids) -> Counter:
    return Counter(Question.objects.filter(id__in=question_ids).values_list("section", flat=True))


@pytest.mark.parametrize(
    ("post", "section"),
    [
        ("director-general", QuestionSection.GENERAL),
        ("deputy-preschool", QuestionSection.PRESCHOOL),
        ("director-vocational", QuestionSection.VOCATIONAL),
        ("deputy-additional", QuestionSection.ADDITIONAL),
        ("head-municipal-authority", QuestionSection.MUNICIPAL),
    ],
)
def test_the_draw_takes_the_common_part_and_the_section_of_the_post(post, section):
    participant, item = setup_participant(K.KNOWLEDGE_TEST, position_code=post)

    for seed in range(5):
        attempt_void_all(participant, item)
        attempt = _start(participant, item, rng=random.Random(seed))
        sections = _sections(attempt.question_ids)
        assert sections == {QuestionSection.COMMON: 20, section: 4}
        assert set(_codes(attempt.question_ids)) == {f"K{n:02d}" for n in range(1, 11)}


def attempt_void_all(participant, item) -> None:
    Attempt.objects.filter(participant=participant, campaign_instrument=item).update(is_void=True)


def test_every_active_question_of_the_bank_names_its_source(setup):
    _, item = setup
    questions = Question.objects.filter(instrument=item.instrument, is_active=True)

    assert questions.count() >= 80
    assert not questions.filter(source="").exists()
    for section in QuestionSection.values:
        # Enough questions in each section for the draw to vary.
        assert questions.filter(section=section).count() > item.instrument.kind_questions


def test_the_disputed_questions_are_asked_as_the_models_and_acts_they_name_say(setup):
    _, item = setup
    active = Question.objects.filter(instrument=item.instrument, is_active=True)

    leadership = active.get(text__contains="Херси и К. Бланшара")
    assert list(leadership.choices.filter(is_correct=True).values_list("text", flat=True)) == [
        "Убеждающий: указания с объяснением их причин и поддержка инициативы"
    ]
    bodies = active.get(text__contains="коллегиальные органы управления часть 4 статьи 26")
    assert "Наблюдательный совет" not in {c.text for c in bodies.choices.all()}
    assert "каким бы ни был её тип" in bodies.text
    health = active.get(text__contains="охрана здоровья обучающихся")
    assert "части 1 статьи 41" in health.text
    programmes = active.get(text__contains="Федеральные рабочие программы")
    assert "от 24.09.2022 № 371-ФЗ" in programmes.text
    assert programmes.section == QuestionSection.GENERAL
    # The old wording is retired, not rewritten: past attempts keep what they were asked.
    assert Question.objects.filter(instrument=item.instrument, is_active=False).count() == 4

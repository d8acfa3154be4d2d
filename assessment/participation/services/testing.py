"""The knowledge test: a random draw per attempt, a deadline kept by the server, auto-scoring."""

import datetime
import random
from collections import defaultdict
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from assessment.models import (
    Campaign,
    CampaignInstrument,
    Choice,
    InstrumentKind,
    Participant,
    Question,
    QuestionKind,
    QuestionSection,
    TestAttempt,
)
from assessment.models.participation import GRACE
from assessment.participation.services.window import ensure_open
from audit.services import audit_record


class TimeIsOver(ValidationError):
    """The time ran out: the answers sent now were refused, the saved ones were scored."""


def _time_over_message(attempt: TestAttempt) -> str:
    deadline = timezone.localtime(attempt.deadline_at)
    return (
        f"Время теста истекло в {deadline:%H:%M}. Ответы, отправленные позже, не приняты; "
        "тест оценён по ответам, сохранённым до окончания времени."
    )


def draw_questions(
    campaign_instrument: CampaignInstrument,
    rng: random.Random | None = None,
    *,
    section: str = QuestionSection.COMMON,
) -> list[int]:
    """Return question ids, in random order: the common part and the participant's own section.

    The common part is a random sample per measured competency from the common section; then
    `kind_questions` are drawn from the section of the participant's kind of organization (a
    kindergarten, a school, a college, an organization of ДО, a municipal authority).
    """
    instrument = campaign_instrument.instrument
    rng = rng or random.SystemRandom()
    common: dict[int, list[int]] = defaultdict(list)
    own: list[int] = []
    for question_id, competency_id, question_section in Question.objects.filter(
        instrument=instrument, is_active=True
    ).values_list("id", "competency_id", "section"):
        if question_section == QuestionSection.COMMON:
            common[competency_id].append(question_id)
        elif question_section == section:
            own.append(question_id)
    drawn: list[int] = []
    for competency_id in instrument.competencies.values_list("id", flat=True):
        available = sorted(common[competency_id])
        # A competency with fewer questions than the draw asks for gives all it has.
        drawn += rng.sample(available, min(instrument.questions_per_competency, len(available)))
    if section != QuestionSection.COMMON:
        own.sort()
        drawn += rng.sample(own, min(instrument.kind_questions, len(own)))
    rng.shuffle(drawn)
    return drawn


def attempt_start(
    *,
    participant: Participant,
    campaign_instrument: CampaignInstrument,
    actor,
    request: HttpRequest | None = None,
    rng: random.Random | None = None,
) -> TestAttempt:
    """Start the participant's one attempt, or return the live one (a second click is harmless)."""
    ensure_open(
        participant=participant,
        campaign_instrument=campaign_instrument,
        kind=InstrumentKind.KNOWLEDGE_TEST,
    )
    with transaction.atomic():
        Participant.objects.select_for_update().filter(pk=participant.pk).first()
        live = TestAttempt.objects.filter(
            participant=participant, campaign_instrument=campaign_instrument, is_void=False
        ).first()
        if live is not None:
            return live
        section = QuestionSection.of_position_kind(participant.position_kind)
        question_ids = draw_questions(campaign_instrument, rng, section=section)
        if not question_ids:
            raise ValidationError("В банке вопросов этого теста пока нет вопросов.")
        now = timezone.now()
        limit = datetime.timedelta(minutes=campaign_instrument.instrument.time_limit_minutes)
        attempt = TestAttempt.objects.create(
            participant=participant,
            campaign_instrument=campaign_instrument,
            question_ids=question_ids,
            started_at=now,
            # The campaign's deadline caps the time limit: no test runs past its last day.
            deadline_at=min(now + limit, campaign_instrument.deadline_end),
        )
        audit_record(
            actor=actor,
            action="assessment.test.start",
            obj=attempt,
            changes={"вопросов": (None, len(question_ids)), "до": (None, attempt.deadline_at)},
            request=request,
        )
    return attempt


def clean_test_answers(attempt: TestAttempt, answers: Mapping) -> dict[str, list[int]]:
    """Return {question id: [choice ids]} checked against the attempt's questions and choices."""
    if not isinstance(answers, Mapping):
        raise ValidationError("Ответы переданы в неверном виде.")
    asked = {int(question_id) for question_id in attempt.question_ids}
    try:
        selected = {
            int(key): [int(value)] if isinstance(value, int | str) else [int(v) for v in value]
            for key, value in answers.items()
        }
    except (TypeError, ValueError):
        raise ValidationError("Ответы переданы в неверном виде.") from None
    if not set(selected) <= asked:
        raise ValidationError("Среди ответов есть вопрос, которого нет в вашей попытке.")
    choices_of: dict[int, set[int]] = defaultdict(set)
    for choice_id, question_id in Choice.objects.filter(
        question_id__in=selected.keys()
    ).values_list("id", "question_id"):
        choices_of[question_id].add(choice_id)
    kinds = dict(Question.objects.filter(id__in=selected.keys()).values_list("id", "kind"))
    cleaned: dict[str, list[int]] = {}
    for question_id, choice_ids in selected.items():
        unique = sorted(set(choice_ids))
        if not set(unique) <= choices_of[question_id]:
            raise ValidationError("Среди ответов есть вариант, которого нет у вопроса.")
        if kinds.get(question_id) == QuestionKind.SINGLE and len(unique) > 1:
            raise ValidationError("В вопросе с одним верным ответом можно выбрать один вариант.")
        cleaned[str(question_id)] = unique
    return cleaned


def score_answers(question_ids: list[int], answers: Mapping) -> dict[str, list[int]]:
    """Return {competency code: [correct, asked]}; a question counts when exactly its correct
    choices are selected — every correct one and no wrong one."""
    codes = dict(Question.objects.filter(id__in=question_ids).values_list("id", "competency__code"))
    correct: dict[int, set[int]] = defaultdict(set)
    for choice_id, question_id in Choice.objects.filter(
        question_id__in=question_ids, is_correct=True
    ).values_list("id", "question_id"):
        correct[question_id].add(choice_id)
    scores: dict[str, list[int]] = {}
    for question_id in question_ids:
        code = codes.get(int(question_id))
        if code is None:
            continue  # a question deleted from the bank since the draw
        tally = scores.setdefault(code, [0, 0])
        tally[1] += 1
        selected = set(answers.get(str(question_id), []))
        if selected and selected == correct[int(question_id)]:
            tally[0] += 1
    return scores


def _locked(attempt: TestAttempt) -> TestAttempt:
    return TestAttempt.objects.select_for_update().get(pk=attempt.pk)


def _close(attempt: TestAttempt, *, at: datetime.datetime) -> None:
    attempt.submitted_at = at
    attempt.score_by_competency = score_answers(attempt.question_ids, attempt.answers)
    attempt.save(update_fields=["answers", "submitted_at", "score_by_competency"])


def attempt_save_answers(*, attempt: TestAttempt, answers: Mapping, actor) -> TestAttempt:
    """Save answers to some questions of a running attempt; refuse once the time is over."""
    with transaction.atomic():
        locked = _locked(attempt)
        if locked.is_void:
            raise ValidationError("Эта попытка аннулирована.")
        if locked.submitted_at is not None:
            raise ValidationError("Тест уже завершён: ответы больше не принимаются.")
        if locked.is_time_over():
            raise ValidationError("Время теста истекло: ответы больше не принимаются.")
        locked.answers = {**locked.answers, **clean_test_answers(locked, answers)}
        locked.save(update_fields=["answers"])
    return locked


def attempt_submit(
    *,
    attempt: TestAttempt,
    answers: Mapping | None = None,
    actor,
    request: HttpRequest | None = None,
) -> TestAttempt:
    """Finish the attempt and score it; after the deadline refuse the new answers (TimeIsOver)
    and score what was saved in time. A second submit changes nothing."""
    late = False
    with transaction.atomic():
        locked = _locked(attempt)
        if locked.is_void:
            raise ValidationError("Эта попытка аннулирована.")
        if locked.submitted_at is not None:
            return locked
        now = timezone.now()
        late = locked.is_time_over(now)
        if not late and answers is not None:
            locked.answers = {**locked.answers, **clean_test_answers(locked, answers)}
        _close(locked, at=locked.deadline_at if late else now)
        audit_record(
            actor=actor,
            action="assessment.test.submit",
            obj=locked,
            changes={
                "завершена": (None, locked.submitted_at),
                "отправлена после окончания времени": (None, late),
            },
            request=request,
        )
    if late:
        raise TimeIsOver(_time_over_message(locked))
    return locked


def attempt_close_expired(*, attempt: TestAttempt) -> TestAttempt:
    """Close an attempt whose time ran out unsubmitted, scoring the answers saved in time."""
    if attempt.submitted_at is not None or attempt.is_void or not attempt.is_time_over():
        return attempt
    with transaction.atomic():
        locked = _locked(attempt)
        if locked.submitted_at is not None or locked.is_void:
            return locked
        _close(locked, at=locked.deadline_at)
        audit_record(
            actor=None,
            action="assessment.test.close_expired",
            obj=locked,
            changes={"завершена по времени": (None, locked.submitted_at)},
        )
    return locked


def attempts_close_expired(*, campaign: Campaign) -> int:
    """Close every expired unsubmitted attempt of the campaign; return how many were closed."""
    expired = TestAttempt.objects.filter(
        campaign_instrument__campaign=campaign,
        submitted_at__isnull=True,
        is_void=False,
        deadline_at__lt=timezone.now() - GRACE,
    )
    closed = 0
    for attempt in expired:
        attempt_close_expired(attempt=attempt)
        closed += 1
    return closed


def attempt_void(
    *, attempt: TestAttempt, actor, reason: str, request: HttpRequest | None = None
) -> TestAttempt:
    """Void the attempt (staff reset) so that the participant may take the test again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Укажите причину аннулирования попытки.")
    with transaction.atomic():
        locked = _locked(attempt)
        if locked.is_void:
            return locked
        locked.is_void = True
        locked.voided_by = actor
        locked.void_reason = reason
        locked.save(update_fields=["is_void", "voided_by", "void_reason"])
        audit_record(
            actor=actor,
            action="assessment.test.void",
            obj=locked,
            changes={"аннулирована": (False, True), "причина": ("", reason)},
            request=request,
        )
    return locked

"""The participant's knowledge test: the rules, the running attempt, the outcome."""

import random

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from assessment.models import (
    CampaignInstrument,
    InstrumentKind,
    Participant,
    Question,
    TestAttempt,
)
from assessment.participation.forms import test_answers_from_post
from assessment.participation.services.testing import (
    TimeIsOver,
    attempt_close_expired,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
)
from assessment.participation.views.common import hh_mm, json_body, own_item
from core.views import Confirmation, confirmation_page, is_confirmed

KINDS = (InstrumentKind.KNOWLEDGE_TEST,)


def _live_attempt(participant: Participant, item: CampaignInstrument) -> TestAttempt | None:
    return TestAttempt.objects.filter(
        participant=participant, campaign_instrument=item, is_void=False
    ).first()


def _attempt_or_404(participant: Participant, item: CampaignInstrument) -> TestAttempt:
    attempt = _live_attempt(participant, item)
    if attempt is None:
        raise Http404
    return attempt


def _questions(attempt: TestAttempt) -> list[Question]:
    """Return the attempt's questions in drawn order, each with its choices in a fixed shuffle."""
    by_id = {
        question.pk: question
        for question in Question.objects.filter(id__in=attempt.question_ids).prefetch_related(
            "choices"
        )
    }
    selected = {int(key): {int(v) for v in value} for key, value in attempt.answers.items()}
    questions = []
    for question_id in attempt.question_ids:
        question = by_id.get(int(question_id))
        if question is None:
            continue
        choices = list(question.choices.all())
        # The same order on every reload of this attempt; it only mixes where the right answer
        # sits, so a predictable generator is enough.
        random.Random(f"{attempt.pk}:{question.pk}").shuffle(choices)  # noqa: S311
        question.shuffled_choices = choices
        question.selected = selected.get(question.pk, set())
        questions.append(question)
    return questions


@login_required
def test_page(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Show the test: the rules before the start, the running attempt, or its outcome."""
    participant, item = own_item(request, participant_pk, item_pk, KINDS)
    attempt = _live_attempt(participant, item)
    if attempt is not None and attempt.submitted_at is None:
        attempt = attempt_close_expired(attempt=attempt)
        if attempt.submitted_at is not None:
            messages.warning(
                request,
                "Время теста истекло. Тест завершён и оценён по ответам, сохранённым "
                "до окончания времени.",
            )
    instrument = item.instrument
    context = {
        "participant": participant,
        "item": item,
        "instrument": instrument,
        "attempt": attempt,
        "can_start": attempt is None and item.is_open(),
        "question_count": instrument.questions_per_competency * instrument.competencies.count(),
    }
    if attempt is not None and attempt.submitted_at is None:
        remaining = max(0, int((attempt.deadline_at - timezone.now()).total_seconds()))
        context |= {
            "questions": _questions(attempt),
            "remaining_seconds": remaining,
            "remaining_display": f"{remaining // 60}:{remaining % 60:02d}",
            "deadline_at": timezone.localtime(attempt.deadline_at),
        }
    elif attempt is not None:
        correct = sum(pair[0] for pair in attempt.score_by_competency.values())
        asked = sum(pair[1] for pair in attempt.score_by_competency.values())
        context |= {"correct": correct, "asked": asked}
    return render(request, "assessment/participant/test.html", context)


@login_required
@require_POST
def test_start(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Start the participant's attempt; the clock runs on the server from now."""
    participant, item = own_item(request, participant_pk, item_pk, KINDS)
    try:
        attempt_start(
            participant=participant, campaign_instrument=item, actor=request.user, request=request
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("assessment:test", participant.pk, item.pk)


@login_required
@require_POST
def test_save(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Save answers as the participant goes: JSON from the script, or the form without it."""
    participant, item = own_item(request, participant_pk, item_pk, KINDS)
    attempt = _attempt_or_404(participant, item)
    from_script = request.content_type == "application/json"
    try:
        if from_script:
            answers = json_body(request).get("answers", {})
        else:
            answers = test_answers_from_post(request.POST, attempt.question_ids)
        attempt = attempt_save_answers(attempt=attempt, answers=answers, actor=request.user)
    except ValidationError as error:
        if from_script:
            return JsonResponse({"error": " ".join(error.messages)}, status=409)
        messages.error(request, " ".join(error.messages))
        return redirect("assessment:test", participant.pk, item.pk)
    answered = sum(1 for choices in attempt.answers.values() if choices)
    if from_script:
        return JsonResponse({"saved_at": hh_mm(timezone.now()), "answered": answered})
    messages.success(request, f"Ответы сохранены в {hh_mm(timezone.now())}.")
    return redirect("assessment:test", participant.pk, item.pk)


def _submit_confirmation(
    participant: Participant, item: CampaignInstrument, attempt: TestAttempt
) -> Confirmation:
    asked = len(attempt.question_ids)
    answered = sum(1 for choices in attempt.answers.values() if choices)
    deadline = hh_mm(attempt.deadline_at)
    consequences = [
        f"Ответы сохранены. Время теста идёт до {deadline}: до тех пор можно вернуться к нему."
    ]
    if answered < asked:
        consequences.append(
            f"Вопросов без ответа: {asked - answered}. Такие вопросы засчитываются как неверные."
        )
    consequences.append("После завершения изменить ответы нельзя; тест оценивается сразу.")
    return Confirmation(
        title="Завершить тест?",
        details=[
            ("Тест", item.instrument.name),
            ("Дан ответ", f"на {answered} из {asked}"),
        ],
        consequences=consequences,
        confirm_label="Да, завершить тест",
        cancel_url=reverse("assessment:test", args=[participant.pk, item.pk]),
        danger=False,
    )


@login_required
@require_POST
def test_submit(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Finish the attempt with the answers on the page; the server refuses them when late."""
    participant, item = own_item(request, participant_pk, item_pk, KINDS)
    attempt = _attempt_or_404(participant, item)
    if not is_confirmed(request):
        try:
            saved = attempt_save_answers(
                attempt=attempt,
                answers=test_answers_from_post(request.POST, attempt.question_ids),
                actor=request.user,
            )
        except ValidationError:
            pass  # finished or out of time: the submission below says which, and scores it
        else:
            return confirmation_page(request, _submit_confirmation(participant, item, saved))
    try:
        attempt_submit(
            attempt=attempt,
            answers=test_answers_from_post(request.POST, attempt.question_ids),
            actor=request.user,
            request=request,
        )
    except TimeIsOver as error:
        messages.warning(request, " ".join(error.messages))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Тест завершён. Спасибо!")
    return redirect("assessment:test", participant.pk, item.pk)

"""The participant's self-assessment: the form, its draft saved as they go, the submission."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from assessment.models import (
    CampaignInstrument,
    Indicator,
    InstrumentKind,
    Participant,
    Response,
)
from assessment.participation.forms import ratings_from_post
from assessment.participation.selectors import indicator_blocks
from assessment.participation.services.self_assessment import response_save_draft, response_submit
from assessment.participation.views.common import hh_mm, json_body, own_item
from core.views import Confirmation, confirmation_page, is_confirmed

SCALE = (1, 2, 3, 4)


def _self_assessment_context(
    participant: Participant, item: CampaignInstrument, *, show_missing: bool
) -> dict:
    response = Response.objects.filter(participant=participant, campaign_instrument=item).first()
    answers = response.answers if response is not None else {}
    blocks = indicator_blocks(item)
    for block in blocks:
        titles = {level.level: level.title for level in block.levels}
        for indicator in block.indicators:
            indicator.answer = answers.get(str(indicator.pk))
            indicator.answer_title = titles.get(indicator.answer, "")
    total = sum(len(block.indicators) for block in blocks)
    submitted = response is not None and response.submitted_at is not None
    return {
        "participant": participant,
        "item": item,
        "instrument": item.instrument,
        "response": response,
        "blocks": blocks,
        "answered": len(answers),
        "total": total,
        "scale": SCALE,
        "submitted": submitted,
        "editable": not submitted and item.is_open(),
        "show_missing": show_missing,
        "saved_at": hh_mm(response.saved_at) if response is not None else "",
    }


def _confirm_submission(
    request: HttpRequest, participant: Participant, item: CampaignInstrument, answers: dict
) -> HttpResponse:
    """Keep the answers as the draft, then ask before the submission that locks them."""
    url = reverse("assessment:self_assessment", args=[participant.pk, item.pk])
    try:
        response = response_save_draft(
            participant=participant,
            campaign_instrument=item,
            answers=answers,
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(url)
    total = Indicator.objects.filter(instrument_id=item.instrument_id).count()
    missing = total - len(response.answers)
    if missing:
        messages.error(
            request,
            f"Оцените все утверждения: без ответа осталось {missing}. "
            "Ответы сохранены как черновик.",
        )
        return redirect(f"{url}?missing=1")
    return confirmation_page(
        request,
        Confirmation(
            title="Отправить самооценку?",
            details=[
                ("Анкета", item.instrument.name),
                ("Оценено утверждений", f"{len(response.answers)} из {total}"),
            ],
            consequences=[
                f"Ответы сохранены как черновик в {hh_mm(response.saved_at)}.",
                "После отправки изменить их будет нельзя: самооценка войдёт в результат оценки "
                f"с весом {item.weight} %.",
            ],
            confirm_label="Да, отправить самооценку",
            cancel_url=url,
            danger=False,
        ),
    )


@login_required
def self_assessment(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Show the self-assessment form (read-only once submitted); save a draft or submit."""
    participant, item = own_item(
        request, participant_pk, item_pk, (InstrumentKind.SELF_ASSESSMENT,)
    )
    if request.method == "POST":
        answers = ratings_from_post(request.POST)
        submit = request.POST.get("action") == "submit"
        if submit and not is_confirmed(request):
            return _confirm_submission(request, participant, item, answers)
        service = response_submit if submit else response_save_draft
        try:
            response = service(
                participant=participant,
                campaign_instrument=item,
                answers=answers,
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            url = reverse("assessment:self_assessment", args=[participant.pk, item.pk])
            return redirect(f"{url}?missing=1" if submit else url)
        if submit:
            messages.success(request, "Самооценка отправлена. Спасибо!")
        else:
            messages.success(request, f"Черновик сохранён в {hh_mm(response.saved_at)}.")
        return redirect("assessment:self_assessment", participant.pk, item.pk)
    context = _self_assessment_context(
        participant, item, show_missing=request.GET.get("missing") == "1"
    )
    return render(request, "assessment/participant/self_assessment.html", context)


@login_required
@require_POST
def self_assessment_autosave(
    request: HttpRequest, participant_pk: int, item_pk: int
) -> JsonResponse:
    """Save the draft the page's script sends as JSON; answer with the time it was saved."""
    participant, item = own_item(
        request, participant_pk, item_pk, (InstrumentKind.SELF_ASSESSMENT,)
    )
    try:
        answers = json_body(request).get("answers", {})
        response = response_save_draft(
            participant=participant,
            campaign_instrument=item,
            answers=answers,
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=409)
    return JsonResponse({"saved_at": hh_mm(response.saved_at), "answered": len(response.answers)})

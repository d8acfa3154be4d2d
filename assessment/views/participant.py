"""Pages of the assessment stage: the participant's own work — «Моя оценка», self-assessment."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from assessment import access
from assessment.forms_participant import ratings_from_post
from assessment.models import (
    CampaignInstrument,
    ExpertAssignment,
    InstrumentKind,
    Participant,
    Response,
    RubricCriterion,
)
from assessment.models.experts import MIN_EXPERTS
from assessment.models.instruments import EXPERT_KINDS
from assessment.selectors_participant import indicator_blocks, participations_of
from assessment.services.self_assessment import response_save_draft, response_submit

SCALE = (1, 2, 3, 4)


def own_item(
    request: HttpRequest, participant_pk: int, item_pk: int, kinds: tuple[str, ...]
) -> tuple[Participant, CampaignInstrument]:
    """Return the user's own participation and its campaign instrument of the kinds, else 404."""
    participant = get_object_or_404(
        access.own_participations(request.user).select_related("campaign", "candidate"),
        pk=participant_pk,
    )
    item = get_object_or_404(
        CampaignInstrument.objects.select_related("instrument", "campaign"),
        pk=item_pk,
        campaign_id=participant.campaign_id,
        instrument__kind__in=kinds,
    )
    return participant, item


def json_body(request: HttpRequest) -> dict:
    """Return the JSON object posted by the page's script, or raise ValidationError."""
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise ValidationError("Запрос повреждён: обновите страницу.") from None
    if not isinstance(data, dict):
        raise ValidationError("Запрос повреждён: обновите страницу.")
    return data


def hh_mm(moment) -> str:
    """Return a moment as чч:мм in the portal's time zone."""
    return timezone.localtime(moment).strftime("%H:%M")


@login_required
def my_assessment(request: HttpRequest) -> HttpResponse:
    """List the user's campaigns with every assigned instrument, its deadline and status."""
    if not access.can_view_own_assessment(request.user):
        raise Http404
    participations = participations_of(access.own_participations(request.user))
    return render(
        request, "assessment/participant/my_assessment.html", {"participations": participations}
    )


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


@login_required
def self_assessment(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Show the self-assessment form (read-only once submitted); save a draft or submit."""
    participant, item = own_item(
        request, participant_pk, item_pk, (InstrumentKind.SELF_ASSESSMENT,)
    )
    if request.method == "POST":
        answers = ratings_from_post(request.POST)
        submit = request.POST.get("action") == "submit"
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


@login_required
def expert_task(request: HttpRequest, participant_pk: int, item_pk: int) -> HttpResponse:
    """Show an expert-rated instrument's task, what the experts assess, and its status."""
    participant, item = own_item(request, participant_pk, item_pk, tuple(EXPERT_KINDS))
    rated = ExpertAssignment.objects.filter(participant=participant, campaign_instrument=item)
    counts = rated.aggregate(
        assigned=Count("id"), submitted=Count("id", filter=Q(submitted_at__isnull=False))
    )
    criteria = RubricCriterion.objects.filter(instrument_id=item.instrument_id).select_related(
        "competency"
    )
    return render(
        request,
        "assessment/participant/expert_task.html",
        {
            "participant": participant,
            "item": item,
            "instrument": item.instrument,
            "criteria": criteria,
            "rated": counts["submitted"] >= MIN_EXPERTS,
            "assigned": counts["assigned"],
        },
    )

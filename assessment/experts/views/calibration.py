"""Calibration (ministry): the criteria where experts disagree beyond the threshold, and the
agreed scores recorded for them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from assessment import access
from assessment.experts import services as expert_services
from assessment.experts.forms import CalibrationForm
from assessment.models import (
    CalibrationDecision,
    Campaign,
    CampaignInstrument,
    Participant,
    RubricCriterion,
)
from assessment.results.selectors.scores import CampaignData
from core.views import show_errors


def _calibrated_campaign(request: HttpRequest, pk: int) -> Campaign:
    """Return the campaign if the user may calibrate its expert scores, else 404."""
    if not access.can_calibrate(request.user):
        raise Http404
    return get_object_or_404(Campaign.objects.select_related("framework"), pk=pk)


@login_required
def calibration(request: HttpRequest, pk: int) -> HttpResponse:
    """List the criteria where experts disagree beyond the threshold, and decisions taken."""
    campaign = _calibrated_campaign(request, pk)
    data = CampaignData(campaign)
    participants = list(
        Participant.objects.filter(campaign=campaign)
        .select_related("candidate")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
    expert_instruments = [ci for ci in data.instruments if ci.instrument.is_expert_rated]
    flagged = []
    for participant in participants:
        for ci in expert_instruments:
            _, found = data.expert_scores(participant, ci)
            for item in found:
                flagged.append(
                    {
                        "participant": participant,
                        "ci": ci,
                        "criterion": data.criteria[item["criterion_id"]],
                        "scores": item["scores"],
                        "form": CalibrationForm(prefix=f"c{participant.pk}-{item['criterion_id']}"),
                    }
                )
    decisions = (
        CalibrationDecision.objects.filter(participant__campaign=campaign)
        .select_related(
            "participant__candidate",
            "campaign_instrument__instrument",
            "criterion__competency",
            "decided_by",
        )
        .order_by("-decided_at")
    )
    return render(
        request,
        "assessment/staff/calibration.html",
        {"campaign": campaign, "flagged": flagged, "decisions": decisions, "can_manage": True},
    )


@login_required
@require_POST
def calibration_decide(
    request: HttpRequest, pk: int, participant_pk: int, ci_pk: int, criterion_pk: int
) -> HttpResponse:
    """Record the agreed score on a flagged criterion."""
    campaign = _calibrated_campaign(request, pk)
    participant = get_object_or_404(Participant, pk=participant_pk, campaign=campaign)
    ci = get_object_or_404(
        CampaignInstrument.objects.select_related("campaign"), pk=ci_pk, campaign=campaign
    )
    criterion = get_object_or_404(RubricCriterion, pk=criterion_pk, instrument_id=ci.instrument_id)
    form = CalibrationForm(request.POST, prefix=f"c{participant.pk}-{criterion.pk}")
    if not form.is_valid():
        messages.error(request, "Укажите согласованную оценку 1–4 и обоснование.")
    else:
        try:
            expert_services.calibration_decide(
                participant=participant,
                campaign_instrument=ci,
                criterion=criterion,
                agreed_score=form.cleaned_data["agreed_score"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(
                request, f"Согласованная оценка записана: {participant.candidate}, {criterion}."
            )
    return redirect("assessment:calibration", campaign.pk)

"""A participant's result: the profile, how it was computed, the evidence, the report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from assessment import access
from assessment.models import CampaignInstrument, Participant
from assessment.results.reports import result_docx
from assessment.results.selectors.report import instrument_evidence, result_report
from assessment.results.services.results import participant_complete
from audit.services import personal_data_access_log
from core.docx import DOCX_CONTENT_TYPE
from core.views import show_errors


def participant_for(request: HttpRequest, pk: int) -> Participant:
    """Return the participant if the user may see their result, else 404."""
    return get_object_or_404(
        access.result_participants_visible_to(request.user).select_related(
            "candidate__organization",
            "campaign__framework",
            "municipality",
            "position_kind",
            "nomination",
            "membership",
        ),
        pk=pk,
    )


def _log_access(request: HttpRequest, participant: Participant, purpose: str) -> None:
    """Log someone else's look at the person's result (a person's own look is not logged)."""
    if not access.is_own_result(request.user, participant):
        personal_data_access_log(
            actor=request.user, subject=participant.candidate, purpose=purpose, request=request
        )


def _not_finished(request: HttpRequest, participant: Participant) -> HttpResponse:
    """Tell the person that their result opens when the campaign is finished."""
    return render(
        request,
        "assessment/results/not_finished.html",
        {"participant": participant, "campaign": participant.campaign},
    )


@login_required
def result_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the participant's competency profile against the target and how it was obtained."""
    participant = participant_for(request, pk)
    if not access.result_is_shown_to(request.user, participant):
        return _not_finished(request, participant)
    _log_access(request, participant, f"просмотр результата оценки ({participant.campaign})")
    report = result_report(participant, name_experts=access.shows_expert_names(request.user))
    instruments = {
        str(ci.pk): ci
        for ci in CampaignInstrument.objects.filter(campaign=participant.campaign).select_related(
            "instrument"
        )
    }
    result = report.result
    return render(
        request,
        "assessment/results/detail.html",
        {
            "participant": participant,
            "candidate": participant.candidate,
            "campaign": participant.campaign,
            "report": report,
            "result": result,
            "verdict": report.verdict,
            "instruments": instruments,
            "chart": report.chart_data(),
            "is_staff_view": access.shows_expert_names(request.user),
            "is_own": access.is_own_result(request.user, participant),
            "can_recompute": access.can_recompute_results(request.user),
            "can_complete": (
                access.can_complete_participant(request.user)
                and result is not None
                and participant.completed_at is None
            ),
        },
    )


@login_required
def result_evidence(request: HttpRequest, pk: int, ci_pk: int) -> HttpResponse:
    """Show the answers and ratings behind one instrument's scores."""
    participant = participant_for(request, pk)
    if not access.result_is_shown_to(request.user, participant):
        return _not_finished(request, participant)
    # Read through the campaign, so that the instrument knows it without a query.
    ci = get_object_or_404(participant.campaign.instruments.select_related("instrument"), pk=ci_pk)
    _log_access(
        request, participant, f"просмотр ответов и оценок: {ci.instrument} ({participant.campaign})"
    )
    evidence = instrument_evidence(
        participant, ci, name_experts=access.shows_expert_names(request.user)
    )
    return render(
        request,
        "assessment/results/evidence.html",
        {
            "participant": participant,
            "candidate": participant.candidate,
            "campaign": participant.campaign,
            "ci": ci,
            "evidence": evidence,
        },
    )


@login_required
def result_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the individual report as .docx."""
    participant = participant_for(request, pk)
    if not access.result_is_shown_to(request.user, participant):
        return _not_finished(request, participant)
    _log_access(request, participant, f"выгрузка отчёта об оценке в .docx ({participant.campaign})")
    report = result_report(participant, name_experts=access.shows_expert_names(request.user))
    response = HttpResponse(
        result_docx(report),
        content_type=DOCX_CONTENT_TYPE,
    )
    response["Content-Disposition"] = (
        f'attachment; filename="otchet-ob-otsenke-{participant.pk}.docx"'
    )
    return response


@login_required
@require_POST
def result_complete(request: HttpRequest, pk: int) -> HttpResponse:
    """Finish the participant's assessment; a nomination goes on to the commission."""
    participant = participant_for(request, pk)
    if not access.can_complete_participant(request.user):
        raise Http404
    try:
        participant_complete(participant=participant, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(
            request,
            "Оценка завершена."
            + (" Заявка передана на рассмотрение комиссией." if participant.nomination_id else ""),
        )
    return redirect("assessment:result_detail", pk)

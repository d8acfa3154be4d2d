"""The campaign's run: who has finished what, starting and closing, reminders, recomputing the
results, voiding a test attempt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from assessment import access
from assessment.campaigns.forms import PAGE_SIZE, ParticipantFilterForm
from assessment.campaigns.selectors.progress import CampaignProgress
from assessment.campaigns.services import reminders, workflow
from assessment.campaigns.views.common import campaign_for, managed_campaign
from assessment.models import Campaign, CampaignStatus, TestAttempt
from assessment.participation.services.testing import attempt_void
from assessment.results.services.results import results_compute
from core.http import next_path
from core.views import Confirmation, confirmation_page, is_confirmed, show_errors


def _filtered_participants(request: HttpRequest, campaign: Campaign):
    form = ParticipantFilterForm(
        request.GET or None, by_municipality=access.can_filter_by_municipality(request.user)
    )
    participants = form.apply(access.campaign_participants_visible_to(request.user, campaign))
    return form, participants.order_by("candidate__last_name", "candidate__first_name", "pk")


@login_required
def campaign_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Show each participant × instrument status, with filters, reminders and actions."""
    campaign = campaign_for(request, pk)
    form, participants = _filtered_participants(request, campaign)
    progress = CampaignProgress(campaign, participants)
    rows = progress.rows
    state = form.cleaned_data.get("state") if form.is_valid() else ""
    if state == "unfinished":
        rows = [row for row in rows if not row.is_finished]
    elif state == "finished":
        rows = [row for row in rows if row.is_finished]
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    can_manage = access.can_manage_campaigns(request.user)
    pending_participants = sum(1 for row in progress.rows if row.pending_for_participant)
    return render(
        request,
        "assessment/staff/campaign_progress.html",
        {
            "campaign": campaign,
            "instruments": progress.instruments,
            "form": form,
            "page": page,
            "summary": progress.summary(),
            "show_municipality": "municipality" in form.fields,
            "can_manage": can_manage,
            "can_remind": access.can_remind(request.user)
            and campaign.status == CampaignStatus.ACTIVE,
            "pending_participants": pending_participants,
            "pending_experts": len(progress.experts_pending()),
            "can_void_attempts": access.can_void_attempt(request.user),
            "can_recompute": access.can_recompute_results(request.user),
            "has_expert_instruments": any(
                ci.instrument.is_expert_rated for ci in progress.instruments
            ),
        },
    )


@login_required
@require_POST
def campaign_status(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Start or close the campaign."""
    campaign = managed_campaign(request, pk)
    services = {
        "activate": (workflow.campaign_activate, "Кампания начата."),
        "close": (workflow.campaign_close, "Кампания завершена, результаты рассчитаны."),
    }
    if action not in services:
        raise Http404
    service, success = services[action]
    if action == "close" and not is_confirmed(request):
        return confirmation_page(
            request,
            Confirmation(
                title=f"Завершить кампанию «{campaign.name}»?",
                details=[("Сроки", f"{campaign.starts_on:%d.%m.%Y}–{campaign.ends_on:%d.%m.%Y}")],
                consequences=[
                    "Ответы, работы и оценки экспертов больше не принимаются; не пройденные "
                    "инструменты засчитываются как 0.",
                    "Результаты будут рассчитаны, и участники увидят свои результаты и отчёты.",
                    "Вернуть кампанию в работу нельзя.",
                ],
                confirm_label="Да, завершить кампанию",
                cancel_url=reverse("assessment:campaign_progress", args=[campaign.pk]),
            ),
        )
    try:
        service(campaign=campaign, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, success)
    return redirect("assessment:campaign_progress", campaign.pk)


@login_required
@require_POST
def campaign_remind(request: HttpRequest, pk: int) -> HttpResponse:
    """Email everyone who has not finished their part of the campaign."""
    campaign = campaign_for(request, pk)
    if not access.can_remind(request.user):
        raise Http404
    try:
        outcome = reminders.campaign_remind(campaign=campaign, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        if outcome.participants or outcome.experts:
            messages.success(
                request,
                f"Напоминания отправлены: участникам — {outcome.participants}, "
                f"экспертам — {outcome.experts}.",
            )
        else:
            messages.info(request, "Напоминать некому: все завершили свою часть.")
    return redirect("assessment:campaign_progress", campaign.pk)


@login_required
@require_POST
def campaign_recompute(request: HttpRequest, pk: int) -> HttpResponse:
    """Recompute the campaign's results and ranking from the answers and ratings."""
    campaign = campaign_for(request, pk)
    if not access.can_recompute_results(request.user):
        raise Http404
    count = results_compute(campaign=campaign, actor=request.user, request=request)
    messages.success(request, f"Результаты пересчитаны: {count}.")
    return redirect(next_path(request, reverse("assessment:campaign_ranking", args=[pk])))


@login_required
@require_POST
def test_attempt_void(request: HttpRequest, pk: int, attempt_pk: int) -> HttpResponse:
    """Void a participant's test attempt so that they may take the test again."""
    if not access.can_void_attempt(request.user):
        raise Http404
    campaign = get_object_or_404(Campaign, pk=pk)
    attempt = get_object_or_404(
        TestAttempt, pk=attempt_pk, participant__campaign=campaign, is_void=False
    )
    reason = request.POST.get("reason", "").strip()
    if reason and not is_confirmed(request):
        person = attempt.participant.candidate.full_name
        return confirmation_page(
            request,
            Confirmation(
                title=f"Аннулировать попытку теста: {person}?",
                details=[
                    ("Попытка начата", f"{timezone.localtime(attempt.started_at):%d.%m.%Y %H:%M}"),
                    ("Причина", reason),
                ],
                consequences=[
                    "Ответы и результат этой попытки перестанут учитываться в оценке; в журнале "
                    "останется запись с причиной.",
                    "Участник сможет пройти тест заново, пока не истёк срок теста.",
                    "Вернуть аннулированную попытку нельзя.",
                ],
                confirm_label="Да, аннулировать попытку",
                cancel_url=reverse("assessment:campaign_progress", args=[campaign.pk]),
            ),
        )
    try:
        attempt_void(attempt=attempt, actor=request.user, reason=reason, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(
            request, f"Попытка теста участника {attempt.participant.candidate} аннулирована."
        )
    return redirect("assessment:campaign_progress", campaign.pk)

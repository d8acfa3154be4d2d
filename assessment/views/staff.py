"""Staff pages of the assessment: campaigns, the cohort, progress, reminders, the ranking."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from assessment import access
from assessment.exports import ranking_export_response
from assessment.forms_staff import (
    PAGE_SIZE,
    CampaignForm,
    CohortFilterForm,
    ParticipantFilterForm,
)
from assessment.models import (
    Campaign,
    CampaignStatus,
    CompetencyFramework,
    Instrument,
    Participant,
    TestAttempt,
)
from assessment.selectors_progress import (
    CampaignProgress,
    memberships_due_for_reassessment,
    nominations_for_cohort,
)
from assessment.services import campaigns as campaign_services
from assessment.services.results import results_compute
from assessment.services.testing import attempt_void
from candidates.access import memberships_visible_to, pipeline_nominations_visible_to
from core.views import show_errors
from governance.selectors import regulation_in_force


def campaign_for(request: HttpRequest, pk: int) -> Campaign:
    """Return the campaign if the user may open it, else 404."""
    if not access.can_view_campaigns(request.user):
        raise Http404
    return get_object_or_404(
        access.campaigns_visible_to(request.user).select_related("framework"), pk=pk
    )


def managed_campaign(request: HttpRequest, pk: int) -> Campaign:
    """Return the campaign if the user may manage it, else 404."""
    if not access.can_manage_campaigns(request.user):
        raise Http404
    return get_object_or_404(Campaign.objects.select_related("framework"), pk=pk)


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    """List the campaigns with the number of participants the user may see."""
    if not access.can_view_campaigns(request.user):
        raise Http404
    # Only the participants the user may see are counted: a coordinator's territory's.
    visible = Q(participants__in=access.staff_participants_visible_to(request.user))
    campaigns = access.campaigns_visible_to(request.user).annotate(
        participant_count=Count("participants", filter=visible, distinct=True),
        completed_count=Count(
            "participants",
            filter=visible & Q(participants__completed_at__isnull=False),
            distinct=True,
        ),
    )
    return render(
        request,
        "assessment/staff/campaign_list.html",
        {
            "campaigns": campaigns,
            "territory": access.territory_of(request.user),
            "can_manage": access.can_manage_campaigns(request.user),
        },
    )


def _campaign_form(request: HttpRequest, campaign: Campaign | None) -> CampaignForm:
    framework = campaign.framework if campaign else CompetencyFramework.objects.get(is_current=True)
    instruments = sorted(
        Instrument.objects.filter(framework=framework),
        key=lambda instrument: (instrument.kind_order, instrument.name, instrument.pk),
    )
    regulation = regulation_in_force()
    if campaign is None:
        weights = campaign_services.default_instrument_weights(instruments, regulation)
        today = timezone.localdate()
        initial = {
            "starts_on": today,
            "ends_on": today + datetime.timedelta(days=60),
            "pass_threshold": regulation.pass_threshold,
            "disagreement_threshold": 1,
        }
    else:
        chosen = {ci.instrument_id: ci for ci in campaign.instruments.all()}
        weights = {pk: ci.weight for pk, ci in chosen.items()}
        initial = {
            "name": campaign.name,
            "starts_on": campaign.starts_on,
            "ends_on": campaign.ends_on,
            "pass_threshold": campaign.pass_threshold,
            "disagreement_threshold": campaign.disagreement_threshold,
            **{f"deadline_{pk}": ci.deadline for pk, ci in chosen.items()},
        }
    return CampaignForm(
        request.POST or None,
        instruments=instruments,
        default_weights=weights,
        initial=initial,
    )


def _campaign_edit(request: HttpRequest, campaign: Campaign | None) -> HttpResponse:
    form = _campaign_form(request, campaign)
    if request.method == "POST" and form.is_valid():
        try:
            if campaign is None:
                campaign = campaign_services.campaign_create(
                    settings_=form.settings(),
                    instruments=form.cleaned_data["instrument_choices"],
                    actor=request.user,
                    request=request,
                )
                messages.success(request, "Кампания создана. Сформируйте состав участников.")
                return redirect("assessment:campaign_cohort", campaign.pk)
            campaign_services.campaign_update(
                campaign=campaign,
                settings_=form.settings(),
                instruments=form.cleaned_data["instrument_choices"],
                actor=request.user,
                request=request,
            )
            messages.success(request, "Изменения сохранены.")
            return redirect("assessment:campaign_progress", campaign.pk)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
    regulation = regulation_in_force()
    return render(
        request,
        "assessment/staff/campaign_form.html",
        {
            "form": form,
            "campaign": campaign,
            "regulation_weights": regulation.assessment_weights,
            "regulation_threshold": regulation.pass_threshold,
        },
    )


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    """Create a campaign: dates, thresholds, instruments with weights and deadlines."""
    if not access.can_manage_campaigns(request.user):
        raise Http404
    return _campaign_edit(request, None)


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a campaign in preparation."""
    campaign = managed_campaign(request, pk)
    if campaign.status != CampaignStatus.DRAFT:
        messages.error(request, "Кампания уже идёт: инструменты и веса не меняются.")
        return redirect("assessment:campaign_progress", campaign.pk)
    return _campaign_edit(request, campaign)


@login_required
def campaign_cohort(request: HttpRequest, pk: int) -> HttpResponse:
    """Pick the cohort: nominations in «оценка» and reservists due for re-assessment."""
    campaign = managed_campaign(request, pk)
    today = timezone.localdate()
    if request.method == "POST":
        nominations = nominations_for_cohort(pipeline_nominations_visible_to(request.user)).filter(
            pk__in=request.POST.getlist("nominations")
        )
        memberships = memberships_due_for_reassessment(
            today=today, visible=memberships_visible_to(request.user)
        ).filter(pk__in=request.POST.getlist("memberships"))
        try:
            outcome = campaign_services.campaign_add_participants(
                campaign=campaign,
                nominations=list(nominations),
                memberships=list(memberships),
                actor=request.user,
                today=today,
                request=request,
            )
        except ValidationError as error:
            show_errors(request, error)
        else:
            if outcome.added:
                messages.success(request, f"Добавлено участников: {outcome.added}.")
            elif not outcome.skipped:
                messages.warning(request, "Никто не выбран.")
            for reason in outcome.skipped:
                messages.warning(request, f"Не добавлен — {reason}.")
        return redirect(f"{reverse('assessment:campaign_cohort', args=[campaign.pk])}")
    form = CohortFilterForm(
        request.GET or None, by_municipality=access.can_filter_by_municipality(request.user)
    )
    nominations = form.apply(nominations_for_cohort(pipeline_nominations_visible_to(request.user)))
    memberships = form.apply(
        memberships_due_for_reassessment(today=today, visible=memberships_visible_to(request.user))
    )
    participants = (
        Participant.objects.filter(campaign=campaign)
        .select_related("candidate", "municipality", "nomination__position_kind", "membership")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
    return render(
        request,
        "assessment/staff/campaign_cohort.html",
        {
            "campaign": campaign,
            "form": form,
            "nominations": nominations[:200],
            "nomination_count": nominations.count(),
            "memberships": memberships[:200],
            "membership_count": memberships.count(),
            "participants": participants,
            "can_change_cohort": campaign.status != CampaignStatus.CLOSED,
            "can_remove": campaign.status == CampaignStatus.DRAFT,
            "due_rule": DUE_RULE,
            "can_manage": True,
        },
    )


@login_required
@require_POST
def participant_remove(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    """Take a participant out of a campaign in preparation."""
    campaign = managed_campaign(request, pk)
    participant = get_object_or_404(Participant, pk=participant_pk, campaign=campaign)
    try:
        campaign_services.participant_remove(
            participant=participant, actor=request.user, request=request
        )
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, f"{participant.candidate} исключён(а) из кампании.")
    return redirect("assessment:campaign_cohort", campaign.pk)


@login_required
@require_POST
def campaign_status(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Start or close the campaign."""
    campaign = managed_campaign(request, pk)
    services = {
        "activate": (campaign_services.campaign_activate, "Кампания начата."),
        "close": (campaign_services.campaign_close, "Кампания завершена, результаты рассчитаны."),
    }
    if action not in services:
        raise Http404
    service, success = services[action]
    try:
        service(campaign=campaign, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, success)
    return redirect("assessment:campaign_progress", campaign.pk)


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
def campaign_remind(request: HttpRequest, pk: int) -> HttpResponse:
    """Email everyone who has not finished their part of the campaign."""
    campaign = campaign_for(request, pk)
    if not access.can_remind(request.user):
        raise Http404
    try:
        outcome = campaign_services.campaign_remind(
            campaign=campaign, actor=request.user, request=request
        )
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
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("assessment:campaign_ranking", args=[pk])
    return redirect(target)


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
    try:
        attempt_void(attempt=attempt, actor=request.user, reason=reason, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(
            request, f"Попытка теста участника {attempt.participant.candidate} аннулирована."
        )
    return redirect("assessment:campaign_progress", campaign.pk)


def _ranking_rows(request: HttpRequest, campaign: Campaign):
    form = ParticipantFilterForm(
        request.GET or None, by_municipality=access.can_filter_by_municipality(request.user)
    )
    participants = (
        form.apply(access.campaign_participants_visible_to(request.user, campaign))
        .filter(result__isnull=False)
        .select_related("candidate", "municipality", "result")
        .order_by("result__rank", "candidate__last_name", "candidate__first_name", "pk")
    )
    return form, participants


@login_required
def campaign_ranking(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the participants by rank with total, pass, gaps and municipality."""
    campaign = campaign_for(request, pk)
    form, participants = _ranking_rows(request, campaign)
    page = Paginator(participants, PAGE_SIZE).get_page(request.GET.get("page"))
    last_computed = max((p.result.computed_at for p in page), default=None)
    return render(
        request,
        "assessment/staff/campaign_ranking.html",
        {
            "campaign": campaign,
            "form": form,
            "page": page,
            "show_municipality": "municipality" in form.fields,
            "last_computed": last_computed,
            "can_recompute": access.can_recompute_results(request.user),
            "can_manage": access.can_manage_campaigns(request.user),
        },
    )


@login_required
def campaign_ranking_export(request: HttpRequest, pk: int) -> FileResponse:
    """Download the filtered ranking as .xlsx."""
    campaign = campaign_for(request, pk)
    form, participants = _ranking_rows(request, campaign)
    return ranking_export_response(
        campaign, participants, actor=request.user, filters=form.describe(), request=request
    )


# The re-assessment rule of memberships_due_for_reassessment, in words for the cohort page.
DUE_RULE = (
    "Повторная оценка нужна резервисту, если с окончания последней кампании оценки, в "
    "которой он участвовал, прошло больше года; если оценок в портале нет — если он в резерве "
    "больше года. Резервисты, уже включённые в другую идущую или готовящуюся кампанию, не "
    "показываются."
)

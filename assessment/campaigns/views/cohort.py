"""The campaign's cohort (ministry): nominations in «оценка» and reservists due for
re-assessment to pick from, and the participants taken."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from assessment import access
from assessment.campaigns.forms import CohortFilterForm
from assessment.campaigns.selectors.cohort import (
    DUE_RULE,
    memberships_due_for_reassessment,
    nominations_for_cohort,
)
from assessment.campaigns.services import cohort as cohort_services
from assessment.campaigns.views.common import managed_campaign
from assessment.models import CampaignStatus, Participant
from candidates.access import memberships_visible_to, pipeline_nominations_visible_to
from core.views import show_errors


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
            outcome = cohort_services.campaign_add_participants(
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
        cohort_services.participant_remove(
            participant=participant, actor=request.user, request=request
        )
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, f"{participant.candidate} исключён(а) из кампании.")
    return redirect("assessment:campaign_cohort", campaign.pk)

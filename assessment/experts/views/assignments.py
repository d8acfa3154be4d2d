"""Expert panels (ministry): who rates whom on each expert-rated instrument, the experts' places
of work and declared relations."""

from collections import defaultdict
from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from assessment import access
from assessment.experts import services as expert_services
from assessment.experts.forms import ExpertAssignForm, ExpertProfileForm
from assessment.models import (
    Campaign,
    CampaignInstrument,
    CampaignStatus,
    DeclaredRelation,
    ExpertAssignment,
    Participant,
)
from core.views import parse_id, show_errors
from registry.access import organizations_to_choose

PAGE_SIZE = 50  # the panel table pages like the campaign's other staff tables


def _experts():
    """Return the experts the ministry may assign, with their places of work."""
    return (
        access.assignable_experts()
        .select_related("expert_profile__organization")
        .order_by("last_name", "first_name", "username")
    )


def _panel_campaign(request: HttpRequest, pk: int) -> Campaign:
    """Return the campaign if the user may assign its experts, else 404."""
    if not access.can_manage_experts(request.user):
        raise Http404
    return get_object_or_404(Campaign.objects.select_related("framework"), pk=pk)


def _back_to_panels(request: HttpRequest, pk: int) -> HttpResponse:
    """Return to the page of the panel table the form was posted from."""
    page = request.POST.get("page", "")
    url = reverse("assessment:campaign_experts", args=[pk])
    return redirect(f"{url}?page={page}" if parse_id(page) else url)


@login_required
def campaign_experts(request: HttpRequest, pk: int) -> HttpResponse:
    """Show who rates whom on each expert-rated instrument and assign experts."""
    campaign = _panel_campaign(request, pk)
    instruments = sorted(
        (
            ci
            for ci in CampaignInstrument.objects.filter(campaign=campaign).select_related(
                "instrument"
            )
            if ci.instrument.is_expert_rated
        ),
        key=attrgetter("display_order"),
    )
    participants = (
        Participant.objects.filter(campaign=campaign)
        .select_related("candidate__organization", "municipality")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
    page = Paginator(participants, PAGE_SIZE).get_page(request.GET.get("page"))
    assignments = defaultdict(list)
    for assignment in ExpertAssignment.objects.filter(
        participant__in=list(page), campaign_instrument__in=instruments
    ).select_related("expert"):
        assignments[(assignment.participant_id, assignment.campaign_instrument_id)].append(
            assignment
        )
    experts = _experts()
    form = ExpertAssignForm(experts=experts)
    rows = [
        {
            "participant": participant,
            "cells": [
                {"ci": ci, "assignments": assignments[(participant.pk, ci.pk)]}
                for ci in instruments
            ],
        }
        for participant in page
    ]
    return render(
        request,
        "assessment/staff/campaign_experts.html",
        {
            "campaign": campaign,
            "instruments": instruments,
            "rows": rows,
            "page": page,
            "form": form,
            "experts_exist": experts.exists(),
            "can_manage": True,
            "is_closed": campaign.status == CampaignStatus.CLOSED,
        },
    )


@login_required
@require_POST
def expert_assign(request: HttpRequest, pk: int, participant_pk: int, ci_pk: int) -> HttpResponse:
    """Assign an expert, refused on a conflict of interest."""
    campaign = _panel_campaign(request, pk)
    participant = get_object_or_404(
        Participant.objects.select_related("candidate", "campaign"),
        pk=participant_pk,
        campaign=campaign,
    )
    ci = get_object_or_404(
        CampaignInstrument.objects.select_related("instrument"), pk=ci_pk, campaign=campaign
    )
    form = ExpertAssignForm(request.POST, experts=_experts())
    if not form.is_valid():
        messages.error(request, "Выберите эксперта из списка.")
    else:
        try:
            expert_services.expert_assign(
                participant=participant,
                campaign_instrument=ci,
                expert=form.cleaned_data["expert"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(
                request,
                f"Эксперт назначен: {participant.candidate}, «{ci.instrument}».",
            )
    return _back_to_panels(request, pk)


@login_required
@require_POST
def expert_unassign(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    """Withdraw an assignment not yet submitted."""
    campaign = _panel_campaign(request, pk)
    assignment = get_object_or_404(
        ExpertAssignment, pk=assignment_pk, participant__campaign=campaign
    )
    try:
        expert_services.expert_unassign(assignment=assignment, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, "Назначение снято.")
    return _back_to_panels(request, pk)


@login_required
def expert_profiles(request: HttpRequest) -> HttpResponse:
    """List the experts with their places of work and declared relations; edit a profile."""
    if not access.can_manage_experts(request.user):
        raise Http404
    experts = _experts().annotate(
        assignment_count=Count("expert_assignments", distinct=True),
        open_count=Count(
            "expert_assignments",
            filter=Q(expert_assignments__submitted_at__isnull=True),
            distinct=True,
        ),
    )
    form = ExpertProfileForm(
        request.POST or None,
        experts=_experts(),
        organizations=organizations_to_choose(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            expert_services.expert_profile_save(
                user=form.cleaned_data["expert"],
                organization=form.cleaned_data["organization"],
                position=form.cleaned_data["position"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(request, "Профиль эксперта сохранён.")
            return redirect("assessment:expert_profiles")
    relations = DeclaredRelation.objects.select_related("expert", "candidate").order_by(
        "-declared_at"
    )[:100]
    return render(
        request,
        "assessment/staff/expert_profiles.html",
        {"experts": experts, "form": form, "relations": relations},
    )

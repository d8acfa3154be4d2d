"""Campaign set-up (ministry): the list of campaigns, a new campaign, changes before it starts."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from assessment import access
from assessment.campaigns.forms import CampaignForm
from assessment.campaigns.selectors.progress import with_participant_counts
from assessment.campaigns.services import setup as setup_services
from assessment.campaigns.views.common import managed_campaign
from assessment.models import Campaign, CampaignStatus, CompetencyFramework, Instrument
from governance.selectors import regulation_in_force


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    """List the campaigns with the number of participants the user may see."""
    if not access.can_view_campaigns(request.user):
        raise Http404
    # Only the participants the user may see are counted: a coordinator's territory's.
    campaigns = with_participant_counts(
        access.campaigns_visible_to(request.user),
        access.staff_participants_visible_to(request.user),
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
        weights = setup_services.default_instrument_weights(instruments, regulation)
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
                campaign = setup_services.campaign_create(
                    settings_=form.settings(),
                    instruments=form.cleaned_data["instrument_choices"],
                    actor=request.user,
                    request=request,
                )
                messages.success(request, "Кампания создана. Сформируйте состав участников.")
                return redirect("assessment:campaign_cohort", campaign.pk)
            setup_services.campaign_update(
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

"""The campaign's ranking: participants by rank with total, pass and gaps; its .xlsx export."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from assessment import access
from assessment.campaigns.exports import ranking_export_response
from assessment.campaigns.forms import PAGE_SIZE, ParticipantFilterForm
from assessment.campaigns.views.common import campaign_for
from assessment.models import Campaign


def _ranking_rows(request: HttpRequest, campaign: Campaign):
    form = ParticipantFilterForm(
        request.GET or None, by_municipality=access.can_filter_by_municipality(request.user)
    )
    participants = (
        form.apply(access.campaign_participants_visible_to(request.user, campaign))
        .filter(result__isnull=False)
        .select_related("candidate", "municipality", "result", "campaign", "position_kind")
        .order_by(
            F("result__rank").asc(nulls_last=True),
            "candidate__last_name",
            "candidate__first_name",
            "pk",
        )
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

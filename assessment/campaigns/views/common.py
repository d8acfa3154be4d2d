"""What the campaign pages share: the campaign the user may open or manage, else 404."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from assessment import access
from assessment.models import Campaign


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

"""Staff pages of the registry: the organizations of the user's territory."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from registry import access


@login_required
def organization_list(request: HttpRequest) -> HttpResponse:
    """List the organizations the user's territory covers."""
    if not access.can_view_registry(request.user):
        raise Http404
    organizations = access.organizations_visible_to(request.user).select_related("municipality")
    return render(
        request, "registry/organization_list.html", {"organizations": organizations[:100]}
    )

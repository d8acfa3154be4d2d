"""Staff pages of the registry: the organizations of the user's territory and their export."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from audit.services import personal_data_access_log, personal_data_access_log_many
from core.views import query_id
from registry import access
from registry.fields import organization_label
from registry.forms import OrganizationFilterForm
from registry.models import Organization
from registry.resources import export_response
from registry.selectors import organization_suggestions, organizations_filtered

PAGE_SIZE = 50


def _filtered(request: HttpRequest) -> tuple[OrganizationFilterForm, QuerySet[Organization]]:
    if not access.can_view_registry(request.user):
        raise Http404
    municipalities = access.municipalities_visible_to(request.user)
    form = OrganizationFilterForm(request.GET or None, municipalities=municipalities)
    filters = form.cleaned_data if form.is_valid() else {}
    organizations = organizations_filtered(
        user=request.user,
        query=filters.get("q", ""),
        municipality=filters.get("municipality"),
        kind=filters.get("kind", ""),
        active=filters.get("active", ""),
    )
    return form, organizations


@login_required
def organization_list(request: HttpRequest) -> HttpResponse:
    """List the organizations the user's territory covers, searchable and filtered."""
    form, organizations = _filtered(request)
    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registry/organization_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "choose_municipality": access.can_choose_municipality(request.user),
            "can_export": access.can_export_registry(request.user),
        },
    )


@login_required
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one organization of the user's territory, its head included."""
    if not access.can_view_registry(request.user):
        raise Http404
    organization = get_object_or_404(
        access.organizations_visible_to(request.user).select_related("municipality"), pk=pk
    )
    if organization.head_full_name or organization.head_birth_date:
        personal_data_access_log(
            actor=request.user,
            subject=organization,
            purpose="данные руководителя организации",
            request=request,
        )
    return render(request, "registry/organization_detail.html", {"organization": organization})


@login_required
def organization_export(request: HttpRequest) -> FileResponse:
    """Download the listed organizations (same search and filters) as .xlsx."""
    if not access.can_export_registry(request.user):
        raise Http404
    _, organizations = _filtered(request)
    response = export_response(organizations)
    # The file names the heads and their birth dates: each head exported is a logged access.
    personal_data_access_log_many(
        actor=request.user,
        subjects=organizations.exclude(head_full_name="", head_birth_date__isnull=True).iterator(
            chunk_size=2000
        ),
        purpose="выгрузка реестра: данные руководителя организации",
        request=request,
    )
    return response


@login_required
@require_GET
def organization_lookup(request: HttpRequest) -> JsonResponse:
    """Suggest the organizations the user may choose that match the text typed (the picker)."""
    if not access.can_choose_organization(request.user):
        raise Http404
    suggestions = organization_suggestions(
        access.organizations_to_choose(request.user),
        request.GET.get("q", "")[:200],
        municipality_id=query_id(request, "municipality"),
    )
    return JsonResponse(
        {
            "results": [
                {
                    "label": organization_label(organization),
                    "name": organization.full_name,
                    "municipality": organization.municipality.name,
                }
                for organization in suggestions
            ]
        }
    )

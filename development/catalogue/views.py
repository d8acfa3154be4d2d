"""Pages of the catalogue of activities: the list with filters, an activity, the import."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from assessment.models import Competency
from core.search import search
from core.spreadsheets import XLSX_CONTENT_TYPE
from development import access
from development.catalogue.forms import CatalogueFilterForm, CatalogueUploadForm
from development.catalogue.importing import (
    CatalogueRow,
    FileRefused,
    TableNotFound,
    read_catalogue_file,
)
from development.catalogue.services import activities_import
from development.catalogue.template import template_workbook
from development.models import Activity
from development.plans.selectors import places_taken

PAGE_SIZE = 25
SESSION_KEY = "development_catalogue_import"


def _with_details(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    return activities.select_related("host_organization__municipality").prefetch_related(
        Prefetch("competencies", queryset=Competency.objects.order_by("sort_order", "code"))
    )


def _filtered(request: HttpRequest) -> tuple[CatalogueFilterForm, QuerySet[Activity]]:
    form = CatalogueFilterForm(request.GET or None)
    activities = access.activities_visible_to(request.user)
    show_past = form.is_valid() and form.cleaned_data["past"]
    if not show_past:
        activities = activities.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=timezone.localdate())
        )
    if form.is_valid():
        data = form.cleaned_data
        activities = search(
            activities,
            data["q"],
            ("title", "description", "provider", "host_organization__short_name"),
        )
        if data["kind"]:
            activities = activities.filter(kind=data["kind"])
        if data["format"]:
            activities = activities.filter(format=data["format"])
        if data["competency"]:
            activities = activities.filter(competencies__code=data["competency"].code)
        if data["date_from"]:
            activities = activities.filter(starts_on__gte=data["date_from"])
        if data["date_to"]:
            activities = activities.filter(starts_on__lte=data["date_to"])
    # Dated activities by start, undated (projects, mentoring) after them.
    activities = activities.distinct().order_by(
        F("starts_on").asc(nulls_last=True), "kind", "title"
    )
    return form, activities


def _taken(activities: list[Activity]) -> None:
    """Set each activity's `taken`: places held by items of plans not yet completed."""
    counts = places_taken([activity.pk for activity in activities])
    for activity in activities:
        activity.taken = counts.get(activity.pk, 0)
        if activity.places is not None:
            activity.free = max(activity.places - activity.taken, 0)


@login_required
def activity_list(request: HttpRequest) -> HttpResponse:
    """List the catalogue's activities with filters by kind, competency, format and dates."""
    if not access.can_view_catalogue(request.user):
        raise Http404
    form, activities = _filtered(request)
    page = Paginator(_with_details(activities), PAGE_SIZE).get_page(request.GET.get("page"))
    _taken(list(page.object_list))
    return render(
        request,
        "development/catalogue/list.html",
        {
            "form": form,
            "page": page,
            "can_manage": access.can_manage_catalogue(request.user),
        },
    )


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one activity: what it develops, for which levels, when and where."""
    if not access.can_view_catalogue(request.user):
        raise Http404
    activity = get_object_or_404(_with_details(access.activities_visible_to(request.user)), pk=pk)
    _taken([activity])
    return render(
        request,
        "development/catalogue/detail.html",
        {"activity": activity, "can_manage": access.can_manage_catalogue(request.user)},
    )


def _staff_only(request: HttpRequest) -> None:
    if not access.can_manage_catalogue(request.user):
        raise Http404


@login_required
def catalogue_import(request: HttpRequest) -> HttpResponse:
    """Check an uploaded catalogue file and show its preview or every row-level error."""
    _staff_only(request)
    form = CatalogueUploadForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "catalogue"
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            try:
                rows, errors = read_catalogue_file(path)
            except (FileRefused, TableNotFound) as error:
                rows, errors = [], []
                context["refusal"] = error.message
        context |= {"rows": rows, "errors": errors, "file_name": upload.name}
        if rows and not errors:
            request.session[SESSION_KEY] = {
                "file_name": upload.name,
                "rows": [row.as_dict() for row in rows],
            }
        else:
            request.session.pop(SESSION_KEY, None)
    failed = bool(context.get("errors") or context.get("refusal"))
    return render(
        request, "development/catalogue/import.html", context, status=400 if failed else 200
    )


@login_required
@require_POST
def catalogue_import_confirm(request: HttpRequest) -> HttpResponse:
    """Write the previewed activities, all or none; the preview is used once."""
    _staff_only(request)
    pending = request.session.pop(SESSION_KEY, None)
    if not pending:
        messages.error(request, "Нечего загружать: сначала выберите файл и проверьте его.")
        return redirect("development:catalogue_import")
    rows = [CatalogueRow.from_dict(data) for data in pending["rows"]]
    try:
        added = activities_import(rows=rows, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("development:catalogue_import")
    messages.success(request, f"В каталог добавлено мероприятий: {added} ({pending['file_name']}).")
    return redirect("development:catalogue")


@login_required
def catalogue_template(request: HttpRequest) -> HttpResponse:
    """Download the catalogue template with the competency codes."""
    _staff_only(request)
    response = HttpResponse(template_workbook(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="katalog_meropriyatiy_shablon.xlsx"'
    return response

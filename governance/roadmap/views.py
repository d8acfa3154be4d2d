"""Pages of the roadmap: the timeline and table with filters, an item, import, export, document."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.docx import DOCX_CONTENT_TYPE
from core.spreadsheets import XLSX_CONTENT_TYPE
from governance import access
from governance.roadmap.document import roadmap_document, roadmap_filename
from governance.roadmap.exporting import roadmap_workbook, template_workbook
from governance.roadmap.forms import RoadmapFilterForm, RoadmapStatusForm, RoadmapUploadForm
from governance.roadmap.importing import (
    FileRefused,
    RoadmapRow,
    TableNotFound,
    read_roadmap_file,
)
from governance.roadmap.selectors import roadmap_items_filtered, roadmap_timeline
from governance.roadmap.services import roadmap_item_set_status, roadmap_items_import

SESSION_KEY = "governance_roadmap_import"


def _readable(request: HttpRequest) -> None:
    if not access.can_view_roadmap(request.user):
        raise Http404


def _manager_only(request: HttpRequest) -> None:
    if not access.can_manage_roadmap(request.user):
        raise Http404


def _years(user) -> list[int]:
    items = access.roadmap_items_visible_to(user)
    starts = items.annotate(y=ExtractYear("starts_on")).values_list("y", flat=True)
    ends = items.annotate(y=ExtractYear("ends_on")).values_list("y", flat=True)
    bounds = [*starts.order_by("y")[:1], *ends.order_by("-y")[:1]]
    return list(range(min(bounds), max(bounds) + 1)) if bounds else []


def _filtered(request: HttpRequest):
    form = RoadmapFilterForm(request.GET or None, years=_years(request.user))
    items = roadmap_items_filtered(user=request.user, today=timezone.localdate(), **form.filters())
    return form, items


@login_required
def roadmap(request: HttpRequest) -> HttpResponse:
    """Show the roadmap: a timeline by stage with overdue items marked, and the table."""
    _readable(request)
    form, items = _filtered(request)
    items = list(items)
    today = timezone.localdate()
    for item in items:
        item.overdue = item.overdue_on(today)
    return render(
        request,
        "governance/roadmap/roadmap.html",
        {
            "form": form,
            "items": items,
            "timeline": roadmap_timeline(items, today=today),
            "today": today,
            "query_string": request.GET.urlencode(),
            "can_manage": access.can_manage_roadmap(request.user),
        },
    )


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one item with its resources and indicator; managers change its status here."""
    _readable(request)
    item = get_object_or_404(
        access.roadmap_items_visible_to(request.user).select_related("responsible_organization"),
        pk=pk,
    )
    can_manage = access.can_manage_roadmap(request.user)
    form = RoadmapStatusForm(request.POST or None, initial={"status": item.status})
    if request.method == "POST":
        if not can_manage:
            raise Http404
        if form.is_valid():
            try:
                roadmap_item_set_status(
                    item=item,
                    status=form.cleaned_data["status"],
                    actor=request.user,
                    request=request,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, "Статус мероприятия изменён.")
            return redirect("roadmap:item", pk=item.pk)
    return render(
        request,
        "governance/roadmap/item.html",
        {
            "item": item,
            "form": form,
            "today": timezone.localdate(),
            "overdue": item.overdue_on(timezone.localdate()),
            "can_manage": can_manage,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@login_required
def roadmap_export(request: HttpRequest) -> HttpResponse:
    """Download the items the filters show as .xlsx (the import reads it back)."""
    _readable(request)
    _, items = _filtered(request)
    response = HttpResponse(roadmap_workbook(items), content_type=XLSX_CONTENT_TYPE)
    today = timezone.localdate()
    response["Content-Disposition"] = (
        f'attachment; filename="dorozhnaya-karta-{today:%Y-%m-%d}.xlsx"'
    )
    return response


@login_required
def roadmap_docx(request: HttpRequest) -> HttpResponse:
    """Download the whole roadmap as the document «Дорожная карта … с ресурсным обеспечением»."""
    _readable(request)
    today = timezone.localdate()
    items = list(
        access.roadmap_items_visible_to(request.user)
        .select_related("responsible_organization")
        .order_by("sort_key", "number")
    )
    response = HttpResponse(roadmap_document(items, today=today), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{roadmap_filename(today)}"'
    return response


@login_required
def roadmap_template(request: HttpRequest) -> HttpResponse:
    """Download the roadmap template with the reference lists."""
    _manager_only(request)
    response = HttpResponse(template_workbook(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="dorozhnaya-karta-shablon.xlsx"'
    return response


@login_required
def roadmap_import(request: HttpRequest) -> HttpResponse:
    """Check an uploaded roadmap file and show its preview or every row-level error."""
    _manager_only(request)
    form = RoadmapUploadForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "roadmap"
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            try:
                rows, errors = read_roadmap_file(path)
            except (FileRefused, TableNotFound) as error:
                rows, errors = [], []
                context["refusal"] = error.message
        context |= {"rows": rows, "errors": errors, "file_name": upload.name}
        context["counts"] = {
            action: sum(1 for row in rows if row.action == action)
            for action in ("create", "update", "unchanged")
        }
        if rows and not errors:
            request.session[SESSION_KEY] = {
                "file_name": upload.name,
                "rows": [row.as_dict() for row in rows if row.action != "unchanged"],
            }
        else:
            request.session.pop(SESSION_KEY, None)
    failed = bool(context.get("errors") or context.get("refusal"))
    return render(request, "governance/roadmap/import.html", context, status=400 if failed else 200)


@login_required
@require_POST
def roadmap_import_confirm(request: HttpRequest) -> HttpResponse:
    """Write the previewed items, all or none; the preview is used once."""
    _manager_only(request)
    pending = request.session.pop(SESSION_KEY, None)
    if not pending:
        messages.error(request, "Нечего загружать: сначала выберите файл и проверьте его.")
        return redirect("roadmap:import")
    rows = [RoadmapRow.from_dict(data) for data in pending["rows"]]
    try:
        created, updated = roadmap_items_import(rows=rows, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("roadmap:import")
    messages.success(
        request,
        f"Дорожная карта загружена из «{pending['file_name']}»: добавлено {created}, "
        f"изменено {updated}.",
    )
    return redirect("roadmap:roadmap")

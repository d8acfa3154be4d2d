"""Pages of the indicators: the full table, one indicator with the rows behind each number."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.access import covers_municipality
from core.spreadsheets import XLSX_CONTENT_TYPE
from monitoring import access
from monitoring.indicators.breakdowns import splits
from monitoring.indicators.definitions import BY_CODE
from monitoring.indicators.exporting import dashboard_workbook
from monitoring.indicators.periods import period_choices, period_for
from monitoring.indicators.selectors import dashboard, indicator_rows, trend
from registry.models import Municipality

PAGE_SIZE = 50


def _viewable(request: HttpRequest) -> None:
    if not access.can_view_dashboard(request.user):
        raise Http404


def _period(request: HttpRequest):
    today = timezone.localdate()
    key, period = period_for(request.GET.get("period"), today)
    choices = [(choice_key, choice.label) for choice_key, choice in period_choices(today)]
    return today, key, period, choices


@login_required
def indicator_table(request: HttpRequest) -> HttpResponse:
    """Show every indicator by municipality for the period, each number a link to its list."""
    _viewable(request)
    today, key, period, choices = _period(request)
    board = dashboard(request.user, period=period, today=today)
    return render(
        request,
        "monitoring/dashboard/table.html",
        {"board": board, "period_key": key, "period_choices": choices},
    )


@login_required
def indicator_export(request: HttpRequest) -> HttpResponse:
    """Download the indicators by municipality for the period as .xlsx."""
    _viewable(request)
    today, key, period, _ = _period(request)
    board = dashboard(request.user, period=period, today=today)
    response = HttpResponse(dashboard_workbook(board), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="pokazateli-{key}-{today:%Y-%m-%d}.xlsx"'
    )
    return response


@login_required
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    """Show one indicator: formula, numbers by municipality, trend, and the list behind one."""
    _viewable(request)
    indicator = BY_CODE.get(code)
    if indicator is None:
        raise Http404
    today, key, period, choices = _period(request)
    municipality = None
    raw = request.GET.get("municipality", "")
    if raw:
        if not raw.isdigit() or not covers_municipality(request.user, int(raw)):
            raise Http404
        municipality = Municipality.objects.filter(pk=int(raw)).first()
        if municipality is None:
            raise Http404
    board = dashboard(request.user, period=period, today=today, indicators=[indicator])
    if municipality is None and len(board.rows) == 1:
        municipality = Municipality.objects.get(pk=board.rows[0].municipality_id)
    rows = indicator_rows(
        request.user,
        code=code,
        period=period,
        today=today,
        municipality_id=municipality.pk if municipality else None,
    )
    breakdown = splits(indicator, rows)
    page = (
        Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")) if rows is not None else None
    )
    if page is not None:
        for obj in page.object_list:
            obj.cells = [column.value(obj) for column in indicator.columns]
    snapshots = trend(code, municipality_id=municipality.pk if municipality else None)
    return render(
        request,
        "monitoring/dashboard/detail.html",
        {
            "indicator": indicator,
            "board": board,
            "municipality": municipality,
            "splits": breakdown,
            "page": page,
            "period_key": key,
            "period_choices": choices,
            "keep": [("municipality", municipality.pk)] if municipality else [],
            "trend": snapshots,
            "chart": {
                "labels": [f"{s.month:%m.%Y}" for s in snapshots],
                "values": [float(s.value) if s.value is not None else None for s in snapshots],
                "label": f"{indicator.title}, {indicator.unit}",
            },
        },
    )

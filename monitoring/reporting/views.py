"""Pages of the reports on the reserve: the strategic session's summary, the half-year, the year."""

import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from accounts.access import bound_municipality_id, covers_municipality, is_region_wide
from core.docx import DOCX_CONTENT_TYPE
from core.spreadsheets import XLSX_CONTENT_TYPE
from governance.selectors import regulation_in_force
from monitoring import access
from monitoring.indicators.base import Period
from monitoring.indicators.periods import period_choices, period_for
from monitoring.reporting.data import report_data
from monitoring.reporting.narrative import report_document
from monitoring.reporting.xlsx import report_workbook
from registry.models import Municipality

SUMMARY_TITLE = "Сводка для стратегической сессии по кадровому резерву"
HALF_YEAR_TITLE = "Отчёт о работе с кадровым резервом за полугодие"
ANNUAL_TITLE = "Годовой отчёт о кадровом резерве руководителей образовательных организаций"
FORMATS = {
    "xlsx": (XLSX_CONTENT_TYPE, report_workbook),
    "docx": (DOCX_CONTENT_TYPE, report_document),
}


def _download(data, name: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    content_type, render_file = FORMATS[fmt]
    response = HttpResponse(render_file(data), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _region_only(request: HttpRequest) -> None:
    if not is_region_wide(request.user):
        raise Http404


@login_required
def strategic_summary(request: HttpRequest, fmt: str = "") -> HttpResponse:
    """Show (or download) the figures the region presents at the strategic session."""
    _region_only(request)
    today = timezone.localdate()
    key, period = period_for(request.GET.get("period"), today)
    data = report_data(
        title=SUMMARY_TITLE,
        period=period,
        today=today,
        regulation=regulation_in_force(),
        with_municipalities=True,
    )
    if fmt:
        return _download(data, f"svodka-strategicheskaya-sessiya-{today:%Y-%m-%d}", fmt)
    return render(
        request,
        "monitoring/reporting/summary.html",
        {
            "data": data,
            "period_key": key,
            "period_choices": [(k, p.label) for k, p in period_choices(today)],
        },
    )


def _half(year: int, half: int) -> Period:
    if half == 1:
        return Period(
            datetime.date(year, 1, 1), datetime.date(year, 6, 30), f"1-е полугодие {year} г."
        )
    return Period(
        datetime.date(year, 7, 1), datetime.date(year, 12, 31), f"2-е полугодие {year} г."
    )


@login_required
def municipal_report(request: HttpRequest, pk: int, year: int, half: int, fmt: str) -> HttpResponse:
    """Download a municipality's half-yearly report on its reserve (.xlsx or .docx)."""
    if not access.can_view_dashboard(request.user) or half not in (1, 2):
        raise Http404
    if not covers_municipality(request.user, pk):
        raise Http404
    municipality = get_object_or_404(Municipality, pk=pk)
    data = report_data(
        title=HALF_YEAR_TITLE,
        period=_half(year, half),
        today=timezone.localdate(),
        regulation=regulation_in_force(),
        municipality=municipality,
    )
    return _download(data, f"otchet-{municipality.pk}-{year}-{half}-polugodie", fmt)


@login_required
def annual_report(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    """Download the region's annual report on the reserve (.xlsx or .docx)."""
    _region_only(request)
    period = Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year} год")
    data = report_data(
        title=ANNUAL_TITLE,
        period=period,
        today=timezone.localdate(),
        regulation=regulation_in_force(),
        with_municipalities=True,
    )
    return _download(data, f"godovoy-otchet-kadrovy-rezerv-{year}", fmt)


@login_required
def report_documents(request: HttpRequest) -> HttpResponse:
    """List the reports to download: the half-years of the municipalities, the region's years."""
    if not access.can_view_dashboard(request.user):
        raise Http404
    today = timezone.localdate()
    halves = []
    for year in (today.year, today.year - 1):
        for half in (2, 1):
            if _half(year, half).starts_on <= today:
                halves.append((year, half, _half(year, half).label))
    bound = bound_municipality_id(request.user)
    municipalities = Municipality.objects.order_by("name")
    if bound is not None:
        municipalities = municipalities.filter(pk=bound)
    return render(
        request,
        "monitoring/reporting/documents.html",
        {
            "halves": halves,
            "years": [today.year, today.year - 1],
            "municipalities": municipalities,
            "is_region": is_region_wide(request.user),
        },
    )

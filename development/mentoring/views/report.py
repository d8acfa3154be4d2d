"""The mentor effectiveness report: the comparison table and its .xlsx download."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.access import bound_municipality_id
from development import access
from development.mentoring.report import COLUMNS, effectiveness_report
from development.mentoring.report_export import report_response
from development.mentoring.selectors import mentoring_norm_hours
from registry.models import Municipality


def _report(request: HttpRequest):
    if not access.can_view_effectiveness(request.user):
        raise Http404
    return effectiveness_report(
        access.mentors_visible_to(request.user),
        sort=request.GET.get("sort", "name"),
        descending=request.GET.get("dir") == "desc",
    )


def _scope_title(request: HttpRequest) -> str:
    bound = bound_municipality_id(request.user)
    if bound is None:
        return "все наставники области"
    return f"наставники: {Municipality.objects.get(pk=bound).name}"


@login_required
def effectiveness(request: HttpRequest) -> HttpResponse:
    """Compare the mentors on the agreed measures, each column with the region's median."""
    report = _report(request)
    headers = []
    for column in COLUMNS:
        descending = not (report.sort == column.key and report.descending)
        headers.append(
            {
                "column": column,
                "sorted": report.sort == column.key,
                "link": f"?sort={column.key}&dir={'desc' if descending else 'asc'}",
                "median": column.show(report.medians.get(column.key)),
            }
        )
    name_ascending = report.sort == "name" and not report.descending
    rows = [
        {"row": row, "cells": [column.show(column.value(row)) for column in COLUMNS]}
        for row in report.rows
    ]
    return render(
        request,
        "development/mentoring/effectiveness.html",
        {
            "report": report,
            "headers": headers,
            "rows": rows,
            "scope": _scope_title(request),
            "name_link": f"?sort=name&dir={'desc' if name_ascending else 'asc'}",
            "export_query": request.GET.urlencode(),
            "norm": mentoring_norm_hours(),
        },
    )


@login_required
def effectiveness_export(request: HttpRequest) -> HttpResponse:
    """Download the report as .xlsx."""
    report = _report(request)
    title = (
        f"Эффективность наставников на {timezone.localdate():%d.%m.%Y} — {_scope_title(request)}"
    )
    return report_response(report, title=title)

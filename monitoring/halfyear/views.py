"""Pages of the half-yearly reports: the reservist's, the report itself, the staff's lists."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from candidates import access as candidates_access
from governance.selectors import regulation_in_force
from monitoring import access
from monitoring.halfyear.forms import CommentForm, ReportForm, ReportListFilterForm
from monitoring.halfyear.periods import last_passed_due
from monitoring.halfyear.selectors import (
    STATES,
    report_rows,
    report_summary,
    reporting_dates_around,
    reports_by_municipality_totals,
    reports_history,
    reports_owed,
)
from monitoring.halfyear.services import (
    report_accept,
    report_comment,
    report_return,
    report_save,
    report_start,
)
from registry.access import municipalities_visible_to

NO_REPORT_GROUND = "no_report"


@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    """Show the reservist the reports to write and the ones written before."""
    if not access.can_write_reports(request.user):
        raise Http404
    regulation = regulation_in_force()
    today = timezone.localdate()
    return render(
        request,
        "monitoring/halfyear/my_reports.html",
        {
            "owed": reports_owed(request.user, regulation, today),
            "history": reports_history(request.user),
            "today": today,
        },
    )


@login_required
@require_POST
def report_begin(request: HttpRequest, membership_pk: int, due_on: str) -> HttpResponse:
    """Open the reservist's report for a date, drafted from the plan the first time."""
    if not access.can_write_reports(request.user):
        raise Http404
    membership = get_object_or_404(
        candidates_access.memberships_visible_to(request.user).filter(candidate__user=request.user),
        pk=membership_pk,
    )
    try:
        day = datetime.date.fromisoformat(due_on)
        report = report_start(
            membership=membership, due_on=day, actor=request.user, request=request
        )
    except (ValueError, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", ["Неверная дата отчёта."])))
        return redirect("monitoring:my_reports")
    return redirect("monitoring:report", pk=report.pk)


def _report_for(user, pk: int):
    return get_object_or_404(
        access.reports_visible_to(user).select_related(
            "membership__candidate__user",
            "membership__municipality",
            "membership__position_kind",
            "mentor_commented_by",
            "reviewed_by",
        ),
        pk=pk,
    )


def _handle_post(request: HttpRequest, report) -> HttpResponse | None:
    """Apply the posted action; return the redirect, or None to show the forms with errors."""
    action = request.POST.get("action", "")
    user = request.user
    if action in ("save", "submit") and access.can_edit_report(user, report):
        form = ReportForm(request.POST, instance=report)
        if not form.is_valid():
            return None
        report_save(
            report=report,
            actor=user,
            submit=action == "submit",
            request=request,
            **{name: form.cleaned_data[name] for name in ("done", "applied", "difficulties")},
        )
        messages.success(request, "Отчёт сдан." if action == "submit" else "Черновик сохранён.")
    elif action == "comment" and access.can_comment_report(user, report):
        report_comment(
            report=report, actor=user, comment=request.POST.get("comment", ""), request=request
        )
        messages.success(request, "Комментарий наставника сохранён.")
    elif action in ("accept", "return") and access.can_review_report(user, report):
        review = report_accept if action == "accept" else report_return
        review(report=report, actor=user, comment=request.POST.get("comment", ""), request=request)
        messages.success(
            request, "Отчёт принят." if action == "accept" else "Отчёт возвращён на доработку."
        )
    else:
        raise Http404
    return redirect("monitoring:report", pk=report.pk)


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a report with the forms its reader may use: write, comment, accept or return."""
    report = _report_for(request.user, pk)
    errors: list[str] = []
    form = ReportForm(instance=report)
    if request.method == "POST":
        try:
            response = _handle_post(request, report)
        except ValidationError as error:
            response = None
            if hasattr(error, "error_dict"):
                form = ReportForm(request.POST, instance=report)
                for field, field_errors in error.message_dict.items():
                    if field in form.fields:
                        for message in field_errors:
                            form.add_error(field, message)
                    else:
                        errors += field_errors
            else:
                errors = error.messages
        if response is not None:
            return response
        if request.POST.get("action") in ("save", "submit") and not form.is_bound:
            form = ReportForm(request.POST, instance=report)
    user = request.user
    return render(
        request,
        "monitoring/halfyear/report.html",
        {
            "report": report,
            "form": form,
            "comment_form": CommentForm(request.POST or None)
            if request.method == "POST"
            else CommentForm(),
            "errors": errors,
            "events": report.events.select_related("actor"),
            "can_edit": access.can_edit_report(user, report),
            "can_comment": access.can_comment_report(user, report),
            "can_review": access.can_review_report(user, report),
            "is_staff": access.can_view_report_lists(user),
            # A mentor reads a mentee's report but has no list of reports to go back to.
            "writes_reports": access.can_write_reports(user),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """Show the reports of a date by municipality: on time, late, missing; drill down to names."""
    if not access.can_view_report_lists(request.user):
        raise Http404
    regulation = regulation_in_force()
    today = timezone.localdate()
    dates = reporting_dates_around(regulation, today)
    municipalities = list(municipalities_visible_to(request.user).values_list("pk", "name"))
    form = ReportListFilterForm(request.GET or None, dates=dates, municipalities=municipalities)
    data = form.cleaned_data if form.is_valid() else {}
    due_on = (
        datetime.date.fromisoformat(data["due_on"])
        if data.get("due_on")
        else last_passed_due(regulation, today)
    )
    summary = report_summary(request.user, due_on=due_on, today=today)
    state = data.get("state", "")
    rows = report_rows(
        request.user,
        due_on=due_on,
        today=today,
        state=state,
        municipality_id=data.get("municipality"),
    )
    grounds = {choice.code: choice.name for choice in regulation.exclusion_grounds}
    return render(
        request,
        "monitoring/halfyear/report_list.html",
        {
            "form": form,
            "due_on": due_on,
            "passed": due_on < today,
            "summary": summary,
            "totals": reports_by_municipality_totals(summary),
            "rows": rows,
            "state": state,
            "state_label": STATES.get(state, ""),
            "states": STATES,
            "no_report_ground": grounds.get(NO_REPORT_GROUND, ""),
            "can_exclude": candidates_access.can_manage_membership(request.user),
        },
    )


@login_required
def mentee_reports(request: HttpRequest) -> HttpResponse:
    """List the mentor's mentees' reports, newest first."""
    if not access.can_view_mentee_reports(request.user):
        raise Http404
    reports = (
        access.reports_visible_to(request.user)
        .select_related("membership__candidate")
        .order_by("-due_on", "membership__candidate__last_name")
    )
    return render(request, "monitoring/halfyear/mentee_reports.html", {"reports": reports})

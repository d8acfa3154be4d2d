"""Pages of the selection stage: the secretary opens a meeting and records who is present."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from candidates import access
from candidates.forms_commission import AttendanceForm
from candidates.services.commission_attendance import attendance_record, commission_meeting_open
from candidates.views.commission import _form_errors, attempt, meeting_for, meeting_url


@login_required
@require_POST
def meeting_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Open the meeting for votes and decisions before or after its date (the secretary)."""
    meeting = meeting_for(request.user, pk)
    if not access.can_open_meeting(request.user, meeting):
        raise Http404
    attempt(
        request,
        lambda: commission_meeting_open(meeting=meeting, actor=request.user, request=request),
        "Заседание открыто: члены комиссии могут голосовать.",
    )
    return redirect(meeting_url(meeting))


@login_required
@require_POST
def meeting_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a member present at the meeting or absent from it (the secretary)."""
    meeting = meeting_for(request.user, pk)
    if not access.can_record_attendance(request.user, meeting):
        raise Http404
    members = meeting.commission.members.filter(is_active=True).select_related("user")
    form = AttendanceForm(request.POST, members=members)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(meeting_url(meeting))
    attempt(
        request,
        lambda: attendance_record(
            meeting=meeting,
            member=form.cleaned_data["member"],
            present=form.cleaned_data["present"] == "yes",
            actor=request.user,
            request=request,
        ),
    )
    return redirect(f"{meeting_url(meeting)}#members-heading")

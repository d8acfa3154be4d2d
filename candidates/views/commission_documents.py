"""Pages of the selection stage: a meeting's paperwork — the protocol and the order on inclusion."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from candidates import access
from candidates.documents import (
    inclusion_order_document,
    order_filename,
    protocol_document,
    protocol_filename,
)
from candidates.forms_commission import InclusionOrderForm
from candidates.models import CommissionMeeting, MeetingStatus, ReserveMembership
from candidates.services.membership import membership_record_order
from candidates.views.commission import attempt, meeting_for, meeting_url, render_meeting
from core.docx import DOCX_CONTENT_TYPE
from governance.selectors import regulation_in_force, regulation_version_in_force


def _included_at(meeting: CommissionMeeting):
    return (
        ReserveMembership.objects.filter(decision_item__meeting=meeting)
        .select_related("candidate", "position_kind", "municipality")
        .order_by("candidate__last_name", "candidate__first_name", "id")
    )


@login_required
@require_POST
def meeting_order_record(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the number and date of the ministry's order on the meeting's inclusions."""
    meeting = meeting_for(request.user, pk)
    if not access.can_issue_inclusion_order(request.user) or meeting.status != MeetingStatus.HELD:
        raise Http404
    form = InclusionOrderForm(request.POST)
    if not form.is_valid():
        return render_meeting(request, meeting, status=400, order_form=form)
    attempt(
        request,
        lambda: membership_record_order(
            memberships=list(_included_at(meeting)),
            order_number=form.cleaned_data["order_number"],
            order_date=form.cleaned_data["order_date"],
            actor=request.user,
            request=request,
        ),
        "Реквизиты приказа записаны.",
    )
    return redirect(meeting_url(meeting))


def _docx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def meeting_protocol_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve the protocol of a held meeting."""
    meeting = meeting_for(request.user, pk)
    if not access.can_download_protocol(request.user, meeting):
        raise Http404
    content = protocol_document(meeting, regulation_in_force())
    for item in meeting.agenda_items.select_related(
        "nomination__candidate", "membership__candidate"
    ):
        subject = item.membership.candidate if item.membership_id else item.nomination.candidate
        personal_data_access_log(
            actor=request.user,
            subject=subject,
            purpose="протокол заседания комиссии",
            request=request,
        )
    return _docx(content, protocol_filename(meeting))


@login_required
def meeting_order_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve the order on inclusion once its number and date are recorded."""
    meeting = meeting_for(request.user, pk)
    if not access.can_issue_inclusion_order(request.user):
        raise Http404
    memberships = [m for m in _included_at(meeting) if m.order_number]
    if not memberships:
        raise Http404
    content = inclusion_order_document(
        meeting, memberships, regulation_in_force(), regulation_version_in_force().number
    )
    for membership in memberships:
        personal_data_access_log(
            actor=request.user,
            subject=membership.candidate,
            purpose="приказ о включении в резерв",
            request=request,
        )
    return _docx(content, order_filename(meeting))

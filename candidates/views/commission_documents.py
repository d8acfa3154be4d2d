"""Pages of the selection stage: a meeting's paperwork — the protocol and the ministry's orders."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from candidates import access
from candidates.documents import (
    exclusion_order_document,
    extension_order_document,
    inclusion_order_document,
    order_filename,
    protocol_document,
    protocol_filename,
)
from candidates.forms_commission import InclusionOrderForm
from candidates.models import (
    CommissionMeeting,
    MeetingStatus,
    MembershipEvent,
    MembershipStatus,
    ReserveMembership,
)
from candidates.services.membership import (
    membership_record_extension_order,
    membership_record_order,
)
from candidates.views.commission import attempt, meeting_for, meeting_url, render_meeting
from core.docx import DOCX_CONTENT_TYPE
from governance.models import Order, OrderKind
from governance.selectors import regulation_in_force, regulation_version_in_force


def included_at(meeting: CommissionMeeting):
    """Return the memberships the meeting decided to include, by name."""
    return (
        ReserveMembership.objects.filter(decision_item__meeting=meeting)
        .select_related(
            "candidate__organization", "position_kind", "municipality", "inclusion_order"
        )
        .order_by("candidate__last_name", "candidate__first_name", "id")
    )


def extensions_at(meeting: CommissionMeeting):
    """Return the extensions the meeting decided, by name."""
    return (
        MembershipEvent.objects.filter(decision_item__meeting=meeting, action="extend")
        .select_related("membership__candidate__organization", "membership__position_kind", "order")
        .order_by("membership__candidate__last_name", "membership__candidate__first_name", "id")
    )


@login_required
@require_POST
def meeting_order_record(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the ministry's order on the meeting's inclusions; the terms start on its date."""
    meeting = meeting_for(request.user, pk)
    if not access.can_issue_inclusion_order(request.user) or meeting.status != MeetingStatus.HELD:
        raise Http404
    form = InclusionOrderForm(request.POST, prefix="inclusion")
    if not form.is_valid():
        return render_meeting(request, meeting, status=400, order_form=form)
    attempt(
        request,
        lambda: membership_record_order(
            memberships=list(included_at(meeting)),
            actor=request.user,
            request=request,
            **form.order_data(),
        ),
        "Приказ записан в реестр: срок пребывания в резерве считается с его даты.",
    )
    return redirect(meeting_url(meeting))


@login_required
@require_POST
def meeting_extension_order_record(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the ministry's order on the extensions the meeting decided."""
    meeting = meeting_for(request.user, pk)
    if not access.can_issue_inclusion_order(request.user) or meeting.status != MeetingStatus.HELD:
        raise Http404
    form = InclusionOrderForm(request.POST, prefix="extension")
    if not form.is_valid():
        return render_meeting(request, meeting, status=400, extension_order_form=form)
    attempt(
        request,
        lambda: membership_record_extension_order(
            events=list(extensions_at(meeting)),
            actor=request.user,
            request=request,
            **form.order_data(),
        ),
        "Приказ о продлении записан в реестр.",
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


def _log(request: HttpRequest, candidates, purpose: str) -> None:
    for candidate in candidates:
        personal_data_access_log(
            actor=request.user, subject=candidate, purpose=purpose, request=request
        )


@login_required
def meeting_order_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve the order on inclusion once it is recorded."""
    meeting = meeting_for(request.user, pk)
    if not access.can_issue_inclusion_order(request.user):
        raise Http404
    memberships = [m for m in included_at(meeting) if m.inclusion_order_id]
    if not memberships:
        raise Http404
    order = memberships[0].inclusion_order
    content = inclusion_order_document(
        order,
        meeting,
        [m for m in memberships if m.inclusion_order_id == order.pk],
        regulation_in_force(),
        regulation_version_in_force().number,
    )
    _log(request, [m.candidate for m in memberships], "приказ о включении в резерв")
    return _docx(content, order_filename(order))


@login_required
def meeting_extension_order_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve the order on the meeting's extensions once it is recorded."""
    meeting = meeting_for(request.user, pk)
    if not access.can_issue_inclusion_order(request.user):
        raise Http404
    events = [event for event in extensions_at(meeting) if event.order_id]
    if not events:
        raise Http404
    order = events[0].order
    content = extension_order_document(order, meeting, events, regulation_version_in_force().number)
    _log(request, [e.membership.candidate for e in events], "приказ о продлении срока")
    return _docx(content, order_filename(order))


@login_required
def exclusion_order_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve an order on exclusion from the register with everyone it excluded."""
    if not access.can_issue_inclusion_order(request.user):
        raise Http404
    order = get_object_or_404(Order, pk=pk, kind=OrderKind.EXCLUSION)
    memberships = list(
        access.memberships_visible_to(request.user)
        .filter(exclusion_order=order, status=MembershipStatus.EXCLUDED)
        .select_related("candidate__organization", "position_kind")
        .order_by("candidate__last_name", "candidate__first_name", "id")
    )
    if not memberships:
        raise Http404
    content = exclusion_order_document(
        order, memberships, regulation_in_force(), regulation_version_in_force().number
    )
    _log(request, [m.candidate for m in memberships], "приказ об исключении из резерва")
    return _docx(content, order_filename(order))

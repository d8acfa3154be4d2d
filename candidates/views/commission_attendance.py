"""Pages of the selection stage: conducting a meeting — opening it, who is present, closing it."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from candidates import access
from candidates.forms_commission import AttendanceForm, CloseMeetingForm
from candidates.models import CommissionMeeting
from candidates.services.commission import commission_meeting_close
from candidates.services.commission_attendance import attendance_record, commission_meeting_open
from candidates.views.commission import (
    _form_errors,
    attempt,
    meeting_for,
    meeting_url,
    render_meeting,
)
from core.views import Confirmation, confirmation_page, is_confirmed


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


def _close_confirmation(meeting: CommissionMeeting, form: CloseMeetingForm) -> Confirmation:
    items = meeting.agenda_items.count()
    consequences = [
        "Заседание будет отмечено как состоявшееся; голосовать, менять повестку и решения "
        "по нему будет нельзя.",
        "На странице заседания появится протокол с этим номером для скачивания.",
    ]
    return Confirmation(
        title=f"Закрыть заседание {meeting.date:%d.%m.%Y}?",
        details=[
            ("Комиссия", meeting.commission.name),
            ("Вопросов повестки", str(items)),
            ("Номер протокола", form.cleaned_data["protocol_number"]),
        ],
        consequences=consequences,
        confirm_label="Да, закрыть заседание",
        cancel_url=meeting_url(meeting),
    )


@login_required
@require_POST
def meeting_close(request: HttpRequest, pk: int) -> HttpResponse:
    """Close the meeting with its protocol number."""
    meeting = meeting_for(request.user, pk)
    if not access.can_conduct_meeting(request.user, meeting):
        raise Http404
    form = CloseMeetingForm(request.POST)
    if not form.is_valid():
        return render_meeting(request, meeting, status=400, close_form=form)
    # Ask only when closing can succeed; otherwise the service says what is missing.
    ready = not meeting.agenda_items.filter(decision="").exists()
    if ready and not is_confirmed(request):
        return confirmation_page(request, _close_confirmation(meeting, form))
    attempt(
        request,
        lambda: commission_meeting_close(
            meeting=meeting,
            protocol_number=form.cleaned_data["protocol_number"],
            protocol_date=form.cleaned_data["protocol_date"],
            invited=form.cleaned_data["invited"],
            actor=request.user,
            request=request,
        ),
        "Заседание закрыто, протокол сформирован.",
    )
    return redirect(meeting_url(meeting))

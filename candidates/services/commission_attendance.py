"""Opening a commission's meeting and recording who is present: the secretary's work."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from candidates import access
from candidates.models import CommissionMeeting, CommissionMember, MeetingAttendance, MeetingStatus


def locked_open_meeting(meeting: CommissionMeeting) -> CommissionMeeting:
    """Lock the meeting's row; raise unless votes and decisions are taken at it now."""
    locked = CommissionMeeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.status != MeetingStatus.PLANNED:
        raise ValidationError("Заседание уже проведено: голоса и решения менять нельзя.")
    if not locked.is_open(timezone.localdate()):
        raise ValidationError(
            f"Заседание назначено на {locked.date:%d.%m.%Y}: голосовать и принимать решения "
            "можно в день заседания или после того, как секретарь откроет его."
        )
    return locked


def commission_meeting_open(
    *, meeting: CommissionMeeting, actor, request: HttpRequest | None = None
) -> CommissionMeeting:
    """Open the meeting for votes and decisions on a day other than its date (the secretary)."""
    if not access.can_open_meeting(actor, meeting):
        raise PermissionDenied("Открыть заседание может только секретарь комиссии.")
    with transaction.atomic():
        locked = CommissionMeeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status != MeetingStatus.PLANNED:
            raise ValidationError("Заседание уже проведено.")
        if locked.opened_at is not None:
            raise ValidationError("Заседание уже открыто.")
        locked.opened_at = timezone.now()
        locked.opened_by = actor
        locked.save(update_fields=["opened_at", "opened_by"])
        audit_record(
            actor=actor,
            action="meeting.open",
            obj=locked,
            changes={"opened_at": (None, locked.opened_at)},
            request=request,
        )
    return locked


def attendance_record(
    *,
    meeting: CommissionMeeting,
    member: CommissionMember,
    present: bool,
    actor,
    request: HttpRequest | None = None,
) -> MeetingAttendance:
    """Mark a member present at (or absent from) the open meeting; only its secretary does."""
    if not access.can_record_attendance(actor, meeting):
        raise PermissionDenied("Присутствие отмечает секретарь комиссии.")
    if member.commission_id != meeting.commission_id or not member.is_active:
        raise ValidationError("Отметить можно только члена этой комиссии.")
    with transaction.atomic():
        locked = locked_open_meeting(meeting)
        return attendance_mark(
            meeting=locked, member=member, present=present, actor=actor, request=request
        )


def attendance_mark(
    *, meeting: CommissionMeeting, member: CommissionMember, present: bool, actor, request
) -> MeetingAttendance:
    """Write the member's attendance (the caller holds the meeting's lock) and audit a change."""
    row = MeetingAttendance.objects.filter(meeting=meeting, member=member).first()
    before = None if row is None else row.present
    if row is None:
        row = MeetingAttendance.objects.create(
            meeting=meeting, member=member, present=present, recorded_by=actor
        )
    elif row.present != present:
        row.present = present
        row.recorded_by = actor
        row.save(update_fields=["present", "recorded_by", "recorded_at"])
    if before != present:
        audit_record(
            actor=actor,
            action="meeting.attendance",
            obj=meeting,
            changes={str(member): (before, present)},
            request=request,
        )
    return row


def is_present(meeting: CommissionMeeting, member: CommissionMember) -> bool:
    """Return whether the secretary marked the member present at the meeting."""
    return MeetingAttendance.objects.filter(meeting=meeting, member=member, present=True).exists()

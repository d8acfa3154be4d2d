"""Who is present at a commission's meeting: recorded per meeting by its secretary."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from candidates.models.commission import CommissionMeeting, CommissionMember


class MeetingAttendance(models.Model):
    """Whether a member is present at a meeting, as its secretary recorded it."""

    meeting = models.ForeignKey(
        CommissionMeeting,
        verbose_name=_("заседание"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    member = models.ForeignKey(
        CommissionMember,
        verbose_name=_("член комиссии"),
        on_delete=models.PROTECT,
        related_name="attendance",
    )
    present = models.BooleanField(_("присутствует"), default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто отметил"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("когда отмечено"), auto_now=True)

    class Meta:
        verbose_name = _("присутствие на заседании")
        verbose_name_plural = _("присутствие на заседаниях")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"], name="candidates_attendance_once_per_member"
            ),
        ]

    def __str__(self) -> str:
        state = "присутствует" if self.present else "отсутствует"
        return f"{self.member}: {state}"

"""Back office of monitoring: reminders and half-yearly reports, read-only (written elsewhere)."""

from django.contrib import admin

from accounts.access import is_region_wide
from core.admin_base import ReadOnlyPolicyAdmin
from monitoring.models import HalfYearReport, Reminder


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "напоминание"
    may_view = is_region_wide
    list_display = ["created_at", "kind", "user", "key", "mail_status"]
    list_filter = ["kind", "delivery__status"]
    list_select_related = ["user", "delivery"]
    fields = ["kind", "key", "user", "notification", "delivery", "created_at"]
    readonly_fields = fields

    @admin.display(description="письмо")
    def mail_status(self, reminder: Reminder) -> str:
        if reminder.delivery is None:
            return "без адреса"
        return reminder.delivery.get_status_display()


@admin.register(HalfYearReport)
class HalfYearReportAdmin(ReadOnlyPolicyAdmin):
    """The reports are written and reviewed on the portal; the back office only reads them."""

    name_accusative = "полугодовой отчёт резервиста"
    may_view = is_region_wide
    list_display = ["due_on", "membership", "status", "first_submitted_at", "reviewed_at"]
    list_filter = ["status", "due_on"]
    list_select_related = ["membership__candidate", "membership__position_kind"]
    search_fields = ["membership__candidate__last_name"]
    fields = [
        "membership",
        "due_on",
        "period_start",
        "status",
        "done",
        "applied",
        "difficulties",
        "first_submitted_at",
        "submitted_at",
        "mentor_comment",
        "mentor_commented_by",
        "mentor_commented_at",
        "review_comment",
        "reviewed_by",
        "reviewed_at",
    ]
    readonly_fields = fields

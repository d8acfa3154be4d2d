"""Back office of monitoring: the reminders given, read-only (the daily command writes them)."""

from django.contrib import admin

from accounts.access import is_region_wide
from core.admin_base import ReadOnlyPolicyAdmin
from monitoring.models import Reminder


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

"""Every model of the monitoring stage, from its feature, for migrations and models.X."""

from monitoring.reminders.models import Reminder, ReminderKind

__all__ = ["Reminder", "ReminderKind"]

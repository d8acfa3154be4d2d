"""Every model of the monitoring stage, from its feature, for migrations and models.X."""

from monitoring.reminders.models import Reminder, ReminderKind

__all__ = ["Reminder", "ReminderKind"]

from monitoring.halfyear.models import (
    EDITABLE_STATUSES,
    HalfYearReport,
    ReportEvent,
    ReportStatus,
)

__all__ += ["EDITABLE_STATUSES", "HalfYearReport", "ReportEvent", "ReportStatus"]

from monitoring.indicators.models import IndicatorSnapshot  # noqa: E402

__all__ += ["IndicatorSnapshot"]

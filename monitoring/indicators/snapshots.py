"""Monthly snapshots of every indicator, and the roadmap's actual values taken from them.

A month's snapshot is written once: a second run for the same month adds nothing and changes
nothing, so the trend stays comparable after records change later (corrections, imports).
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from governance.models import MeasuredIndicator
from governance.roadmap.services import roadmap_actual_record
from monitoring.indicators.base import Figure
from monitoring.indicators.definitions import ALL
from monitoring.indicators.periods import month_period
from monitoring.models import IndicatorSnapshot


@dataclass(frozen=True)
class SnapshotRun:
    month: datetime.date
    written: int
    already: bool
    roadmap_updated: int


def indicators_snapshot(*, month: datetime.date, today: datetime.date | None = None) -> SnapshotRun:
    """Store the month's figures of every indicator by municipality and for the region.

    Writes nothing for a month already stored. The region's values of the indicators the
    roadmap tracks go to its items (governance.roadmap.services.roadmap_actual_record), dated
    the month's last day.
    """
    today = today or timezone.localdate()
    period = month_period(month)
    month = period.starts_on
    if IndicatorSnapshot.objects.filter(month=month).exists():
        return SnapshotRun(month, 0, True, 0)
    rows: list[IndicatorSnapshot] = []
    region_values = {}
    for indicator in ALL:
        per = indicator.figures(period, today)
        total = Figure(group=0 if indicator.min_group else None)
        for municipality_id, figure in per.items():
            total.add(figure)
            rows.append(_snapshot(month, indicator, municipality_id, figure))
        rows.append(_snapshot(month, indicator, None, total))
        region_values[indicator.code] = indicator.value(total)
    measured = {
        code: value for code, value in region_values.items() if code in MeasuredIndicator.values
    }
    with transaction.atomic():
        written = len(IndicatorSnapshot.objects.bulk_create(rows, ignore_conflicts=True))
        updated = roadmap_actual_record(values=measured, measured_on=period.ends_on)
    return SnapshotRun(month, written, False, updated)


def _snapshot(month, indicator, municipality_id, figure: Figure) -> IndicatorSnapshot:
    return IndicatorSnapshot(
        month=month,
        code=indicator.code,
        municipality_id=municipality_id,
        numerator=figure.numerator,
        denominator=figure.denominator,
        group_size=figure.group,
        value=indicator.value(figure),
    )

"""Length of service from work history: overlapping periods counted once, in calendar months."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

_DAYS_PER_MONTH = 30


@dataclass(frozen=True, order=True)
class Service:
    """A length of service in whole months plus leftover days."""

    months: int
    days: int = 0

    @property
    def years(self) -> int:
        return self.months // 12

    def at_least_years(self, years: int) -> bool:
        """Return whether the service is no shorter than the number of years."""
        return self.months >= years * 12

    def __str__(self) -> str:
        years, months = divmod(self.months, 12)
        if not years and not months:
            return "менее 1 мес." if self.days else "нет"
        parts = []
        if years:
            parts.append(f"{years} г.")
        if months:
            parts.append(f"{months} мес.")
        return " ".join(parts)


def _merge(periods: Iterable[tuple[datetime.date, datetime.date]]) -> list[tuple]:
    """Return the periods joined where they overlap or touch."""
    merged: list[list[datetime.date]] = []
    for start, end in sorted(periods):
        if end < start:
            continue
        if merged and start <= merged[-1][1] + datetime.timedelta(days=1):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [tuple(period) for period in merged]


def _calendar_span(start: datetime.date, end: datetime.date) -> tuple[int, int]:
    """Return whole months and leftover days from start to end, both days included."""
    after = end + datetime.timedelta(days=1)
    months = (after.year - start.year) * 12 + (after.month - start.month)
    if after.day < start.day:
        months -= 1
    # The day on which the last whole month ends.
    year, month = divmod(start.month - 1 + months, 12)
    anchor_year, anchor_month = start.year + year, month + 1
    day = min(start.day, _month_length(anchor_year, anchor_month))
    anchor = datetime.date(anchor_year, anchor_month, day)
    return months, (after - anchor).days


def _month_length(year: int, month: int) -> int:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).day


def length_of_service(periods: Iterable[tuple[datetime.date, datetime.date]]) -> Service:
    """Return the total service of the periods (inclusive dates), overlaps counted once."""
    months = days = 0
    for start, end in _merge(periods):
        span_months, span_days = _calendar_span(start, end)
        months += span_months
        days += span_days
    extra_months, days = divmod(days, _DAYS_PER_MONTH)
    return Service(months=months + extra_months, days=days)

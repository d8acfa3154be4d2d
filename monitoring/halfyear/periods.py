"""The reporting dates of the Regulation and who owes a report for one of them."""

import datetime

from django.db.models import Q

from governance.regulation import Regulation

# A reservist included less than this before a reporting date owes the next one, not this.
MIN_DAYS_IN_RESERVE = 30


def due_dates(regulation: Regulation, year: int) -> list[datetime.date]:
    """Return the year's reporting dates in order."""
    return sorted(datetime.date(year, month, day) for month, day in regulation.reporting_dates)


def next_due(regulation: Regulation, today: datetime.date) -> datetime.date:
    """Return the nearest reporting date on or after today."""
    for year in (today.year, today.year + 1):
        for day in due_dates(regulation, year):
            if day >= today:
                return day
    raise ValueError("no reporting date")  # the Regulation keeps at least one date


def previous_due(regulation: Regulation, due_on: datetime.date) -> datetime.date:
    """Return the reporting date before this one: the start of the period it covers."""
    earlier = [d for d in due_dates(regulation, due_on.year) if d < due_on]
    if earlier:
        return earlier[-1]
    return due_dates(regulation, due_on.year - 1)[-1]


def last_passed_due(regulation: Regulation, today: datetime.date) -> datetime.date:
    """Return the latest reporting date before today."""
    return previous_due(regulation, next_due(regulation, today))


def owes_condition(due_on: datetime.date, prefix: str = "") -> Q:
    """Return the memberships that owe a report for the date: in the reserve on it, long enough.

    In the reserve on the date: included at least MIN_DAYS_IN_RESERVE days before, and not left
    before it (appointed, excluded or expired later, or still there).
    """
    included_by = due_on - datetime.timedelta(days=MIN_DAYS_IN_RESERVE)
    return Q(**{f"{prefix}started_on__lte": included_by}) & (
        Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gt": due_on})
    )

"""The periods the dashboards offer: years, half-years, the last twelve months."""

import datetime

from core.dates import months_after
from monitoring.indicators.base import Period

LAST_TWELVE = "12m"


def _year(year: int) -> Period:
    return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year} год")


def _half(year: int, half: int) -> Period:
    if half == 1:
        return Period(
            datetime.date(year, 1, 1), datetime.date(year, 6, 30), f"1-е полугодие {year}"
        )
    return Period(datetime.date(year, 7, 1), datetime.date(year, 12, 31), f"2-е полугодие {year}")


def period_choices(today: datetime.date) -> list[tuple[str, Period]]:
    """Return the periods to choose from, the default (the last twelve months) first."""
    start = months_after(today, -12) + datetime.timedelta(days=1)
    choices = [(LAST_TWELVE, Period(start, today, "последние 12 месяцев"))]
    for year in (today.year, today.year - 1):
        choices.append((str(year), _year(year)))
        for half in (2, 1):
            period = _half(year, half)
            if period.starts_on <= today:
                choices.append((f"{year}-h{half}", period))
    return choices


def period_for(key: str | None, today: datetime.date) -> tuple[str, Period]:
    """Return the chosen period, or the default one for an unknown key."""
    choices = period_choices(today)
    for choice_key, period in choices:
        if choice_key == key:
            return choice_key, period
    return choices[0]


def month_period(month: datetime.date) -> Period:
    """Return the calendar month that starts on `month`."""
    first = month.replace(day=1)
    last = months_after(first, 1) - datetime.timedelta(days=1)
    return Period(first, last, f"{first:%m.%Y}")

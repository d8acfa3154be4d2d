"""Calendar arithmetic the signals and terms need: the same day some years or months away."""

import datetime


def years_before(day: datetime.date, years: int) -> datetime.date:
    """Return the same calendar day the given number of years earlier (29 Feb → 28 Feb)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def months_after(day: datetime.date, months: int) -> datetime.date:
    """Return the day the given number of months later, clipped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")

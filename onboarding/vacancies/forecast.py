"""The rules of the vacancy forecast: when a head's post is likely to fall vacant, and why.

Pure functions over dates, so each boundary can be tested and each reason said in words.

A head's post is forecast to fall vacant within the horizon (12, 24 or 36 months from today,
the horizon's last day included) when

* the head reaches the chosen age (60 by default, as the home page's signal; the page lets the
  user choose another) on or before the horizon's last day — a head already past it counts too;
* or the head's employment contract ends on or before the horizon's last day — a contract that
  has already ended counts too, and says that the registry needs checking.

The post is expected to fall vacant on the earliest of those dates, today at the earliest.
Only heads are forecast: the registry holds no data on deputies.

A head born on 29 February reaches an age on 1 March of a year that has no 29 February, so
that «born on or before years_before(horizon end, age)» — the query the pages run — and
«reaches the age on or before the horizon's end» are the same rule.
"""

import datetime
from dataclasses import dataclass

from core.dates import months_after, years_before
from core.russian import quantity

HORIZONS = (12, 24, 36)
DEFAULT_HORIZON = 12
# Heads of this age and older are flagged (registry.selectors.RETIREMENT_SIGNAL_AGE says why 60).
DEFAULT_AGE = 60
AGES = tuple(range(55, 71))

RETIREMENT = "retirement"
CONTRACT_END = "contract_end"


@dataclass(frozen=True)
class Reason:
    """One reason a post may fall vacant: its kind, the day it takes effect, said in words."""

    kind: str
    on: datetime.date
    text: str


def horizon_end(today: datetime.date, months: int) -> datetime.date:
    """Return the horizon's last day: the same day `months` months from today."""
    return months_after(today, months)


def age_reached_on(birth_date: datetime.date, age: int) -> datetime.date:
    """Return the day a person born on `birth_date` reaches `age` (29 February → 1 March)."""
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:
        return datetime.date(birth_date.year + age, 3, 1)


def latest_birth_date(end: datetime.date, age: int) -> datetime.date:
    """Return the latest birth date of a head who reaches `age` by the day `end`."""
    return years_before(end, age)


def _age_on(birth_date: datetime.date, day: datetime.date) -> int:
    years = day.year - birth_date.year
    return years if age_reached_on(birth_date, years) <= day else years - 1


def forecast_reasons(
    *,
    birth_date: datetime.date | None,
    contract_end: datetime.date | None,
    today: datetime.date,
    end: datetime.date,
    age: int,
) -> list[Reason]:
    """Return why the head's post may fall vacant by the day `end`, earliest first."""
    reasons = []
    if birth_date is not None and birth_date <= latest_birth_date(end, age):
        reached = age_reached_on(birth_date, age)
        if reached <= today:
            years = _age_on(birth_date, today)
            text = f"руководителю {quantity(years, 'год', 'года', 'лет')} ({age} и больше)"
        else:
            text = f"руководителю исполнится {age} {_years_word(age)} {reached:%d.%m.%Y}"
        reasons.append(Reason(RETIREMENT, reached, text))
    if contract_end is not None and contract_end <= end:
        if contract_end < today:
            text = (
                f"трудовой договор руководителя истёк {contract_end:%d.%m.%Y} — "
                "проверьте сведения реестра"
            )
        else:
            text = f"трудовой договор руководителя истекает {contract_end:%d.%m.%Y}"
        reasons.append(Reason(CONTRACT_END, contract_end, text))
    return sorted(reasons, key=lambda reason: (reason.on, reason.kind))


def expected_on(reasons: list[Reason], today: datetime.date) -> datetime.date:
    """Return the day the post is expected to fall vacant: the earliest reason, not before today."""
    return max(min(reason.on for reason in reasons), today)


def _years_word(number: int) -> str:
    return quantity(number, "год", "года", "лет").split(" ", 1)[1]

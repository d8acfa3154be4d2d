"""What an indicator is: a formula in words, a grouped count per municipality, the rows behind it.

Every indicator is computed as a numerator (and, for shares and averages, a denominator) per
municipality, in a fixed number of grouped queries whatever the size of the data. The region's
figure adds up the municipalities' numerators and denominators — never an average of their
percentages.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from core.numbers import percent, round_half_up

COUNT, SHARE, AVERAGE = "count", "share", "average"


@dataclass(frozen=True)
class Period:
    """The dates an indicator looks at: flows between them, stocks as of the end."""

    starts_on: datetime.date
    ends_on: datetime.date
    label: str

    def as_of(self, today: datetime.date) -> datetime.date:
        """Return the day stocks are counted on: the period's end, or today if it is not over."""
        return min(self.ends_on, today)


@dataclass
class Figure:
    """An indicator's numbers for one municipality (or the region)."""

    numerator: Decimal = Decimal(0)
    denominator: Decimal = Decimal(0)
    group: int | None = None  # distinct people behind an average, where anonymity needs it

    def add(self, other: "Figure") -> None:
        self.numerator += other.numerator
        self.denominator += other.denominator
        if other.group is not None:
            self.group = (self.group or 0) + other.group


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[object], object]


@dataclass(frozen=True)
class Breakdown:
    """A split of the rows behind an indicator by one field: by category, by post, by status."""

    title: str
    field: str  # a values() lookup on the indicator's rows
    # (value, regulation in force) -> the name people read
    label: Callable[[object, object], str]


@dataclass(frozen=True)
class Indicator:
    """One indicator: its code, name, formula in words, and how it is counted."""

    code: str
    title: str
    formula: str
    stage: str
    unit: str
    kind: str
    # (period, today) -> {municipality_id: Figure}
    figures: Callable[[Period, datetime.date], dict[int, Figure]]
    # (period, today) -> the rows behind the numerator, with municipality_id for scoping
    rows: Callable[[Period, datetime.date], QuerySet] | None = None
    municipality_lookup: str = "municipality_id"
    columns: tuple[Column, ...] = field(default_factory=tuple)
    # Groups smaller than this are not shown (anonymity of the well-being pulse).
    min_group: int = 0
    higher_is_better: bool = True
    divisor: int = 1  # a count shown in larger units: minutes as hours
    breakdowns: tuple[Breakdown, ...] = ()

    def value(self, figure: Figure | None) -> Decimal | None:
        """Return the number shown: a count, a percentage (0–100) or an average; None if none."""
        if figure is None:
            return Decimal(0) if self.kind == COUNT else None
        if self.kind == COUNT:
            return round_half_up(figure.numerator / self.divisor, 1 if self.divisor > 1 else 0)
        if not figure.denominator:
            return None
        if self.min_group and (figure.group or 0) < self.min_group:
            return None
        if self.kind == SHARE:
            return percent(figure.numerator, figure.denominator, 1)
        return round_half_up(figure.numerator / figure.denominator, 1)

    def display(self, figure: Figure | None) -> str:
        """Return the value as people read it: «12», «45,5 %», «—»."""
        value = self.value(figure)
        if value is None:
            return "—"
        text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
        text = text.replace(".", ",")
        return f"{text} %" if self.kind == SHARE else text

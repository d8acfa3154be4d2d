"""Reads of the indicators: the dashboard table, one indicator's rows, the trend from snapshots.

A dashboard is one grouped query per indicator plus the municipalities: its query count does not
depend on how many reservists, plans or reports there are.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet

from accounts.access import bound_municipality_id, covers_municipality, is_region_wide
from monitoring.indicators.base import Figure, Indicator, Period
from monitoring.indicators.definitions import ALL, BY_CODE
from monitoring.models import IndicatorSnapshot
from registry.models import Municipality


@dataclass
class Cell:
    indicator: Indicator
    figure: Figure | None

    @property
    def value(self):
        return self.indicator.value(self.figure)

    @property
    def text(self) -> str:
        return self.indicator.display(self.figure)


@dataclass
class Row:
    municipality_id: int | None
    name: str
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Dashboard:
    period: Period
    indicators: list[Indicator]
    rows: list[Row]  # the municipalities the user may see
    region: Row  # the region's figures (sums over every municipality)


def dashboard(
    user, *, period: Period, today: datetime.date, indicators: list[Indicator] | None = None
) -> Dashboard:
    """Return the indicators by municipality the user may see, and the region's figures."""
    indicators = indicators or ALL
    figures = [indicator.figures(period, today) for indicator in indicators]
    municipalities = Municipality.objects.order_by("name").values_list("pk", "name")
    bound = bound_municipality_id(user)
    rows = []
    for municipality_id, name in municipalities:
        if not is_region_wide(user) and municipality_id != bound:
            continue
        rows.append(
            Row(
                municipality_id,
                name,
                [
                    Cell(ind, per.get(municipality_id))
                    for ind, per in zip(indicators, figures, strict=True)
                ],
            )
        )
    region_cells = []
    for indicator, per in zip(indicators, figures, strict=True):
        total = Figure(group=0 if indicator.min_group else None)
        for figure in per.values():
            total.add(figure)
        region_cells.append(Cell(indicator, total))
    return Dashboard(period, indicators, rows, Row(None, "Оренбургская область", region_cells))


def indicator_rows(
    user, *, code: str, period: Period, today: datetime.date, municipality_id: int | None
) -> QuerySet | None:
    """Return the rows behind an indicator's number, limited to what the user may see.

    None when the indicator has no list (the anonymous well-being index) or the user may not see
    the municipality asked for.
    """
    indicator = BY_CODE[code]
    if indicator.rows is None:
        return None
    if municipality_id is None:
        if not is_region_wide(user):
            return None
        return indicator.rows(period, today)
    if not covers_municipality(user, municipality_id):
        return None
    return indicator.rows(period, today).filter(**{indicator.municipality_lookup: municipality_id})


def trend(code: str, *, municipality_id: int | None, months: int = 12) -> list[IndicatorSnapshot]:
    """Return the latest monthly snapshots of an indicator, oldest first (one query)."""
    snapshots = IndicatorSnapshot.objects.filter(code=code, municipality_id=municipality_id)
    return list(reversed(list(snapshots.order_by("-month")[:months])))

"""Reads of the roadmap: the filtered list, the timeline's geometry, the state in numbers."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from core.numbers import percent
from core.search import search
from governance import access
from governance.roadmap.models import RoadmapItem, RoadmapStage, RoadmapStatus

OVERDUE = "overdue"


def roadmap_items_filtered(
    *,
    user,
    today: datetime.date,
    stage: str = "",
    status: str = "",
    year: int | None = None,
    query: str = "",
) -> QuerySet[RoadmapItem]:
    """Return the user's roadmap items matching the filters, in number order."""
    items = access.roadmap_items_visible_to(user).select_related("responsible_organization")
    if stage:
        items = items.filter(stage=stage)
    if status == OVERDUE:
        items = items.filter(RoadmapItem.overdue_condition(today))
    elif status:
        items = items.filter(status=status)
    if year:
        items = items.filter(starts_on__year__lte=year, ends_on__year__gte=year)
    items = search(items, query, ["number", "title", "responsible", "partners"])
    return items.order_by("sort_key", "number")


@dataclass
class Bar:
    item: RoadmapItem
    x: float  # percent of the timeline's width
    width: float
    overdue: bool


@dataclass
class Lane:
    stage: str
    label: str
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Timeline:
    starts_on: datetime.date
    ends_on: datetime.date
    lanes: list[Lane]
    years: list[tuple[int, float, float]]  # (year, x %, width %)
    quarters: list[float]  # x % of every quarter's start but the first
    today_x: float | None
    overdue_count: int

    @property
    def is_empty(self) -> bool:
        return not any(lane.bars for lane in self.lanes)


def _percent(day: datetime.date, start: datetime.date, span_days: int) -> float:
    return round(100 * (day - start).days / span_days, 3)


def roadmap_timeline(items: list[RoadmapItem], *, today: datetime.date) -> Timeline:
    """Return the Gantt layout of the items: a lane per stage, whole years across."""
    first_year = min((item.starts_on.year for item in items), default=today.year)
    last_year = max((item.ends_on.year for item in items), default=today.year)
    start = datetime.date(first_year, 1, 1)
    end = datetime.date(last_year + 1, 1, 1)
    span = (end - start).days
    lanes = {stage.value: Lane(stage.value, stage.label) for stage in RoadmapStage}
    overdue_count = 0
    for item in items:
        overdue = item.overdue_on(today)
        overdue_count += overdue
        x = _percent(item.starts_on, start, span)
        # The end day is included in the item's period.
        width = max(_percent(item.ends_on + datetime.timedelta(days=1), start, span) - x, 0.6)
        lanes[item.stage].bars.append(Bar(item=item, x=x, width=width, overdue=overdue))
    years = []
    quarters = []
    for year in range(first_year, last_year + 1):
        x = _percent(datetime.date(year, 1, 1), start, span)
        years.append((year, x, _percent(datetime.date(year + 1, 1, 1), start, span) - x))
        quarters += [_percent(datetime.date(year, month, 1), start, span) for month in (4, 7, 10)]
        if year > first_year:
            quarters.append(x)
    return Timeline(
        starts_on=start,
        ends_on=end - datetime.timedelta(days=1),
        lanes=[lane for lane in lanes.values() if lane.bars],
        years=years,
        quarters=sorted(quarters),
        today_x=_percent(today, start, span) if start <= today < end else None,
        overdue_count=overdue_count,
    )


@dataclass(frozen=True)
class RoadmapState:
    """The roadmap in numbers, for the dashboards and the strategic session's summary."""

    total: int
    done: int
    in_progress: int
    overdue: int
    cancelled: int
    budget_total: Decimal
    measured: int  # items whose actual value the portal fills

    @property
    def done_percent(self) -> int:
        return percent(self.done, self.total - self.cancelled)


def roadmap_state(*, today: datetime.date) -> RoadmapState:
    """Return the counts of the roadmap's items by state and its budget, in one query."""
    numbers = RoadmapItem.objects.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=RoadmapStatus.DONE)),
        in_progress=Count("pk", filter=Q(status=RoadmapStatus.IN_PROGRESS)),
        cancelled=Count("pk", filter=Q(status=RoadmapStatus.CANCELLED)),
        overdue=Count("pk", filter=RoadmapItem.overdue_condition(today)),
        measured=Count("pk", filter=~Q(indicator_code="")),
        budget=Sum("budget_amount"),
    )
    return RoadmapState(
        total=numbers["total"],
        done=numbers["done"],
        in_progress=numbers["in_progress"],
        overdue=numbers["overdue"],
        cancelled=numbers["cancelled"],
        budget_total=numbers["budget"] or Decimal(0),
        measured=numbers["measured"],
    )


def roadmap_overdue(*, today: datetime.date, limit: int = 10) -> list[RoadmapItem]:
    """Return the overdue items, the longest overdue first."""
    return list(
        RoadmapItem.objects.filter(RoadmapItem.overdue_condition(today)).order_by("ends_on")[:limit]
    )

"""The numbers of a report on the reserve, taken from the indicators and the memberships.

One builder for the municipality's half-yearly report, the region's annual report and the
strategic session's summary: the .xlsx layouts and the .docx narratives read the same numbers.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, F

from candidates.models import MembershipStatus, ReserveMembership
from core.numbers import percent
from governance.regulation import Regulation
from governance.roadmap.selectors import RoadmapState, roadmap_state
from monitoring.indicators import sources
from monitoring.indicators.base import Figure, Indicator, Period
from monitoring.indicators.definitions import BY_CODE
from registry.models import Municipality, PositionKind

# The indicators every report states, in the order the reports state them.
REPORT_CODES = [
    "reserve_size",
    "nominations_total",
    "eligibility_pass_rate",
    "assessment_pass_rate",
    "forecast_vacancies",
    "forecast_vacancies_24",
    "forecast_vacancies_36",
    "vacancy_coverage",
    "plans_share",
    "plan_items_done_share",
    "practice_evidence_share",
    "overdue_plan_items",
    "mentored_share",
    "mentors_total",
    "mentees_waiting",
    "mentor_places_free",
    "session_hours",
    "reports_on_time_share",
    "appointed_from_reserve",
    "wellbeing_index",
]
APPOINTED_WITHIN_DAYS = 365


@dataclass
class Line:
    indicator: Indicator
    figure: Figure | None

    @property
    def text(self) -> str:
        return self.indicator.display(self.figure)

    @property
    def value(self):
        return self.indicator.value(self.figure)


@dataclass
class ReportData:
    title: str
    territory: str
    period: Period
    as_of: datetime.date
    lines: dict[str, Line]
    by_category: list[tuple[str, int]]
    by_readiness: list[tuple[str, int]]
    by_post: list[tuple[str, int]]
    included: int
    appointed: int
    appointed_within_year: int
    excluded: list[tuple[str, int]]
    expired: int
    roadmap: RoadmapState | None
    by_municipality: list[tuple[str, list[int], int]] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)

    @property
    def appointed_within_year_percent(self) -> str:
        if not self.appointed:
            return "—"
        return f"{percent(self.appointed_within_year, self.appointed)} %"

    @property
    def excluded_total(self) -> int:
        return sum(count for _, count in self.excluded)

    def line(self, code: str) -> Line:
        return self.lines[code]


def _figure(indicator: Indicator, period: Period, today, municipality_id: int | None) -> Figure:
    per = indicator.figures(period, today)
    if municipality_id is not None:
        return per.get(municipality_id, Figure(group=0 if indicator.min_group else None))
    total = Figure(group=0 if indicator.min_group else None)
    for figure in per.values():
        total.add(figure)
    return total


def _counts(queryset, field_name: str, names: dict[str, str]) -> list[tuple[str, int]]:
    found = Counter(dict(queryset.order_by().values_list(field_name).annotate(n=Count("pk"))))
    return [(name, found.get(code, 0)) for code, name in names.items()]


def report_data(
    *,
    title: str,
    period: Period,
    today: datetime.date,
    regulation: Regulation,
    municipality: Municipality | None = None,
    with_municipalities: bool = False,
) -> ReportData:
    """Return every number of a report for the municipality (or the region) and the period."""
    municipality_id = municipality.pk if municipality else None
    as_of = period.as_of(today)
    lines = {
        code: Line(BY_CODE[code], _figure(BY_CODE[code], period, today, municipality_id))
        for code in REPORT_CODES
    }
    reserve = sources.in_reserve(period, today)
    memberships = ReserveMembership.objects.all()
    if municipality_id is not None:
        reserve = reserve.filter(municipality_id=municipality_id)
        memberships = memberships.filter(municipality_id=municipality_id)
    posts = dict(PositionKind.objects.order_by("pk").values_list("pk", "name"))
    in_period = {"ended_on__gte": period.starts_on, "ended_on__lte": period.ends_on}
    appointed = memberships.filter(status=MembershipStatus.APPOINTED, **in_period)
    excluded = memberships.filter(status=MembershipStatus.EXCLUDED, **in_period)
    data = ReportData(
        title=title,
        territory=municipality.name if municipality else "Оренбургская область",
        period=period,
        as_of=as_of,
        lines=lines,
        by_category=_counts(reserve, "category", {c.code: c.name for c in regulation.categories}),
        by_readiness=_counts(
            reserve, "readiness", {c.code: c.name for c in regulation.readiness_levels}
        ),
        by_post=[
            (name, count) for name, count in _counts(reserve, "position_kind_id", posts) if count
        ],
        included=memberships.filter(
            started_on__gte=period.starts_on, started_on__lte=period.ends_on
        ).count(),
        appointed=appointed.count(),
        appointed_within_year=appointed.filter(
            ended_on__lte=F("started_on") + datetime.timedelta(days=APPOINTED_WITHIN_DAYS)
        ).count(),
        excluded=[
            (name, count)
            for name, count in _counts(
                excluded,
                "exclusion_ground",
                {c.code: c.name for c in regulation.exclusion_grounds},
            )
            if count
        ],
        expired=memberships.filter(status=MembershipStatus.EXPIRED, **in_period).count(),
        roadmap=roadmap_state(today=today) if municipality is None else None,
    )
    if with_municipalities:
        grid = Counter(
            {
                (row["municipality_id"], row["position_kind_id"]): row["n"]
                for row in reserve.order_by()
                .values("municipality_id", "position_kind_id")
                .annotate(n=Count("pk"))
            }
        )
        used = [pk for pk in posts if any(grid[(m, pk)] for m, _ in grid)]
        data.posts = [posts[pk] for pk in used]
        for pk, name in Municipality.objects.order_by("name").values_list("pk", "name"):
            counts = [grid[(pk, post)] for post in used]
            if sum(counts):
                data.by_municipality.append((name, counts, sum(counts)))
    return data

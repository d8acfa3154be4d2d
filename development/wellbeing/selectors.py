"""Reads of the well-being pulse: a person's own trend, and staff aggregates of five or more.

Staff never receive a row of anyone's answers. The aggregates are built here from per-person
figures and leave this module as group cells; a cell of fewer than MIN_GROUP_SIZE people carries
no number at all, so no template or export can show one by mistake.

Complementary disclosure. A table of groups (by municipality, by cohort) partitions the same
people as its total, and either table's total can be summed from the other if that one is shown
in full. So hiding a small group is not enough when it is the only one hidden: total minus the
shown groups would give it back. Within each table, while the hidden groups together hold 1–4
people, the smallest shown group is hidden as well («скрыто, чтобы нельзя было вычислить малую
группу»). Then whatever can be subtracted out of a table covers at least five people. Hiding the
total instead would not help: the other table, shown in full, adds up to it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean

from django.db.models import Exists, OuterRef

from accounts.access import bound_municipality_id
from candidates.models import MembershipStatus, ReserveMembership
from core.numbers import percent, round_half_up
from development import access
from development.models import Mentor, PulseResponse, PulseScale
from development.wellbeing.questionnaire import (
    LOW_INDEX_MAX,
    MIN_GROUP_SIZE,
    PULSE_ITEMS,
    index_level,
    is_low,
    is_very_low,
)
from governance.models import ConsentPurpose, ConsentRecord
from registry.models import Municipality

MONTH_NAMES = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
ROMAN = ("I", "II", "III", "IV")
HIDDEN_SMALL = "недостаточно ответов (меньше 5)"
HIDDEN_COMPLEMENT = "скрыто, чтобы нельзя было вычислить малую группу"
NO_MUNICIPALITY = "Муниципальное образование не указано"
MENTORS_GROUP = "Наставники"
TREND_QUARTERS = 4
QUARTER_CHOICES = 8


def month_label(day: datetime.date) -> str:
    """Return the month of the date in words: «март 2026»."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter: the period of the staff aggregates."""

    year: int
    number: int

    @classmethod
    def of(cls, day: datetime.date) -> "Quarter":
        """Return the quarter the date falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def from_key(cls, key: str) -> "Quarter | None":
        """Return the quarter written as "2026-1", or None for anything else."""
        year, _, number = (key or "").partition("-")
        if not (year.isdigit() and number in {"1", "2", "3", "4"}):
            return None
        if not 2000 <= int(year) <= 2100:
            return None
        return cls(int(year), int(number))

    @property
    def key(self) -> str:
        return f"{self.year}-{self.number}"

    @property
    def label(self) -> str:
        return f"{ROMAN[self.number - 1]} квартал {self.year} г."

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> datetime.date:
        return self.following().start - datetime.timedelta(days=1)

    def following(self) -> "Quarter":
        """Return the next quarter."""
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> "Quarter":
        """Return the quarter before."""
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )


def recent_quarters(today: datetime.date, count: int = QUARTER_CHOICES) -> list[Quarter]:
    """Return the current quarter and the ones before it, newest first."""
    quarters = [Quarter.of(today)]
    while len(quarters) < count:
        quarters.append(quarters[-1].previous())
    return quarters


# --- The person's own answers ------------------------------------------------------------------


@dataclass(frozen=True)
class PulseGroup:
    """The groups an answer counts in: the reserve's municipality and the year of inclusion."""

    municipality_id: int | None
    cohort_year: int | None


def active_membership_of(user) -> ReserveMembership | None:
    """Return the reservist's earliest active membership of the reserve, or None."""
    return (
        ReserveMembership.objects.filter(candidate__user=user, status=MembershipStatus.ACTIVE)
        .order_by("started_on", "pk")
        .first()
    )


def pulse_group_of(user) -> PulseGroup:
    """Return the groups the person's answer counts in now (mentors have no cohort)."""
    if access.answers_pulse_as_mentor(user):
        mentor = Mentor.objects.filter(user=user).select_related("organization").first()
        return PulseGroup(mentor.organization.municipality_id if mentor else None, None)
    membership = active_membership_of(user)
    if membership is None:
        return PulseGroup(None, None)
    return PulseGroup(membership.municipality_id, membership.started_on.year)


def response_of_month(user, day: datetime.date) -> PulseResponse | None:
    """Return the person's answer for the month of the date, if there is one."""
    return (
        access.pulse_responses_visible_to(user)
        .filter(submitted_on__year=day.year, submitted_on__month=day.month)
        .first()
    )


@dataclass(frozen=True)
class AnswerLine:
    topic: str
    answer: int
    low_label: str
    high_label: str


@dataclass(frozen=True)
class TrendPoint:
    """One month of the person's own trend."""

    month: str
    short_month: str
    submitted_on: datetime.date
    index: int
    level: str
    answers: list[AnswerLine] = field(default_factory=list)
    # An answer to the portal's earlier questionnaire: shown in the history, never compared.
    is_old_scale: bool = False

    @property
    def is_low(self) -> bool:
        """Return whether WHO-5 calls the index low (offer help); never for the old scale."""
        return not self.is_old_scale and is_low(self.index)

    @property
    def is_very_low(self) -> bool:
        return not self.is_old_scale and is_very_low(self.index)


def _point(response: PulseResponse) -> TrendPoint:
    old = response.scale != PulseScale.WHO5
    return TrendPoint(
        month=month_label(response.submitted_on),
        short_month=response.submitted_on.strftime("%m.%Y"),
        submitted_on=response.submitted_on,
        index=response.index,
        level=PulseScale(response.scale).label if old else index_level(response.index),
        answers=[]
        if old
        else [
            AnswerLine(item.topic, answer, item.low_label, item.high_label)
            for item, answer in zip(PULSE_ITEMS, response.answers, strict=False)
        ],
        is_old_scale=old,
    )


def own_trend(user) -> list[TrendPoint]:
    """Return the person's own answers month by month, oldest first; nobody else's."""
    responses = access.pulse_responses_visible_to(user).order_by("submitted_on")
    return [_point(response) for response in responses]


def own_chart_data(points: list[TrendPoint]) -> dict:
    """Return the line chart's data: every month from the first answer, gaps left empty."""
    points = [point for point in points if not point.is_old_scale]
    by_month = {(point.submitted_on.year, point.submitted_on.month): point for point in points}
    labels: list[str] = []
    values: list[int | None] = []
    if points:
        day = points[0].submitted_on.replace(day=1)
        last = points[-1].submitted_on.replace(day=1)
        while day <= last:
            point = by_month.get((day.year, day.month))
            labels.append(month_label(day))
            values.append(point.index if point else None)
            day = (day + datetime.timedelta(days=31)).replace(day=1)
    return {"labels": labels, "values": values, "threshold": LOW_INDEX_MAX}


# --- Staff aggregates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """A group's figures as staff may see them; a hidden cell holds no number at all."""

    label: str
    people: int | None = None
    mean_index: float | None = None
    low_share: int | None = None
    hidden: str = ""


@dataclass(frozen=True)
class PulseSummary:
    quarter: Quarter
    scope: str
    total: Cell
    by_municipality: list[Cell] | None
    by_cohort: list[Cell]
    trend: list[tuple[Quarter, Cell]]


@dataclass
class _Person:
    indices: list[int]
    municipality_id: int | None
    cohort_year: int | None

    @property
    def index(self) -> float:
        # A person counts once per quarter, with the mean of their monthly answers in it.
        return fmean(self.indices)


def _figures(label: str, people: list[_Person]) -> Cell:
    """Return the group's shown figures, or a hidden cell below five people."""
    count = len(people)
    if count < MIN_GROUP_SIZE:
        return Cell(label, hidden=HIDDEN_SMALL)
    low = sum(1 for person in people if is_low(person.index))
    return Cell(
        label,
        people=count,
        mean_index=float(round_half_up(fmean(person.index for person in people), 1)),
        low_share=percent(low, count),
    )


def suppressed_table(groups: list[tuple[str, list[_Person]]]) -> list[Cell]:
    """Return the cells of a table that partitions its total, with complementary suppression."""
    sizes = [len(people) for _, people in groups]
    hidden = {i: HIDDEN_SMALL for i, size in enumerate(sizes) if size < MIN_GROUP_SIZE}
    remainder = sum(sizes[i] for i in hidden)
    while 0 < remainder < MIN_GROUP_SIZE:
        shown = [i for i in range(len(groups)) if i not in hidden]
        if not shown:
            break  # the total itself is below five and is hidden too
        smallest = min(shown, key=lambda i: (sizes[i], groups[i][0]))
        hidden[smallest] = HIDDEN_COMPLEMENT
        remainder += sizes[smallest]
    return [
        Cell(label, hidden=hidden[i]) if i in hidden else _figures(label, people)
        for i, (label, people) in enumerate(groups)
    ]


def consenting_author() -> Exists:
    """Return the condition that the answer's author still consents to the pulse."""
    return Exists(
        ConsentRecord.objects.filter(
            user=OuterRef("user"),
            text__purpose=ConsentPurpose.WELLBEING,
            withdrawn_at__isnull=True,
        )
    )


def _people_by_quarter(user, quarters: list[Quarter]) -> dict[Quarter, dict[int, _Person]]:
    """Return each quarter's people in the user's territory, from one query."""
    rows = (
        access.pulse_responses_counted_for(user)
        # Only WHO-5 answers: an index of the portal's earlier questionnaire is not comparable.
        .filter(scale=PulseScale.WHO5)
        .filter(submitted_on__gte=quarters[0].start, submitted_on__lte=quarters[-1].end)
        .filter(consenting_author())
        .order_by("user_id", "submitted_on")
        .values_list("user_id", "submitted_on", "index", "municipality_id", "cohort_year")
    )
    people: dict[Quarter, dict[int, _Person]] = defaultdict(dict)
    for user_id, submitted_on, index, municipality_id, cohort_year in rows:
        quarter_people = people[Quarter.of(submitted_on)]
        person = quarter_people.get(user_id)
        if person is None:
            quarter_people[user_id] = _Person([index], municipality_id, cohort_year)
        else:
            # Rows come in date order: the latest answer's groups stand for the quarter.
            person.indices.append(index)
            person.municipality_id = municipality_id
            person.cohort_year = cohort_year
    return people


def _cohort_label(year: int | None) -> str:
    return MENTORS_GROUP if year is None else f"Включены в резерв в {year} г."


def _scope_label(user) -> str:
    if access.works_region_wide(user):
        return "Оренбургская область"
    municipality = Municipality.objects.filter(pk=bound_municipality_id(user)).first()
    return municipality.name if municipality else ""


def pulse_summary(user, quarter: Quarter) -> PulseSummary:
    """Return the staff aggregates of the quarter in the user's territory, small groups hidden."""
    quarters = [quarter]
    while len(quarters) < TREND_QUARTERS:
        quarters.insert(0, quarters[0].previous())
    people_by_quarter = _people_by_quarter(user, quarters)
    people = list(people_by_quarter.get(quarter, {}).values())

    cohorts: dict[int | None, list[_Person]] = defaultdict(list)
    for person in people:
        cohorts[person.cohort_year].append(person)
    cohort_keys = sorted(cohorts, key=lambda year: (year is None, -(year or 0)))
    by_cohort = suppressed_table([(_cohort_label(year), cohorts[year]) for year in cohort_keys])

    by_municipality = None
    if access.works_region_wide(user):
        municipalities: dict[int | None, list[_Person]] = defaultdict(list)
        for person in people:
            municipalities[person.municipality_id].append(person)
        names = dict(
            Municipality.objects.filter(pk__in=[pk for pk in municipalities if pk]).values_list(
                "pk", "name"
            )
        )
        groups = sorted(
            ((names.get(pk, NO_MUNICIPALITY), members) for pk, members in municipalities.items()),
            key=lambda group: (group[0] == NO_MUNICIPALITY, group[0]),
        )
        by_municipality = suppressed_table(groups)

    return PulseSummary(
        quarter=quarter,
        scope=_scope_label(user),
        total=_figures("Всего", people),
        by_municipality=by_municipality,
        by_cohort=by_cohort,
        trend=[
            (q, _figures(q.label, list(people_by_quarter.get(q, {}).values())))
            for q in reversed(quarters)
        ],
    )

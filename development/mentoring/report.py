"""The mentor effectiveness report: per mentor the agreed measures, compared with the region.

Every figure is computed in a fixed number of queries, whatever the number of mentors:
the mentors, their pairs, the sessions' sums, the plans' items and the mentees' results —
each read once for the whole region and grouped here. The region's median of each column is
taken over all the region's mentors, so a coordinator who sees only their municipality's
mentors still compares them with the whole region.
"""

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, QuerySet, Sum

from candidates.models import MembershipStatus
from core.numbers import percent, round_half_up
from development.mentoring.selectors import completed_results_by_candidate
from development.models import (
    Mentor,
    MentoringSession,
    Mentorship,
    MentorshipStatus,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
    SessionConfirmation,
)

# Pairs whose mentees count for the mentor: the ones that went ahead, running or finished.
COUNTED_STATUSES = (MentorshipStatus.ACTIVE, MentorshipStatus.COMPLETED)
# Plans that are being carried out: a draft's items are not yet work to be done.
WORKING_PLAN_STATUSES = (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.COMPLETED)
NO_DATA = "нет данных"


@dataclass
class MentorRow:
    """One mentor's line of the report; None in a measure means there is nothing to measure."""

    mentor: Mentor
    mentees_active: int = 0
    mentees_completed: int = 0
    sessions_confirmed: int = 0
    minutes_confirmed: int = 0
    sessions_disputed: int = 0
    mean_usefulness: float | None = None
    plan_completion: float | None = None
    growth: float | None = None
    appointed: int = 0
    mentees_with_plans: int = 0
    mentees_with_growth: int = 0

    @property
    def hours_confirmed(self) -> float:
        return float(round_half_up(self.minutes_confirmed / 60, 1))

    @property
    def confirmation_rate(self) -> float | None:
        answered = self.sessions_confirmed + self.sessions_disputed
        return float(percent(self.sessions_confirmed, answered, places=1)) if answered else None


@dataclass(frozen=True)
class Column:
    """A column of the comparison: its key for sorting, its heading, how a value is shown."""

    key: str
    title: str
    value: Callable[[MentorRow], float | int | None]
    unit: str = ""
    hint: str = ""

    def show(self, value: float | int | None) -> str:
        """Return the value as the table shows it, «нет данных» when there is none."""
        if value is None:
            return NO_DATA
        text = f"{value:.1f}".replace(".", ",") if isinstance(value, float) else str(value)
        if self.key == "growth" and value > 0:
            text = f"+{text}"
        return f"{text}{self.unit}"


COLUMNS: tuple[Column, ...] = (
    Column(
        "active",
        "Пар сейчас",
        lambda row: row.mentees_active,
        hint="наставляемых в действующих парах",
    ),
    Column(
        "completed", "Пар завершено", lambda row: row.mentees_completed, hint="завершённые пары"
    ),
    Column(
        "sessions",
        "Встреч",
        lambda row: row.sessions_confirmed,
        hint="встречи, подтверждённые наставляемыми",
    ),
    Column(
        "hours",
        "Часов",
        lambda row: row.hours_confirmed,
        hint="часы подтверждённых встреч",
    ),
    Column(
        "confirmation",
        "Подтверждено",
        lambda row: row.confirmation_rate,
        unit=" %",
        hint="доля подтверждённых встреч среди тех, на которые наставляемый ответил",
    ),
    Column(
        "usefulness",
        "Польза, 1–5",
        lambda row: row.mean_usefulness,
        hint="средняя оценка пользы встреч наставляемыми",
    ),
    Column(
        "plans",
        "Планы выполнены",
        lambda row: row.plan_completion,
        unit=" %",
        hint="средняя по наставляемым доля выполненных пунктов их индивидуальных планов",
    ),
    Column(
        "growth",
        "Рост, баллов",
        lambda row: row.growth,
        hint=(
            "среднее изменение баллов (0–100) по компетенциям-дефицитам между двумя последними "
            "оценками каждого наставляемого"
        ),
    ),
    Column(
        "appointed",
        "Назначены",
        lambda row: row.appointed,
        hint="наставляемые, чьё членство в резерве закрыто назначением на должность руководителя",
    ),
)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}


@dataclass
class Report:
    """Rows of the mentors the viewer may see, sorted, and the region's medians per column."""

    rows: list[MentorRow]
    medians: dict[str, float | None] = field(default_factory=dict)
    sort: str = "name"
    descending: bool = False


def _mean(values: list[float]) -> float | None:
    return float(round_half_up(sum(values) / len(values), 1)) if values else None


def _pairs_by_mentor(rows: dict[int, MentorRow]) -> dict[int, list[dict]]:
    pairs = Mentorship.objects.filter(status__in=COUNTED_STATUSES).values(
        "mentor_id", "mentee_id", "membership_id", "status", "membership__status"
    )
    by_mentor: dict[int, list[dict]] = defaultdict(list)
    for pair in pairs:
        row = rows.get(pair["mentor_id"])
        if row is None:
            continue
        by_mentor[pair["mentor_id"]].append(pair)
        if pair["status"] == MentorshipStatus.ACTIVE:
            row.mentees_active += 1
        else:
            row.mentees_completed += 1
    for mentor_id, mentor_pairs in by_mentor.items():
        appointed = {
            pair["mentee_id"]
            for pair in mentor_pairs
            if pair["membership__status"] == MembershipStatus.APPOINTED
        }
        rows[mentor_id].appointed = len(appointed)
    return by_mentor


def _add_sessions(rows: dict[int, MentorRow]) -> None:
    confirmed = Q(confirmation=SessionConfirmation.CONFIRMED)
    sums = MentoringSession.objects.values("mentorship__mentor_id").annotate(
        confirmed=Count("pk", filter=confirmed),
        minutes=Sum("duration_minutes", filter=confirmed),
        disputed=Count("pk", filter=Q(confirmation=SessionConfirmation.DISPUTED)),
        usefulness=Avg("usefulness"),
    )
    for line in sums:
        row = rows.get(line["mentorship__mentor_id"])
        if row is None:
            continue
        row.sessions_confirmed = line["confirmed"]
        row.minutes_confirmed = line["minutes"] or 0
        row.sessions_disputed = line["disputed"]
        usefulness = line["usefulness"]
        row.mean_usefulness = None if usefulness is None else float(round_half_up(usefulness, 1))


def _add_plans(rows: dict[int, MentorRow], pairs: dict[int, list[dict]]) -> None:
    membership_ids = {
        pair["membership_id"] for mentor_pairs in pairs.values() for pair in mentor_pairs
    }
    items = (
        PlanItem.objects.filter(
            plan__membership_id__in=membership_ids, plan__status__in=WORKING_PLAN_STATUSES
        )
        .values("plan__membership_id")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=PlanItemStatus.DONE)))
    )
    completion = {
        line["plan__membership_id"]: line["done"] * 100 / line["total"]
        for line in items
        if line["total"]
    }
    for mentor_id, mentor_pairs in pairs.items():
        memberships = {pair["membership_id"] for pair in mentor_pairs}
        values = [completion[membership] for membership in memberships if membership in completion]
        rows[mentor_id].plan_completion = _mean(values)
        rows[mentor_id].mentees_with_plans = len(values)


def mentee_growth(results: list[dict]) -> float | None:
    """Return the mean change of the earlier result's gap competencies between the two latest.

    `results` are the mentee's finished results, the latest first; None with fewer than two or
    when the earlier one had no gap scored in both.
    """
    if len(results) < 2:
        return None
    latest, earlier = results[0], results[1]
    changes = [
        float(latest["competency_scores"][gap["code"]])
        - float(earlier["competency_scores"][gap["code"]])
        for gap in earlier["gaps"]
        if gap["code"] in latest["competency_scores"]
        and gap["code"] in earlier["competency_scores"]
    ]
    return sum(changes) / len(changes) if changes else None


def _add_growth(rows: dict[int, MentorRow], pairs: dict[int, list[dict]]) -> None:
    mentee_ids = {pair["mentee_id"] for mentor_pairs in pairs.values() for pair in mentor_pairs}
    results = completed_results_by_candidate(mentee_ids)
    growth = {mentee_id: mentee_growth(results.get(mentee_id, [])) for mentee_id in mentee_ids}
    for mentor_id, mentor_pairs in pairs.items():
        mentees = {pair["mentee_id"] for pair in mentor_pairs}
        values = [growth[mentee] for mentee in mentees if growth[mentee] is not None]
        rows[mentor_id].growth = _mean(values)
        rows[mentor_id].mentees_with_growth = len(values)


def region_rows() -> list[MentorRow]:
    """Return the report's line for every mentor of the region."""
    mentors = Mentor.objects.select_related("user", "organization__municipality").order_by(
        "user__last_name", "user__first_name", "pk"
    )
    rows = {mentor.pk: MentorRow(mentor=mentor) for mentor in mentors}
    pairs = _pairs_by_mentor(rows)
    _add_sessions(rows)
    _add_plans(rows, pairs)
    _add_growth(rows, pairs)
    return list(rows.values())


def medians(rows: Iterable[MentorRow]) -> dict[str, float | None]:
    """Return each column's median over the rows that have a value."""
    rows = list(rows)
    result = {}
    for column in COLUMNS:
        values = [value for row in rows if (value := column.value(row)) is not None]
        if not values:
            result[column.key] = None
            continue
        median = statistics.median(values)
        counts = all(isinstance(value, int) for value in values)
        # A median of counts stays a count when it is whole (2, not 2,0); else one decimal.
        whole = counts and float(median).is_integer()
        result[column.key] = int(median) if whole else float(round_half_up(median, 1))
    return result


def sort_rows(rows: list[MentorRow], key: str, descending: bool) -> list[MentorRow]:
    """Return the rows sorted by a column (rows without a value last) or by name."""
    by_name = sorted(rows, key=lambda row: (str(row.mentor), row.mentor.pk))
    column = COLUMN_BY_KEY.get(key)
    if column is None:
        return list(reversed(by_name)) if descending else by_name
    with_value = [row for row in by_name if column.value(row) is not None]
    without = [row for row in by_name if column.value(row) is None]
    with_value.sort(key=column.value, reverse=descending)
    return with_value + without


def effectiveness_report(visible: QuerySet[Mentor], *, sort: str, descending: bool) -> Report:
    """Return the report for the mentors the viewer may see, with the region's medians."""
    rows = region_rows()
    visible_ids = set(visible.values_list("pk", flat=True))
    shown = [row for row in rows if row.mentor.pk in visible_ids]
    key = sort if sort in COLUMN_BY_KEY else "name"
    return Report(
        rows=sort_rows(shown, key, descending),
        medians=medians(rows),
        sort=key,
        descending=descending,
    )

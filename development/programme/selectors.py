"""The comprehensive programme as data: modules by year, competency coverage, support, indicators.

The page and the .docx both read this, so that every number in either comes from the database.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from assessment.models import Competency, Result
from candidates.models import MembershipStatus, ReserveMembership
from core.numbers import percent, round_half_up
from development.models import (
    WORKING_STATUSES,
    Activity,
    ActivityKind,
    DevelopmentPlan,
    Mentor,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
    ProgrammeModule,
)
from governance.selectors import regulation_in_force

TITLE = (
    "Комплексная программа личностно-профессионального развития и карьерного роста резерва "
    "руководителей образовательных организаций Оренбургской области"
)


@dataclass
class ModuleRow:
    number: int
    module: ProgrammeModule
    codes: list[str]
    names: list[str]

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return list(zip(self.codes, self.names, strict=True))


@dataclass
class Year:
    year: int
    modules: list[ModuleRow] = field(default_factory=list)

    @property
    def hours(self) -> int:
        return sum(row.module.hours for row in self.modules)


@dataclass(frozen=True)
class Coverage:
    code: str
    name: str
    numbers: list[int]
    hours: int


@dataclass(frozen=True)
class Indicator:
    name: str
    method: str
    value: str


@dataclass
class Programme:
    years: list[Year]
    coverage: list[Coverage]
    term_years: int
    active_reservists: int
    mentoring_hours: dict[int, int]
    mentors_available: int
    internships: int
    internship_sites: int
    catalogue_by_kind: list[tuple[str, int]]
    catalogue_total: int
    indicators: list[Indicator]
    today: datetime.date

    @property
    def hours(self) -> int:
        return sum(year.hours for year in self.years)

    @property
    def modules_count(self) -> int:
        return sum(len(year.modules) for year in self.years)


def _years() -> list[Year]:
    modules = ProgrammeModule.objects.prefetch_related(
        Prefetch("competencies", queryset=Competency.objects.order_by("sort_order", "code"))
    ).order_by("year", "sort_order", "id")
    years: dict[int, Year] = {}
    for number, module in enumerate(modules, start=1):
        competencies = list(module.competencies.all())
        years.setdefault(module.year, Year(year=module.year)).modules.append(
            ModuleRow(
                number=number,
                module=module,
                codes=[competency.code for competency in competencies],
                names=[competency.name for competency in competencies],
            )
        )
    return list(years.values())


def _coverage(years: list[Year]) -> list[Coverage]:
    numbers: dict[str, list[int]] = defaultdict(list)
    hours: dict[str, int] = defaultdict(int)
    for year in years:
        for row in year.modules:
            for code in row.codes:
                numbers[code].append(row.number)
                hours[code] += row.module.hours
    return [
        Coverage(code=code, name=name, numbers=numbers.get(code, []), hours=hours.get(code, 0))
        for code, name in Competency.objects.filter(framework__is_current=True)
        .order_by("sort_order", "code")
        .values_list("code", "name")
    ]


def _growth_of_targeted() -> tuple[float | None, int]:
    """Return the mean score change of the competencies plans targeted, and how many were measured.

    For every plan made from a finished assessment, the later finished assessment of the same
    reservist (if any) is compared with the source, competency by competency the plan's items
    address.
    """
    plans = list(
        DevelopmentPlan.objects.filter(
            source_result__isnull=False, source_result__participant__completed_at__isnull=False
        ).values_list(
            "pk",
            "candidate_id",
            "source_result__competency_scores",
            "source_result__participant__completed_at",
        )
    )
    if not plans:
        return None, 0
    targeted: dict[int, set[str]] = defaultdict(set)
    for plan_id, code in PlanItem.objects.filter(
        plan_id__in=[row[0] for row in plans], competency__isnull=False
    ).values_list("plan_id", "competency__code"):
        targeted[plan_id].add(code)
    later: dict[int, list[tuple]] = defaultdict(list)
    for candidate_id, completed_at, scores in (
        Result.objects.filter(
            participant__candidate_id__in={row[1] for row in plans},
            participant__completed_at__isnull=False,
        )
        .order_by("participant__completed_at")
        .values_list("participant__candidate_id", "participant__completed_at", "competency_scores")
    ):
        later[candidate_id].append((completed_at, scores))
    changes = []
    for plan_id, candidate_id, before, source_completed in plans:
        after = [scores for done, scores in later[candidate_id] if done > source_completed]
        if not after:
            continue
        for code in targeted[plan_id]:
            if code in before and code in after[-1]:
                changes.append(after[-1][code] - before[code])
    if not changes:
        return None, 0
    return float(round_half_up(sum(changes) / len(changes), 1)), len(changes)


def mentoring_norm_hours() -> dict[int, int]:
    """Return the programme's hours of mentoring by year of membership (the sessions' norm).

    The mentoring modules are those whose title starts with «Наставничество».
    """
    norms: dict[int, int] = {}
    for year, hours in ProgrammeModule.objects.filter(
        title__istartswith="Наставничество"
    ).values_list("year", "hours"):
        norms[year] = norms.get(year, 0) + hours
    return norms


def _indicators(today: datetime.date, active: int) -> list[Indicator]:
    approved = (
        DevelopmentPlan.objects.filter(
            membership__status=MembershipStatus.ACTIVE,
            status__in=[*WORKING_STATUSES, PlanStatus.COMPLETED],
        )
        .values("membership")
        .distinct()
        .count()
    )
    items = PlanItem.objects.filter(plan__status__in=[*WORKING_STATUSES, PlanStatus.COMPLETED])
    counts = items.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=PlanItemStatus.DONE)),
        overdue=Count(
            "pk",
            filter=Q(plan__status__in=WORKING_STATUSES) & PlanItem.overdue_condition(today),
        ),
    )
    growth, measured = _growth_of_targeted()
    return [
        Indicator(
            "Резервисты с утверждённым ИОМ",
            "число действующих резервистов, чей план утверждён, выполняется или завершён, "
            "от числа всех действующих резервистов",
            f"{approved} из {active} ({percent(approved, active)} %)",
        ),
        Indicator(
            "Выполнение пунктов ИОМ",
            "пункты утверждённых планов, выполненные с подтверждением выполнения и "
            "применения в практике, от всех пунктов этих планов",
            f"{counts['done']} из {counts['total']} ({percent(counts['done'], counts['total'])} %)",
        ),
        Indicator(
            "Просроченные пункты ИОМ",
            "пункты планов в работе, срок которых прошёл, а выполнение не подтверждено",
            str(counts["overdue"]),
        ),
        Indicator(
            "Прирост по компетенциям, на которые направлен ИОМ",
            "средняя разница баллов (0–100) повторной и исходной оценки по компетенциям пунктов "
            "плана",
            "повторных оценок пока нет"
            if growth is None
            else f"{growth:+.1f} балла (измерений: {measured})".replace(".", ","),
        ),
    ]


def programme_overview(today: datetime.date) -> Programme:
    """Return the programme with its modules, coverage, forms of support and indicators."""
    years = _years()
    active = ReserveMembership.objects.filter(status=MembershipStatus.ACTIVE).count()
    catalogue = Activity.objects.filter(is_active=True)
    by_kind = dict(catalogue.values_list("kind").annotate(count=Count("pk")))
    internships = catalogue.filter(kind=ActivityKind.INTERNSHIP)
    return Programme(
        years=years,
        coverage=_coverage(years),
        term_years=regulation_in_force().reserve_term_years,
        active_reservists=active,
        mentoring_hours=mentoring_norm_hours(),
        mentors_available=Mentor.objects.filter(is_available=True).count(),
        internships=internships.count(),
        internship_sites=internships.values("host_organization").distinct().count(),
        catalogue_by_kind=[(label, by_kind.get(kind, 0)) for kind, label in ActivityKind.choices],
        catalogue_total=sum(by_kind.values()),
        indicators=_indicators(today, active),
        today=today,
    )

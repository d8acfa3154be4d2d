"""The comprehensive programme as data: its passport, common modules by year, tracks by post,
competency coverage, support, career path, partners, resources and indicators.

The page and the .docx both read this, so that every number in either comes from the database
(and the Regulation in force: the term, the mentoring norm, categories and reporting dates).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch

from assessment.models import Competency
from candidates.models import MembershipStatus, Nomination, ReserveMembership
from development.mentoring.selectors import mentoring_norm_hours
from development.models import (
    Activity,
    ActivityKind,
    Mentor,
    ProgrammeModule,
    ProgrammePartner,
    ProgrammePassport,
    ProgrammeResource,
    ResourceKind,
)
from development.programme.indicators import Indicator, programme_indicators
from governance.models import RegulationVersion
from governance.regulation import Regulation
from governance.selectors import regulation_in_force
from registry.models import PositionKind

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
    hours: int  # the module's volume; a mentoring module's is the Regulation's norm

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return list(zip(self.codes, self.names, strict=True))


@dataclass
class Year:
    year: int
    modules: list[ModuleRow] = field(default_factory=list)

    @property
    def hours(self) -> int:
        return sum(row.hours for row in self.modules)


@dataclass
class Track:
    """The modules of one post: the common part and the post's own modules."""

    post: PositionKind
    modules: list[ModuleRow]
    common_hours: int

    @property
    def own_hours(self) -> int:
        return sum(row.hours for row in self.modules)

    @property
    def hours(self) -> int:
        return self.common_hours + self.own_hours


@dataclass(frozen=True)
class Coverage:
    code: str
    name: str
    numbers: list[int]
    hours: int


@dataclass(frozen=True)
class ResourceGroup:
    kind: str
    label: str
    items: list[ProgrammeResource]

    @property
    def amount(self) -> Decimal | None:
        amounts = [item.amount for item in self.items if item.amount is not None]
        return sum(amounts, Decimal(0)) if amounts else None


@dataclass
class Programme:
    passport: ProgrammePassport | None
    regulation: Regulation
    regulation_version: RegulationVersion | None
    years: list[Year]
    tracks: list[Track]
    coverage: list[Coverage]
    active_reservists: int
    mentoring_hours: int  # the Regulation's norm per pair per year
    mentors_available: int
    internships: int
    internship_sites: int
    catalogue_by_kind: list[tuple[str, int]]
    catalogue_total: int
    partners: list[ProgrammePartner]
    resources: list[ResourceGroup]
    indicators: list[Indicator]
    today: datetime.date

    @property
    def term_years(self) -> int:
        return self.regulation.reserve_term_years

    @property
    def hours(self) -> int:
        """Return the common part's volume (every track adds its own modules to it)."""
        return sum(year.hours for year in self.years)

    @property
    def modules_count(self) -> int:
        return sum(len(year.modules) for year in self.years)

    @property
    def finance_total(self) -> Decimal | None:
        finance = next((g for g in self.resources if g.kind == ResourceKind.FINANCE), None)
        return finance.amount if finance else None


def _rows(modules: list[ProgrammeModule], first: int, norm: int) -> list[ModuleRow]:
    rows = []
    for number, module in enumerate(modules, start=first):
        competencies = list(module.competencies.all())
        rows.append(
            ModuleRow(
                number=number,
                module=module,
                codes=[competency.code for competency in competencies],
                names=[competency.name for competency in competencies],
                hours=norm if module.is_mentoring else module.hours,
            )
        )
    return rows


def _modules() -> tuple[list[ProgrammeModule], list[ProgrammeModule]]:
    """Return the common modules and the track modules, each in the programme's order."""
    modules = list(
        ProgrammeModule.objects.prefetch_related(
            Prefetch("competencies", queryset=Competency.objects.order_by("sort_order", "code")),
            "position_kinds",
        ).order_by("year", "sort_order", "id")
    )
    common = [module for module in modules if not module.position_kinds.all()]
    tracked = [module for module in modules if module.position_kinds.all()]
    return common, tracked


def _years(rows: list[ModuleRow]) -> list[Year]:
    years: dict[int, Year] = {}
    for row in rows:
        years.setdefault(row.module.year, Year(year=row.module.year)).modules.append(row)
    return list(years.values())


def _tracks(rows: list[ModuleRow], common_hours: int) -> list[Track]:
    """Return a track for every post: the post's own modules on top of the common part."""
    tracks = []
    for post in PositionKind.objects.order_by("sort_order", "name"):
        own = [row for row in rows if post in row.module.position_kinds.all()]
        tracks.append(Track(post=post, modules=own, common_hours=common_hours))
    return tracks


def _coverage(years: list[Year]) -> list[Coverage]:
    numbers: dict[str, list[int]] = defaultdict(list)
    hours: dict[str, int] = defaultdict(int)
    for year in years:
        for row in year.modules:
            for code in row.codes:
                numbers[code].append(row.number)
                hours[code] += row.hours
    return [
        Coverage(code=code, name=name, numbers=numbers.get(code, []), hours=hours.get(code, 0))
        for code, name in Competency.objects.filter(framework__is_current=True)
        .order_by("sort_order", "code")
        .values_list("code", "name")
    ]


def _resources() -> list[ResourceGroup]:
    items = list(ProgrammeResource.objects.select_related("partner"))
    return [
        ResourceGroup(kind, label, [item for item in items if item.kind == kind])
        for kind, label in ResourceKind.choices
    ]


def programme_overview(today: datetime.date) -> Programme:
    """Return the programme with its passport, modules, tracks, support and indicators."""
    norm = mentoring_norm_hours()
    common, tracked = _modules()
    common_rows = _rows(common, 1, norm)
    years = _years(common_rows)
    common_hours = sum(row.hours for row in common_rows)
    track_rows = _rows(tracked, len(common_rows) + 1, norm)
    active = ReserveMembership.objects.filter(status=MembershipStatus.ACTIVE).count()
    catalogue = Activity.objects.filter(is_active=True)
    by_kind = dict(catalogue.values_list("kind").annotate(count=Count("pk")))
    internships = catalogue.filter(kind=ActivityKind.INTERNSHIP)
    return Programme(
        passport=ProgrammePassport.objects.first(),
        regulation=regulation_in_force(),
        regulation_version=RegulationVersion.objects.filter(in_force=True).first(),
        years=years,
        tracks=_tracks(track_rows, common_hours),
        coverage=_coverage(years),
        active_reservists=active,
        mentoring_hours=norm,
        mentors_available=Mentor.objects.filter(is_available=True).count(),
        internships=internships.count(),
        internship_sites=internships.values("host_organization").distinct().count(),
        catalogue_by_kind=[(label, by_kind.get(kind, 0)) for kind, label in ActivityKind.choices],
        catalogue_total=sum(by_kind.values()),
        partners=list(ProgrammePartner.objects.all()),
        resources=_resources(),
        indicators=programme_indicators(today, active),
        today=today,
    )


def own_target_post(user) -> str:
    """Return the code of the post the person is in the reserve (or else nominated) for, or ""."""
    membership = (
        ReserveMembership.objects.filter(
            candidate__user=user,
            status__in=[MembershipStatus.ACTIVE, MembershipStatus.PENDING_ORDER],
        )
        .order_by("started_on", "pk")
        .values_list("position_kind__code", flat=True)
        .first()
    )
    if membership:
        return membership
    return (
        Nomination.objects.filter(candidate__user=user)
        .order_by("-pk")
        .values_list("position_kind__code", flat=True)
        .first()
        or ""
    )

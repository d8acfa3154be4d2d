"""Reads of vacancies: the forecast from the registry, the reserve's coverage, the lists.

Every function issues a fixed number of queries, however many organizations and reservists the
region has: the forecast filters and pages in the database and words the reasons of one page
only; the coverage counts in three grouped queries.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from candidates.access import memberships_visible_to
from candidates.models import MembershipStatus
from onboarding.access import RESERVE_FOUNDERS, vacancies_visible_to
from onboarding.models import OPEN_STATUSES, Vacancy
from onboarding.vacancies import forecast
from registry.access import municipalities_visible_to, organizations_visible_to
from registry.models import Organization, PositionKind

READY_NOW = "ready_now"
# The Regulation's readiness levels (governance.regulation_defaults) within two years.
READY_SOON = ("within_year", "within_two_years")


def head_posts() -> dict[str, PositionKind]:
    """Return the head's post of each kind of organization (director, head of kindergarten…)."""
    posts: dict[str, PositionKind] = {}
    for post in PositionKind.objects.filter(is_head=True).order_by("sort_order", "pk"):
        for kind in post.organization_kinds or ():
            posts.setdefault(kind, post)
    return posts


def _open_head_vacancy() -> Exists:
    return Exists(
        Vacancy.objects.filter(
            organization=OuterRef("pk"), status__in=OPEN_STATUSES, position_kind__is_head=True
        )
    )


def forecast_organizations(
    user, *, today: datetime.date, months: int, age: int
) -> QuerySet[Organization]:
    """Return the user's organizations whose head's post is forecast to fall vacant.

    Active organizations of the region's reserve (regional and municipal ones) whose head
    reaches the age or whose contract ends by the horizon's end (onboarding.vacancies.forecast),
    each annotated with `has_open_vacancy`: a vacancy of the head's post is already open.
    """
    end = forecast.horizon_end(today, months)
    signal = Q(head_birth_date__lte=forecast.latest_birth_date(end, age)) | Q(
        head_contract_end_date__lte=end
    )
    return (
        organizations_visible_to(user)
        .filter(signal, is_active=True, founder__in=RESERVE_FOUNDERS)
        .annotate(has_open_vacancy=_open_head_vacancy())
    )


@dataclass
class ForecastRow:
    """One organization of the forecast: the reasons in words, when, and the head's post."""

    organization: Organization
    reasons: list[forecast.Reason]
    expected_on: datetime.date
    post: PositionKind | None


def forecast_rows(
    organizations: list[Organization], *, today: datetime.date, months: int, age: int
) -> list[ForecastRow]:
    """Return the forecast's rows for a page of organizations (their reasons worded)."""
    end = forecast.horizon_end(today, months)
    posts = head_posts()
    rows = []
    for organization in organizations:
        reasons = forecast.forecast_reasons(
            birth_date=organization.head_birth_date,
            contract_end=organization.head_contract_end_date,
            today=today,
            end=end,
            age=age,
        )
        rows.append(
            ForecastRow(
                organization=organization,
                reasons=reasons,
                expected_on=forecast.expected_on(reasons, today),
                post=posts.get(organization.kind),
            )
        )
    return rows


def forecast_ordered(organizations: QuerySet[Organization], reason: str) -> QuerySet:
    """Order the forecast: by the contract's end or the head's age when filtered by one reason."""
    if reason == forecast.CONTRACT_END:
        return organizations.order_by("head_contract_end_date", "pk")
    if reason == forecast.RETIREMENT:
        return organizations.order_by("head_birth_date", "pk")
    return organizations.order_by("municipality__name", "short_name", "full_name", "pk")


def forecast_filtered(
    organizations: QuerySet[Organization], *, reason: str, age: int, end: datetime.date
) -> QuerySet[Organization]:
    """Keep the organizations forecast for one reason only, when one is chosen."""
    if reason == forecast.CONTRACT_END:
        return organizations.filter(head_contract_end_date__lte=end)
    if reason == forecast.RETIREMENT:
        return organizations.filter(head_birth_date__lte=forecast.latest_birth_date(end, age))
    return organizations


# --- Coverage --------------------------------------------------------------------------------


@dataclass
class CoverageRow:
    """One municipality and post: the posts to fill against the reservists ready for them."""

    municipality: str
    municipality_id: int | None
    post: PositionKind
    forecast: int = 0
    actual: int = 0
    ready_now: int = 0
    ready_soon: int = 0

    @property
    def demand(self) -> int:
        """Return the posts to fill: forecast vacancies plus the open ones."""
        return self.forecast + self.actual

    @property
    def shortfall(self) -> int:
        """Return the posts neither ready-now nor ready-within-two-years reservists cover."""
        return max(self.demand - self.ready_now - self.ready_soon, 0)

    @property
    def state(self) -> str:
        """Return «covered», «later» (covered only with those ready within two years) or «gap»."""
        if self.ready_now >= self.demand:
            return "covered"
        if self.ready_now + self.ready_soon >= self.demand:
            return "later"
        return "gap"


@dataclass
class Coverage:
    rows: list[CoverageRow]
    total: CoverageRow
    horizon_end: datetime.date
    gaps: int = 0


def coverage(user, *, today: datetime.date, months: int, age: int) -> Coverage:
    """Return forecast and open vacancies against active reservists, per municipality and post.

    Forecast: the head's posts of the forecast (forecast_organizations) whose vacancy is not
    already open — an open one counts as actual, never twice. Actual: open vacancies of heads
    and deputies (deputies are only ever actual). Ready: active members of the reserve whose
    term has not ended, by the municipality and post they are in the reserve for, ready now or
    ready within one or two years (those ready within three years or more are not counted).
    """
    posts = head_posts()
    counts: dict[tuple[int, int], CoverageRow] = {}
    names = dict(municipalities_visible_to(user).values_list("pk", "name"))
    post_by_id = {post.pk: post for post in PositionKind.objects.all()}

    def row(municipality_id: int, post: PositionKind) -> CoverageRow:
        key = (municipality_id, post.pk)
        if key not in counts:
            counts[key] = CoverageRow(names.get(municipality_id, ""), municipality_id, post)
        return counts[key]

    forecast_counts = (
        forecast_organizations(user, today=today, months=months, age=age)
        .filter(has_open_vacancy=False)
        .values("municipality_id", "kind")
        .annotate(count=Count("pk"))
    )
    for line in forecast_counts:
        if line["kind"] in posts:
            row(line["municipality_id"], posts[line["kind"]]).forecast += line["count"]
    vacancies = vacancies_visible_to(user).filter(status__in=OPEN_STATUSES)
    for line in vacancies.values("organization__municipality_id", "position_kind_id").annotate(
        count=Count("pk")
    ):
        post = post_by_id[line["position_kind_id"]]
        row(line["organization__municipality_id"], post).actual += line["count"]
    memberships = memberships_visible_to(user).filter(
        status=MembershipStatus.ACTIVE,
        term_ends_on__gte=today,
        readiness__in=[READY_NOW, *READY_SOON],
    )
    for line in memberships.values("municipality_id", "position_kind_id", "readiness").annotate(
        count=Count("pk")
    ):
        target = row(line["municipality_id"], post_by_id[line["position_kind_id"]])
        if line["readiness"] == READY_NOW:
            target.ready_now += line["count"]
        else:
            target.ready_soon += line["count"]
    rows = sorted(
        counts.values(), key=lambda item: (item.municipality, item.post.sort_order, item.post.pk)
    )
    total = CoverageRow("Итого", None, PositionKind(name="все должности"))
    for item in rows:
        total.forecast += item.forecast
        total.actual += item.actual
        total.ready_now += item.ready_now
        total.ready_soon += item.ready_soon
    return Coverage(
        rows=rows,
        total=total,
        horizon_end=forecast.horizon_end(today, months),
        gaps=sum(1 for item in rows if item.state == "gap"),
    )


# --- Lists -----------------------------------------------------------------------------------


def vacancies_for_list(visible: QuerySet[Vacancy]) -> QuerySet[Vacancy]:
    """Load what the vacancy list shows and annotate the shortlist's size."""
    return visible.select_related("organization__municipality", "position_kind").annotate(
        shortlisted=Count("shortlist", distinct=True)
    )


def vacancy_counts(visible: QuerySet[Vacancy]) -> dict[str, int]:
    """Return the number of vacancies per status, in one query."""
    return {
        line["status"]: line["count"]
        for line in visible.values("status").annotate(count=Count("pk"))
    }

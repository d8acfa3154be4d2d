"""Reads behind the role home pages: counts and early vacancy signals, aggregated in the database.

Every function issues a fixed number of queries, however many organizations the region has.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from accounts.models import Role, User
from registry.access import municipalities_visible_to, organizations_visible_to
from registry.models import Municipality, Organization, OrganizationKind

# Plural names of the kinds for counts on the home pages.
KIND_COUNT_LABELS = {
    OrganizationKind.GENERAL: "школы",
    OrganizationKind.PRESCHOOL: "детские сады",
    OrganizationKind.ADDITIONAL: "дополнительное образование",
    OrganizationKind.VOCATIONAL: "колледжи и техникумы",
}

# Heads of this age and older are flagged as a possible vacancy. The statutory pension age
# reaches 60 for women and 65 for men in 2028 and the registry does not record sex, so the signal
# uses the lower age: an early warning errs on the side of looking.
RETIREMENT_SIGNAL_AGE = 60
CONTRACT_HORIZON_MONTHS = 12
SIGNAL_LIST_LIMIT = 10


def years_before(day: datetime.date, years: int) -> datetime.date:
    """Return the same calendar day the given number of years earlier (29 Feb → 28 Feb)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def months_after(day: datetime.date, months: int) -> datetime.date:
    """Return the day the given number of months later, clipped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


@dataclass
class MunicipalityRow:
    """Active organizations of one municipality, by kind."""

    name: str
    counts: list[int]
    total: int


@dataclass
class TerritoryOverview:
    """What a user responsible for a territory sees first: its organizations and signals."""

    kind_labels: list[str]
    kind_totals: list[int]
    total: int
    rows: list[MunicipalityRow]
    contract_horizon: datetime.date
    contracts_ending: list[Organization]
    contracts_ending_count: int
    retirement_birth_date: datetime.date
    retirement_age: list[Organization]
    retirement_age_count: int
    retirement_signal_age: int = RETIREMENT_SIGNAL_AGE

    @property
    def kind_totals_labelled(self) -> list[tuple[str, int]]:
        """Return (kind label, count) pairs for the summary cards."""
        return list(zip(self.kind_labels, self.kind_totals, strict=True))


def territory_overview(user: User, *, today: datetime.date) -> TerritoryOverview:
    """Return the user's territory: organizations per municipality and kind, and vacancy signals."""
    organizations = organizations_visible_to(user).filter(is_active=True)
    kinds = list(OrganizationKind)
    counts: dict[tuple[int, str], int] = {
        (row["municipality_id"], row["kind"]): row["count"]
        for row in organizations.values("municipality_id", "kind").annotate(count=Count("pk"))
    }
    rows = []
    for municipality_id, name in municipalities_visible_to(user).values_list("pk", "name"):
        row_counts = [counts.get((municipality_id, kind.value), 0) for kind in kinds]
        rows.append(MunicipalityRow(name=name, counts=row_counts, total=sum(row_counts)))
    kind_totals = [sum(row.counts[index] for row in rows) for index in range(len(kinds))]

    horizon = months_after(today, CONTRACT_HORIZON_MONTHS)
    retirement_birth_date = years_before(today, RETIREMENT_SIGNAL_AGE)
    contract_ending = Q(head_contract_end_date__gte=today, head_contract_end_date__lte=horizon)
    retirement_age = Q(head_birth_date__lte=retirement_birth_date)
    signal_counts = organizations.aggregate(
        contracts=Count("pk", filter=contract_ending),
        retirement=Count("pk", filter=retirement_age),
    )
    listed = organizations.select_related("municipality")
    return TerritoryOverview(
        kind_labels=[KIND_COUNT_LABELS[kind] for kind in kinds],
        kind_totals=kind_totals,
        total=sum(kind_totals),
        rows=rows,
        contract_horizon=horizon,
        contracts_ending=list(
            listed.filter(contract_ending).order_by("head_contract_end_date", "pk")[
                :SIGNAL_LIST_LIMIT
            ]
        ),
        contracts_ending_count=signal_counts["contracts"],
        retirement_birth_date=retirement_birth_date,
        retirement_age=list(
            listed.filter(retirement_age).order_by("head_birth_date", "pk")[:SIGNAL_LIST_LIMIT]
        ),
        retirement_age_count=signal_counts["retirement"],
    )


@dataclass
class RoleCount:
    label: str
    count: int


@dataclass
class PortalOverview:
    """The administrator's dashboard: what the portal holds."""

    organizations_total: int
    organizations_active: int
    municipalities_total: int
    users_total: int
    users_by_role: list[RoleCount]


def portal_overview() -> PortalOverview:
    """Return the counts of organizations, municipalities and active users by role."""
    organizations = Organization.objects.aggregate(
        total=Count("pk"), active=Count("pk", filter=Q(is_active=True))
    )
    by_role = dict(
        User.objects.filter(is_active=True)
        .values("role")
        .annotate(count=Count("pk"))
        .values_list("role", "count")
    )
    users_by_role = [RoleCount(label=role.label, count=by_role.get(role.value, 0)) for role in Role]
    return PortalOverview(
        organizations_total=organizations["total"],
        organizations_active=organizations["active"],
        municipalities_total=Municipality.objects.count(),
        users_total=sum(by_role.values()),
        users_by_role=users_by_role,
    )

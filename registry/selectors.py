"""Reads of the registry: the staff list, and the territory the home pages open with.

Every function issues a fixed number of queries, however many organizations the region has.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Length

from core.dates import months_after, years_before
from core.search import fold, search
from registry import access
from registry.models import Organization, OrganizationKind

# What a person may type to find an organization: a word of its name, its short name, its INN.
ORGANIZATION_SEARCH_FIELDS = ("full_name", "short_name", "inn")
SUGGESTIONS_LIMIT = 15
_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> list:
    """Return a sort key that puts «№ 2» before «№ 19»: numbers compared as numbers."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, fold(part)) for part in _DIGITS.split(text)
    ]


def organization_suggestions(
    organizations: QuerySet[Organization], query: str, *, municipality_id: int | None = None
) -> list[Organization]:
    """Return the active organizations a picker suggests for the text typed, in natural order.

    A query of digits looks the INN up by its beginning; words are searched in the names. The
    database picks the first matches by length of name, so «СОШ № 5» comes before «СОШ № 52»,
    and they are then ordered as a person reads numbers.
    """
    query = " ".join(query.split())
    if len(query) < 2:
        return []
    organizations = organizations.filter(is_active=True).select_related("municipality")
    if municipality_id is not None:
        organizations = organizations.filter(municipality_id=municipality_id)
    if query.isdigit():
        organizations = organizations.filter(inn__startswith=query)
    else:
        organizations = search(organizations, query, ORGANIZATION_SEARCH_FIELDS)
    found = list(
        organizations.annotate(name_length=Length("short_name")).order_by("name_length", "pk")[
            :SUGGESTIONS_LIMIT
        ]
    )
    return sorted(found, key=lambda o: natural_key(o.short_name or o.full_name))


def organizations_filtered(
    *,
    user,
    query: str = "",
    municipality=None,
    kind: str = "",
    active: str = "",
) -> QuerySet[Organization]:
    """Return the user's organizations matching a name or INN search and the list's filters."""
    organizations = search(
        access.organizations_visible_to(user).select_related("municipality"),
        query,
        ORGANIZATION_SEARCH_FIELDS,
    )
    if municipality is not None:
        organizations = organizations.filter(municipality=municipality)
    if kind:
        organizations = organizations.filter(kind=kind)
    if active:
        organizations = organizations.filter(is_active=active == "yes")
    return organizations.order_by("municipality__name", "short_name", "full_name", "pk")


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


def territory_overview(user, *, today: datetime.date) -> TerritoryOverview:
    """Return the user's territory: organizations per municipality and kind, and vacancy signals."""
    organizations = access.organizations_visible_to(user).filter(is_active=True)
    kinds = list(OrganizationKind)
    counts: dict[tuple[int, str], int] = {
        (row["municipality_id"], row["kind"]): row["count"]
        for row in organizations.values("municipality_id", "kind").annotate(count=Count("pk"))
    }
    rows = []
    for municipality_id, name in access.municipalities_visible_to(user).values_list("pk", "name"):
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

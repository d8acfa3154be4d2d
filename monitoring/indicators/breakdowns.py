"""The splits of an indicator's rows: the reserve by category, readiness and post; the
nominations by status and by who nominated. One grouped query per split."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from candidates.models import NominationSource, NominationStatus
from governance.selectors import regulation_in_force
from monitoring.indicators.base import Breakdown, Indicator

BY_CATEGORY = Breakdown(
    "По категориям резерва", "category", lambda code, regulation: regulation.category_name(code)
)
BY_READINESS = Breakdown(
    "По готовности к назначению",
    "readiness",
    lambda code, regulation: regulation.readiness_name(code),
)
BY_POST = Breakdown("По должностям", "position_kind__name", lambda name, regulation: name)
BY_NOMINATION_STATUS = Breakdown(
    "По статусу заявки", "status", lambda code, regulation: NominationStatus(code).label
)
BY_SOURCE = Breakdown(
    "По тому, кто выдвинул", "source", lambda code, regulation: NominationSource(code).label
)


@dataclass(frozen=True)
class Split:
    """One breakdown counted: (name, count) pairs, largest first, and their total."""

    title: str
    parts: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.parts)


def splits(indicator: Indicator, rows: QuerySet | None) -> list[Split]:
    """Return the indicator's breakdowns of the rows the user may see (one query each)."""
    if rows is None or not indicator.breakdowns:
        return []
    regulation = regulation_in_force()
    result = []
    for breakdown in indicator.breakdowns:
        counts = rows.order_by().values(breakdown.field).annotate(n=Count("pk", distinct=True))
        parts = [
            (breakdown.label(row[breakdown.field], regulation) or "—", row["n"]) for row in counts
        ]
        parts.sort(key=lambda part: (-part[1], part[0]))
        result.append(Split(breakdown.title, parts))
    return result

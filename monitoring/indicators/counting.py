"""Grouped counts per municipality: the one way every indicator reaches the database."""

from decimal import Decimal

from django.db.models import Aggregate, Count, Q, QuerySet

from monitoring.indicators.base import Figure


def per_municipality(
    queryset: QuerySet,
    lookup: str,
    numerator: Aggregate,
    denominator: Aggregate | None = None,
    group: Aggregate | None = None,
) -> dict[int, Figure]:
    """Return {municipality_id: Figure} from one grouped query."""
    annotations = {"n": numerator}
    if denominator is not None:
        annotations["d"] = denominator
    if group is not None:
        annotations["g"] = group
    figures = {}
    for row in queryset.order_by().values(lookup).annotate(**annotations):
        municipality_id = row[lookup]
        if municipality_id is None:
            continue
        figures[municipality_id] = Figure(
            numerator=Decimal(row["n"] or 0),
            denominator=Decimal(row.get("d") or 0),
            group=row.get("g"),
        )
    return figures


def counted(queryset: QuerySet, lookup: str) -> dict[int, Figure]:
    """Return the number of rows per municipality."""
    return per_municipality(queryset, lookup, Count("pk"))


def shared(queryset: QuerySet, lookup: str, part: Q) -> dict[int, Figure]:
    """Return, per municipality, how many rows meet `part` out of all rows."""
    return per_municipality(queryset, lookup, Count("pk", filter=part), Count("pk"))


def ratio(
    parts: QuerySet, parts_lookup: str, wholes: QuerySet, wholes_lookup: str
) -> dict[int, Figure]:
    """Return, per municipality, the count of `parts` over the count of `wholes` (two queries)."""
    figures = {
        pk: Figure(denominator=f.numerator) for pk, f in counted(wholes, wholes_lookup).items()
    }
    for pk, figure in counted(parts, parts_lookup).items():
        figures.setdefault(pk, Figure()).numerator = figure.numerator
    return figures

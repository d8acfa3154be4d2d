"""Neighbouring municipalities, which matching reads: a pair is added or removed, audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from audit.models import AuditSource
from audit.services import audit_record
from development.models import (
    NeighbourPair,
)
from registry.models import Municipality


def neighbour_pair_create(
    *,
    first: Municipality,
    second: Municipality,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> NeighbourPair:
    """Record that two municipalities share a border (stored once, the smaller id first)."""
    if first.pk == second.pk:
        raise ValidationError("Муниципальное образование не может быть соседом самому себе.")
    low, high = sorted((first, second), key=lambda municipality: municipality.pk)
    if NeighbourPair.objects.filter(first=low, second=high).exists():
        raise ValidationError(f"Пара «{low} — {high}» уже есть.")
    with transaction.atomic():
        pair = NeighbourPair.objects.create(first=low, second=high)
        audit_record(
            actor=actor,
            action="neighbour_pair.create",
            obj=pair,
            changes={"pair": [None, str(pair)]},
            source=source,
            request=request,
        )
    return pair


def neighbour_pair_delete(
    *,
    pair: NeighbourPair,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> None:
    """Remove a pair of neighbours."""
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="neighbour_pair.delete",
            obj=pair,
            changes={"pair": [str(pair), None]},
            source=source,
            request=request,
        )
        pair.delete()

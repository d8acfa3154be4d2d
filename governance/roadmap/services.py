"""Writes of the roadmap: an item saved by hand, a file imported, an actual value measured."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.models import AuditSource
from audit.services import Change, audit_record, audit_record_bulk
from governance.roadmap.importing import RoadmapRow
from governance.roadmap.models import MeasuredIndicator, RoadmapItem, RoadmapStatus
from registry.models import Organization

EDITABLE_FIELDS = [
    "number",
    "title",
    "stage",
    "starts_on",
    "ends_on",
    "responsible",
    "responsible_person",
    "responsible_organization",
    "partners",
    "budget_amount",
    "budget_source",
    "staff_resources",
    "methodological_resources",
    "material_resources",
    "indicator",
    "indicator_code",
    "unit",
    "target_value",
    "actual_value",
    "actual_on",
    "status",
    "completed_on",
    "note",
]


def _values(item: RoadmapItem) -> dict:
    return {name: getattr(item, name) for name in EDITABLE_FIELDS}


def _settle_completion(item: RoadmapItem, today: datetime.date) -> None:
    """Keep completed_on with the status: set when done, cleared when reopened."""
    if item.status == RoadmapStatus.DONE and item.completed_on is None:
        item.completed_on = today
    elif item.status != RoadmapStatus.DONE:
        item.completed_on = None


def roadmap_item_save(
    *,
    item: RoadmapItem,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> RoadmapItem:
    """Create or change an item by hand, checking its rules, and audit what changed."""
    _settle_completion(item, timezone.localdate())
    item.full_clean()
    with transaction.atomic():
        if item.pk is None:
            item.save()
            changes = {name: (None, value) for name, value in _values(item).items() if value}
            action = "roadmap_item.create"
        else:
            before = _values(RoadmapItem.objects.select_for_update().get(pk=item.pk))
            after = _values(item)
            changes = {
                name: (before[name], after[name]) for name in after if before[name] != after[name]
            }
            if not changes:
                return item
            item.save()
            action = "roadmap_item.update"
        audit_record(
            actor=actor, action=action, obj=item, changes=changes, source=source, request=request
        )
    return item


def roadmap_item_set_status(
    *,
    item: RoadmapItem,
    status: str,
    actor,
    request: HttpRequest | None = None,
) -> RoadmapItem:
    """Move an item to another status (done, in progress…) from the portal's timeline."""
    if status not in RoadmapStatus.values:
        raise ValidationError("Неизвестный статус мероприятия.")
    with transaction.atomic():
        locked = RoadmapItem.objects.select_for_update().get(pk=item.pk)
        if locked.status == status:
            return locked
        before = locked.status
        locked.status = status
        _settle_completion(locked, timezone.localdate())
        locked.save(update_fields=["status", "completed_on", "updated_at"])
        audit_record(
            actor=actor,
            action="roadmap_item.transition",
            obj=locked,
            changes={"status": (before, status)},
            request=request,
        )
    return locked


def _apply(item: RoadmapItem, row: RoadmapRow, organizations: dict[str, Organization]) -> None:
    item.title = row.title
    item.stage = row.stage
    item.starts_on = row.date("starts_on")
    item.ends_on = row.date("ends_on")
    item.responsible = row.responsible
    item.responsible_person = row.responsible_person
    item.responsible_organization = organizations.get(row.responsible_inn)
    item.partners = row.partners
    item.budget_amount = row.decimal("budget_amount")
    item.budget_source = row.budget_source
    item.staff_resources = row.staff_resources
    item.methodological_resources = row.methodological_resources
    item.material_resources = row.material_resources
    item.indicator = row.indicator
    if item.indicator_code != row.indicator_code:
        item.actual_from_monitoring = False
        item.actual_value, item.actual_on = None, None
    item.indicator_code = row.indicator_code
    item.unit = row.unit
    item.target_value = row.decimal("target_value")
    if not row.indicator_code:
        item.actual_value = row.decimal("actual_value")
        item.actual_on = row.date("actual_on")
        item.actual_from_monitoring = False
    item.status = row.status
    item.note = row.note


def roadmap_items_import(
    *, rows: list[RoadmapRow], actor, request: HttpRequest | None = None
) -> tuple[int, int]:
    """Create the new items and update the known ones, all or none; return (created, updated)."""
    inns = {row.responsible_inn for row in rows if row.responsible_inn}
    organizations = {org.inn: org for org in Organization.objects.filter(inn__in=inns)}
    missing = inns - set(organizations)
    if missing:
        raise ValidationError(f"Организации с ИНН {sorted(missing)[0]} больше нет в реестре.")
    today = timezone.localdate()
    created = updated = 0
    changes: list[Change] = []
    with transaction.atomic():
        # The numbers are the key: lock the items the file names, so two imports queue.
        existing = {
            item.number: item
            for item in RoadmapItem.objects.select_for_update().filter(
                number__in=[row.number for row in rows]
            )
        }
        for row in rows:
            item = existing.get(row.number) or RoadmapItem(number=row.number)
            before = _values(item) if item.pk else {}
            _apply(item, row, organizations)
            _settle_completion(item, today)
            try:
                item.full_clean(validate_unique=False)
            except ValidationError as error:
                raise ValidationError(f"Строка {row.row}: {' '.join(error.messages)}") from error
            after = _values(item)
            diff = {
                name: (before.get(name), after[name])
                for name in after
                if before.get(name) != after[name]
            }
            if item.pk and not diff:
                continue
            item.save()
            if before:
                updated += 1
            else:
                created += 1
            changes.append(Change("roadmap_item.import", item, {"строка": (None, row.row), **diff}))
        audit_record_bulk(actor=actor, changes=changes, source=AuditSource.IMPORT, request=request)
    return created, updated


def roadmap_actual_record(
    *,
    values: dict[str, Decimal | None],
    measured_on: datetime.date,
) -> int:
    """Write the portal's measured values into the items that track them; return how many changed.

    `values` maps a MeasuredIndicator code to its regional value on `measured_on`; the monitoring
    app's monthly run calls this (monitoring → governance points down). Items already carrying
    the same value and date are left alone, so a second run changes nothing; a snapshot of an
    earlier month than the one an item already shows does not replace it.
    """
    unknown = set(values) - set(MeasuredIndicator.values)
    if unknown:
        raise ValidationError(f"Неизвестные показатели: {', '.join(sorted(unknown))}.")
    changes = []
    with transaction.atomic():
        items = RoadmapItem.objects.select_for_update().filter(indicator_code__in=list(values))
        for item in items:
            if item.actual_from_monitoring and item.actual_on and item.actual_on > measured_on:
                continue  # a later month is already there: an older snapshot does not undo it
            value = values[item.indicator_code]
            if value is not None:
                value = Decimal(value).quantize(Decimal("0.01"))
            if (item.actual_value, item.actual_on, item.actual_from_monitoring) == (
                value,
                measured_on,
                True,
            ):
                continue
            before = (item.actual_value, item.actual_on)
            item.actual_value, item.actual_on = value, measured_on
            item.actual_from_monitoring = True
            item.save(
                update_fields=["actual_value", "actual_on", "actual_from_monitoring", "updated_at"]
            )
            changes.append(
                Change(
                    "roadmap_item.update",
                    item,
                    {"actual_value": (before[0], value), "actual_on": (before[1], measured_on)},
                )
            )
        audit_record_bulk(actor=None, changes=changes, source=AuditSource.COMMAND)
    return len(changes)


def roadmap_item_delete(
    *,
    item: RoadmapItem,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> None:
    """Delete an item entered by mistake; the audit log keeps what it was."""
    with transaction.atomic():
        locked = RoadmapItem.objects.select_for_update().get(pk=item.pk)
        audit_record(
            actor=actor,
            action="roadmap_item.delete",
            obj=locked,
            changes={"мероприятие": (str(locked), None)},
            source=source,
            request=request,
        )
        locked.delete()

"""Plan a registry import batch by batch against the database and, when asked, write it.

The planner compares each parsed row with the organization of the same ИНН, records what would be
created, updated or left as it is, and writes a batch in bulk with one audit event per row.
"""

import hashlib

from django.http import HttpRequest
from django.utils import timezone

from audit.models import AuditSource
from audit.services import Change, audit_record_bulk
from core.spreadsheets import RowError
from registry.founders import FOUNDER_NAMES
from registry.importing import COLUMNS, KIND_NAMES, ParsedRow
from registry.importing.report import FieldChange, ImportReport, PlannedRow
from registry.models import Municipality, MunicipalityAlias, Organization

IMPORT_FIELDS: tuple[str, ...] = tuple(column.field for column in COLUMNS)
# Fields an administrator edits by hand: the import's fields plus the active flag.
EDITABLE_FIELDS: tuple[str, ...] = (*IMPORT_FIELDS, "is_active")
FIELD_LABELS: dict[str, str] = {column.field: column.header for column in COLUMNS} | {
    "is_active": "Действует"
}
COLUMN_ORDER: dict[str, int] = {column.header: order for order, column in enumerate(COLUMNS)}
PREVIEW_LIMIT = 500
# Errors beyond this many are counted, not listed: a wrong file can have one in every cell.
MAX_LISTED_ERRORS = 10_000
# Serialises registry imports on PostgreSQL; any constant shared by all importers would do.


def _display(field_name: str, value: object, municipality_names: dict[int, str]) -> str:
    if value is None:
        return ""
    if field_name == "municipality":
        return municipality_names.get(value, str(value))
    if field_name == "kind":
        return KIND_NAMES.get(value, str(value))
    if field_name == "founder":
        return FOUNDER_NAMES.get(value, str(value))
    if field_name == "is_active":
        return "да" if value else "нет"
    if hasattr(value, "strftime"):
        return value.strftime("%d.%m.%Y")
    return str(value)


def municipality_index() -> tuple[dict[str, int], dict[int, str]]:
    """Return municipality ids by every matching key (names, then aliases) and names by id."""
    ids: dict[str, int] = {}
    names: dict[int, str] = {}
    for municipality_id, name, key in Municipality.objects.values_list("id", "name", "name_key"):
        ids[key] = municipality_id
        names[municipality_id] = name
    for municipality_id, key in MunicipalityAlias.objects.values_list(
        "municipality_id", "name_key"
    ):
        ids.setdefault(key, municipality_id)
    return ids, names


class ImportPlanner:
    """Plan (and, when asked, write) an import batch by batch as the rows arrive."""

    def __init__(
        self,
        report: ImportReport,
        *,
        municipality_names: dict[int, str],
        write: bool,
        actor,
        request: HttpRequest | None,
        preview_limit: int,
    ) -> None:
        self.report = report
        self.names = municipality_names
        self.write = write
        self.actor = actor
        self.request = request
        self.preview_limit = preview_limit
        self.first_row_by_inn: dict[str, int] = {}
        self.duplicates_reported: set[str] = set()
        self.digest = hashlib.sha256()

    def _add_error(self, error: RowError) -> None:
        self.report.error_count += 1
        if len(self.report.errors) < MAX_LISTED_ERRORS:
            self.report.errors.append(error)

    def _is_duplicate(self, row: ParsedRow, inn: str) -> bool:
        first_row = self.first_row_by_inn.setdefault(inn, row.row)
        if first_row == row.row:
            return False
        inn_header = FIELD_LABELS["inn"]
        self._add_error(RowError(row.row, inn_header, f"ИНН {inn} уже указан в строке {first_row}"))
        if inn not in self.duplicates_reported:
            self.duplicates_reported.add(inn)
            message = f"ИНН {inn} повторяется в строке {row.row}"
            self._add_error(RowError(first_row, inn_header, message))
        return True

    def _planned(self, row: ParsedRow, values: dict, changes: list[FieldChange]) -> PlannedRow:
        return PlannedRow(
            row=row.row,
            inn=values["inn"],
            name=values.get("short_name") or values.get("full_name") or "",
            municipality=self.names.get(values.get("municipality"), ""),
            changes=changes,
        )

    def plan(self, batch: list[ParsedRow]) -> None:
        """Compare a batch with the database, record the outcome and write it if asked."""
        inns = [row.values["inn"] for row in batch if "inn" in row.values]
        existing = {
            values["inn"]: values
            for values in Organization.objects.filter(inn__in=inns).values("id", *IMPORT_FIELDS)
        }
        to_create: list[ParsedRow] = []
        to_update: list[tuple[dict, dict, dict]] = []
        for row in batch:
            for error in row.errors:
                self._add_error(error)
            inn = row.values.get("inn")
            if inn is None or self._is_duplicate(row, inn) or row.errors:
                continue
            current = existing.get(inn)
            if current is None:
                to_create.append(row)
                self.report.created += 1
                self.digest.update(repr(("create", row.values)).encode())
                if len(self.report.created_rows) < self.preview_limit:
                    self.report.created_rows.append(self._planned(row, row.values, []))
                continue
            changed = {
                name: (current[name], value)
                for name, value in row.values.items()
                if current[name] != value and not (name in row.inferred and current[name])
            }
            self.digest.update(repr(("row", inn, changed)).encode())
            if not changed:
                self.report.unchanged += 1
                if len(self.report.unchanged_rows) < self.preview_limit:
                    self.report.unchanged_rows.append(self._planned(row, current, []))
                continue
            self.report.updated += 1
            to_update.append((current, row.values, changed))
            if len(self.report.updated_rows) < self.preview_limit:
                changes = self._field_changes(changed)
                self.report.updated_rows.append(self._planned(row, row.values, changes))
        if self.write and not self.report.error_count:
            self._write(to_create, to_update)

    def _field_changes(self, changed: dict) -> list[FieldChange]:
        return [
            FieldChange(
                field=name,
                label=FIELD_LABELS[name],
                old=_display(name, old, self.names),
                new=_display(name, new, self.names),
            )
            for name, (old, new) in changed.items()
        ]

    def _audit_values(self, changed: dict) -> dict:
        return audit_changes(changed, self.names)

    def _write(self, to_create: list[ParsedRow], to_update: list[tuple[dict, dict, dict]]) -> None:
        created = Organization.objects.bulk_create(
            [_organization(row.values) for row in to_create], batch_size=len(to_create) or 1
        )
        audit_changes = [
            Change("organization.create", organization, self._audit_values(as_created(row.values)))
            for organization, row in zip(created, to_create, strict=True)
        ]
        if to_update:
            now = timezone.now()
            updated = []
            changed_fields: set[str] = set()
            for current, _values, changed in to_update:
                # Only what changes: an inferred value the row does not apply stays out.
                new_values = {name: new for name, (_, new) in changed.items()}
                organization = _organization({**current, **new_values}, pk=current["id"])
                organization.updated_at = now
                updated.append(organization)
                changed_fields.update(changed)
                audit_changes.append(
                    Change("organization.update", organization, self._audit_values(changed))
                )
            Organization.objects.bulk_update(
                updated, fields=[*sorted(changed_fields), "updated_at"], batch_size=500
            )
        audit_record_bulk(
            actor=self.actor, changes=audit_changes, source=AuditSource.IMPORT, request=self.request
        )


def audit_changes(changed: dict, municipality_names: dict[int, str]) -> dict:
    """Return {field: (old, new)} for the audit log, municipalities by name rather than id."""
    return {
        name: tuple(
            None if value is None else _display(name, value, municipality_names) for value in pair
        )
        if name == "municipality"
        else pair
        for name, pair in changed.items()
    }


# A creation is recorded by what identifies the organization; its other first values need no
# copy: the row holds the current ones and every later change is audited with its old value.
CREATION_AUDIT_FIELDS = ("inn", "full_name", "municipality", "kind")


def as_created(values: dict) -> dict:
    return {name: (None, values[name]) for name in CREATION_AUDIT_FIELDS if name in values}


def _organization(values: dict, *, pk: int | None = None) -> Organization:
    """Return an unsaved Organization holding the import's values over the field defaults."""
    attributes = dict(_ORGANIZATION_DEFAULTS)
    for name, value in values.items():
        if name in IMPORT_FIELDS:
            attributes["municipality_id" if name == "municipality" else name] = value
    attributes["id"] = pk
    # Positional arguments in field order take Model.__init__'s fast path, as from_db does;
    # an import builds thousands of these.
    return Organization(*(attributes[field.attname] for field in _ORGANIZATION_FIELDS))


_ORGANIZATION_FIELDS = Organization._meta.concrete_fields
_ORGANIZATION_DEFAULTS = {field.attname: field.get_default() for field in _ORGANIZATION_FIELDS}

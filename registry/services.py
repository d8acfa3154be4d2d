"""Writes to the registry: saving an organization by hand and importing a registry file.

Every write is transactional and leaves one audit event per organization it creates or changes.
"""

import datetime
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.http import HttpRequest

from audit.models import AuditSource
from audit.services import audit_record
from core.spreadsheets import FileRefused, TableNotFound
from registry.founders import founder_from_name
from registry.importing import (
    COLUMNS,
    parse_file,
    parse_file_in_worker,
    registry_read_limits,
)
from registry.importing.planner import (
    COLUMN_ORDER,
    EDITABLE_FIELDS,
    PREVIEW_LIMIT,
    ImportPlanner,
    as_created,
    audit_changes,
    municipality_index,
)
from registry.importing.report import ImportReport
from registry.models import Organization

# Serialises registry imports on PostgreSQL; any constant shared by all importers would do.
_IMPORT_LOCK_ID = 5_600_001


class _Rollback(Exception):
    """Undo everything the import wrote: the file has errors or changed since the preview."""


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause the cycle collector while an import allocates its many short-lived objects."""
    # The objects of an import are freed by reference counting; scanning the process's whole
    # heap over and over meanwhile costs a tenth of the importer's time. Cycles made during
    # the import are collected as soon as it ends.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _lock_imports() -> None:
    """Make concurrent imports (a double-clicked confirm among them) run one after another."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_IMPORT_LOCK_ID])


def _run_import(
    *,
    path: Path,
    file_name: str,
    write: bool,
    actor,
    request: HttpRequest | None,
    expected_fingerprint: str | None,
    preview_limit: int,
) -> ImportReport:
    report = ImportReport(file_name=file_name or Path(path).name)
    municipality_ids, municipality_names = municipality_index()
    parse = parse_file_in_worker if settings.REGISTRY_IMPORT_IN_WORKER else parse_file
    try:
        with _without_cycle_collection(), transaction.atomic():
            if write:
                _lock_imports()
            layout, batches = parse(
                Path(path), limits=registry_read_limits(), municipality_ids=municipality_ids
            )
            report.sheet_name, report.header_row = layout.sheet_name, layout.header_row
            report.missing_columns = [
                column.header for column in COLUMNS if column.field not in layout.positions
            ]
            planner = ImportPlanner(
                report,
                municipality_names=municipality_names,
                write=write,
                actor=actor,
                request=request,
                preview_limit=preview_limit,
            )
            for batch in batches:
                planner.plan(batch)
            report.fingerprint = planner.digest.hexdigest()
            if not (report.created or report.updated or report.unchanged or report.error_count):
                raise TableNotFound(
                    f"Под строкой заголовков (строка {layout.header_row} листа "
                    f"«{layout.sheet_name}») нет ни одной организации."
                )
            report.errors.sort(key=lambda error: (error.row, COLUMN_ORDER.get(error.column, 0)))
            if write:
                if report.error_count:
                    raise _Rollback
                if expected_fingerprint is not None and expected_fingerprint != report.fingerprint:
                    report.stale = True
                    raise _Rollback
                report.applied = True
    except _Rollback:
        pass
    except (FileRefused, TableNotFound) as error:
        report.problem = error.message
    return report


def registry_import_preview(
    *, path: Path, file_name: str = "", preview_limit: int = PREVIEW_LIMIT
) -> ImportReport:
    """Plan the import of a registry file without writing anything."""
    return _run_import(
        path=path,
        file_name=file_name,
        write=False,
        actor=None,
        request=None,
        expected_fingerprint=None,
        preview_limit=preview_limit,
    )


def registry_import_apply(
    *,
    path: Path,
    actor,
    file_name: str = "",
    request: HttpRequest | None = None,
    expected_fingerprint: str | None = None,
    preview_limit: int = PREVIEW_LIMIT,
) -> ImportReport:
    """Import a registry file all or nothing; with a fingerprint, only the previewed plan."""
    return _run_import(
        path=path,
        file_name=file_name,
        write=True,
        actor=actor,
        request=request,
        expected_fingerprint=expected_fingerprint,
        preview_limit=preview_limit,
    )


def _field_values(organization: Organization) -> dict[str, object]:
    return {
        name: getattr(organization, "municipality_id" if name == "municipality" else name)
        for name in EDITABLE_FIELDS
    }


def organization_save(
    *,
    organization: Organization,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> Organization:
    """Save an organization created or edited by hand and audit what changed."""
    _, names = municipality_index()
    with transaction.atomic():
        if organization._state.adding:
            if not organization.founder:
                organization.founder = founder_from_name(
                    organization.full_name, organization.short_name
                )
            organization.save()
            audit_record(
                actor=actor,
                action="organization.create",
                obj=organization,
                changes=audit_changes(as_created(_field_values(organization)), names),
                source=source,
                request=request,
            )
            return organization
        before = _field_values(Organization.objects.select_for_update().get(pk=organization.pk))
        after = _field_values(organization)
        changed = {
            name: (before[name], after[name]) for name in after if before[name] != after[name]
        }
        if not changed:
            return organization
        organization.save(update_fields=[*changed, "updated_at"])
        audit_record(
            actor=actor,
            action="organization.update",
            obj=organization,
            changes=audit_changes(changed, names),
            source=source,
            request=request,
        )
    return organization


def organization_delete(
    *,
    organization: Organization,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> None:
    """Delete an organization and audit it with the values it had."""
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="organization.delete",
            obj=organization,
            changes={"inn": (organization.inn, None), "full_name": (organization.full_name, None)},
            source=source,
            request=request,
        )
        organization.delete()


HEAD_FIELDS = ("head_full_name", "head_birth_date", "head_contract_end_date")


def organization_head_appoint(
    *,
    organization: Organization,
    full_name: str,
    birth_date: datetime.date | None,
    contract_end_date: datetime.date | None,
    actor,
    source: AuditSource = AuditSource.WEB,
    request: HttpRequest | None = None,
) -> Organization:
    """Record the organization's new head: name, birth date and the end of their contract.

    The previous head's dates go with them: a contract end the new head's contract does not
    state is left blank rather than kept from the predecessor.
    """
    full_name = " ".join(full_name.split())
    if not full_name:
        raise ValidationError("Укажите ФИО нового руководителя.")
    with transaction.atomic():
        locked = Organization.objects.select_for_update().get(pk=organization.pk)
        after = {
            "head_full_name": full_name[:255],
            "head_birth_date": birth_date,
            "head_contract_end_date": contract_end_date,
        }
        changed = {
            name: (getattr(locked, name), value)
            for name, value in after.items()
            if getattr(locked, name) != value
        }
        if not changed:
            return locked
        for name, (_, new) in changed.items():
            setattr(locked, name, new)
        locked.save(update_fields=[*changed, "updated_at"])
        audit_record(
            actor=actor,
            action="organization.update",
            obj=locked,
            changes=changed,
            source=source,
            request=request,
        )
    return locked

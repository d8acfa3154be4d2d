"""Write the audit log and the personal-data access log.

The record is cross-cutting: every app's services call this module. The audit app stands at the
bottom and imports nothing of the project but core, so calling it never points an import up.
"""

import datetime
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, models
from django.http import HttpRequest
from django.utils import timezone

from audit.models import AuditEvent, AuditSource, PersonalDataAccess
from core.http import client_ip


def _plain(value: object) -> object:
    """Return a JSON-safe form of a field value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return str(value)


def diff_fields(old: Mapping[str, object], new: Mapping[str, object]) -> dict[str, list]:
    """Return {field: [old, new]} for the fields whose values differ."""
    return {
        name: [_plain(old.get(name)), _plain(new.get(name))]
        for name in new
        if old.get(name) != new.get(name)
    }


@dataclass
class Change:
    """One change to be written as an audit event."""

    action: str
    obj: models.Model
    changes: dict = field(default_factory=dict)


def _event(*, actor, change: Change, source: AuditSource, ip_address: str | None) -> AuditEvent:
    obj = change.obj
    return AuditEvent(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=change.action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk or ""),
        object_repr=str(obj)[:500],
        changes={key: [_plain(a), _plain(b)] for key, (a, b) in change.changes.items()},
        source=source,
        ip_address=ip_address,
    )


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model,
    changes: Mapping[str, tuple | list] | None = None,
    source: AuditSource = AuditSource.WEB,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Write one audit event."""
    change = Change(action=action, obj=obj, changes=dict(changes or {}))
    event = _event(actor=actor, change=change, source=source, ip_address=client_ip(request))
    event.save()
    return event


def audit_record_bulk(
    *,
    actor,
    changes: Iterable[Change],
    source: AuditSource,
    request: HttpRequest | None = None,
    batch_size: int = 1000,
) -> int:
    """Write many audit events in bulk; return how many were written."""
    ip_address = client_ip(request)
    changes = list(changes)
    if connection.vendor == "postgresql":
        _insert_postgresql(
            changes, actor=actor, source=source, ip_address=ip_address, page_size=batch_size
        )
        return len(changes)
    events = [
        _event(actor=actor, change=change, source=source, ip_address=ip_address)
        for change in changes
    ]
    AuditEvent.objects.bulk_create(events, batch_size=batch_size)
    return len(events)


_BULK_COLUMNS = (
    "actor",
    "created_at",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "changes",
    "source",
    "ip_address",
)


def _bulk_insert_sql() -> str:
    """Return the multi-row INSERT of audit events into the model's own table and columns."""
    # Identifiers come from the model, so a moved table cannot leave this statement behind;
    # only values come from the caller, and execute_values passes them as parameters.
    quote = connection.ops.quote_name
    columns = ", ".join(quote(AuditEvent._meta.get_field(name).column) for name in _BULK_COLUMNS)
    return f"INSERT INTO {quote(AuditEvent._meta.db_table)} ({columns}) VALUES %s"  # noqa: S608


def _insert_postgresql(
    changes: list[Change], *, actor, source: AuditSource, ip_address: str | None, page_size: int
) -> None:
    """Insert the events as plain rows, one multi-row statement per page.

    An import writes an event per organization; building a model instance for each and letting
    the ORM prepare every value took longer than the database's own work.
    """
    if not changes:
        return
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    now = timezone.now()
    rows = [
        (
            actor_id,
            now,
            change.action,
            change.obj._meta.label_lower,
            str(change.obj.pk or ""),
            str(change.obj)[:500],
            json.dumps(
                {key: [_plain(a), _plain(b)] for key, (a, b) in change.changes.items()},
                ensure_ascii=False,
            ),
            source,
            ip_address,
        )
        for change in changes
    ]
    from psycopg2.extras import execute_values  # only PostgreSQL deployments take this path

    with connection.cursor() as cursor:
        execute_values(cursor.cursor, _bulk_insert_sql(), rows, page_size=page_size)


def personal_data_access_log(
    *,
    actor,
    subject: models.Model,
    purpose: str,
    request: HttpRequest | None = None,
) -> PersonalDataAccess:
    """Record that the actor viewed or downloaded the subject's personal data."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""
    return PersonalDataAccess.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        subject_type=subject._meta.label_lower,
        subject_id=str(subject.pk),
        subject_repr=str(subject)[:500],
        purpose=purpose,
        ip_address=client_ip(request),
        user_agent=user_agent,
    )


def personal_data_access_log_many(
    *,
    actor,
    subjects: Iterable[models.Model],
    purpose: str,
    request: HttpRequest | None = None,
) -> None:
    """Record in one write that the actor viewed the personal data of each subject of a list."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""
    ip_address = client_ip(request)
    PersonalDataAccess.objects.bulk_create(
        PersonalDataAccess(
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            subject_type=subject._meta.label_lower,
            subject_id=str(subject.pk),
            subject_repr=str(subject)[:500],
            purpose=purpose,
            ip_address=ip_address,
            user_agent=user_agent,
        )
        for subject in subjects
    )

"""Writes of the governance app: versions of the Regulation."""

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit.models import AuditSource
from audit.services import audit_record
from governance.models import RegulationVersion
from governance.regulation import parse_regulation


def regulation_version_create(
    *,
    author,
    parameters: dict,
    reason: str,
    effective_from: datetime.date | None = None,
    source: AuditSource = AuditSource.WEB,
    request=None,
) -> RegulationVersion:
    """Put a new version of the Regulation in force; the previous one stays in the history."""
    parse_regulation(parameters)  # raises ValidationError with Russian messages
    reason = reason.strip()
    if not reason:
        from django.core.exceptions import ValidationError

        raise ValidationError("Укажите основание изменения Положения.")
    with transaction.atomic():
        # Serialise concurrent edits: the current version is the lock.
        current = RegulationVersion.objects.select_for_update().filter(in_force=True).first()
        number = (RegulationVersion.objects.aggregate(top=Max("number"))["top"] or 0) + 1
        if current is not None:
            current.in_force = False
            current.save(update_fields=["in_force"])
        version = RegulationVersion.objects.create(
            number=number,
            in_force=True,
            effective_from=effective_from or timezone.localdate(),
            parameters=parameters,
            reason=reason,
            author=author if getattr(author, "is_authenticated", False) else None,
        )
        changed = {
            key: (current.parameters.get(key) if current else None, value)
            for key, value in parameters.items()
            if current is None or current.parameters.get(key) != value
        }
        audit_record(
            actor=author,
            action="regulation.version_create",
            obj=version,
            changes=changed,
            source=source,
            request=request,
        )
    return version

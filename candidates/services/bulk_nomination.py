"""Nominate everyone on a checked list in one transaction: every row or none."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from audit.models import AuditSource
from candidates.bulk_nomination import BulkPlan
from candidates.models import Nomination
from candidates.services.profiles import candidate_nominate


def nominations_create_in_bulk(
    *, actor, plan: BulkPlan, request: HttpRequest | None = None
) -> list[Nomination]:
    """Create the plan's nominations and invite the people; raise and write nothing on any error.

    The invitations go out only after the whole list is committed.
    """
    if not plan.is_valid:
        raise ValidationError("Список содержит ошибки: ни одна заявка не создана.")
    nominations = []
    with transaction.atomic():
        for row in plan.rows:
            try:
                nominations.append(
                    candidate_nominate(
                        actor=actor,
                        email=row.email,
                        profile=row.profile(),
                        position_kind=row.position_kind,
                        source=row.source,
                        request=request,
                        audit_source=AuditSource.IMPORT,
                    )
                )
            except ValidationError as error:
                raise ValidationError(
                    [f"строка {row.row}: {message}" for message in error.messages]
                ) from error
    return nominations

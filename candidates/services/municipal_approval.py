"""The municipality's согласование of a self-nomination or an organization head's nomination.

A Regulation switch (municipal_approval, on by default): such a nomination goes to the
coordinator of its municipality for a recorded «согласовано» or «не согласовано» with the
reason, before the ministry checks its documents. A refusal closes it as not admitted.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from candidates.models import MunicipalDecision, Nomination, NominationStatus
from candidates.services.nominations import (
    MUNICIPAL_REFUSAL,
    NEEDS_AGREEMENT,
    nomination_transition,
)


def nomination_municipal_decide(
    *,
    nomination: Nomination,
    approved: bool,
    reason: str,
    actor,
    request: HttpRequest | None = None,
) -> Nomination:
    """Record the coordinator's «согласовано» or «не согласовано (причина)» once."""
    reason = reason.strip()
    if not approved and not reason:
        raise ValidationError("Укажите причину: кандидат увидит её в личном кабинете.")
    with transaction.atomic():
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if locked.source not in NEEDS_AGREEMENT:
            raise ValidationError("Выдвижение муниципальным органом согласования не требует.")
        if locked.status != NominationStatus.SUBMITTED:
            raise ValidationError(
                f"Согласовать можно поданную заявку; эта — «{locked.get_status_display()}»."
            )
        if locked.municipal_decision:
            raise ValidationError("Решение о согласовании уже записано.")
        locked.municipal_decision = (
            MunicipalDecision.APPROVED if approved else MunicipalDecision.REJECTED
        )
        locked.municipal_reason = reason
        locked.municipal_decided_by = actor
        locked.municipal_decided_at = timezone.now()
        locked.save(
            update_fields=[
                "municipal_decision",
                "municipal_reason",
                "municipal_decided_by",
                "municipal_decided_at",
            ]
        )
        audit_record(
            actor=actor,
            action="nomination.municipal_decision",
            obj=locked,
            changes={"согласование": ("", locked.get_municipal_decision_display())},
            request=request,
        )
        if not approved:
            locked = nomination_transition(
                nomination=locked,
                to_status=NominationStatus.NOT_ADMITTED,
                actor=actor,
                reason=f"Не согласовано муниципальным органом управления образованием: {reason}",
                request=request,
                rule=MUNICIPAL_REFUSAL,
            )
    return locked

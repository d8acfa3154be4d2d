"""Check a nomination against the Regulation in force, and record staff overrides."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from candidates.eligibility import evaluate
from candidates.models import EligibilityCheck, Nomination
from candidates.selectors import candidate_profile
from governance.regulation import parse_regulation
from governance.selectors import regulation_version_in_force


def eligibility_evaluate(
    *,
    nomination: Nomination,
    actor,
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> EligibilityCheck:
    """Evaluate the candidate's profile by the rules in force and store the explained verdict."""
    version = regulation_version_in_force()
    rule = parse_regulation(version.parameters).rule_for(nomination.position_kind.code)
    result = evaluate(rule, candidate_profile(nomination.candidate), today or timezone.localdate())
    check = EligibilityCheck.objects.create(
        nomination=nomination,
        regulation_version=version,
        evaluated_by=actor if getattr(actor, "is_authenticated", False) else None,
        is_eligible=result.is_eligible,
        results=result.as_json(),
    )
    audit_record(
        actor=actor,
        action="eligibility.evaluate",
        obj=nomination,
        changes={"соответствует требованиям": (None, result.is_eligible)},
        request=request,
    )
    return check


def eligibility_override(
    *,
    check: EligibilityCheck,
    actor,
    eligible: bool,
    reason: str,
    request: HttpRequest | None = None,
) -> EligibilityCheck:
    """Record a specialist's decision against the rules; a written reason is required."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Решение вопреки правилам требует письменного обоснования.")
    with transaction.atomic():
        locked = EligibilityCheck.objects.select_for_update().get(pk=check.pk)
        old = locked.override_eligible
        locked.override_eligible = eligible
        locked.override_reason = reason
        locked.override_by = actor
        locked.override_at = timezone.now()
        locked.save(
            update_fields=["override_eligible", "override_reason", "override_by", "override_at"]
        )
        audit_record(
            actor=actor,
            action="eligibility.override",
            obj=locked.nomination,
            changes={"решение специалиста": (old, eligible), "обоснование": ("", reason)},
            request=request,
        )
    return locked

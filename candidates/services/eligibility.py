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
    reason: str,
    recommendation_number: str = "",
    recommendation_date: datetime.date | None = None,
    eligible: bool = True,
    request: HttpRequest | None = None,
) -> EligibilityCheck:
    """Admit by the attestation commission's recommendation, as an exception (761н, разд. I, п. 9).

    Not a specialist's own judgement: the recommendation's number, date and text are recorded.
    """
    reason = reason.strip()
    recommendation_number = recommendation_number.strip()
    if not eligible:
        raise ValidationError(
            "Признать кандидата не соответствующим вопреки правилам нельзя: исключение "
            "допускается только в пользу кандидата по рекомендации аттестационной комиссии."
        )
    problems = {}
    if not reason:
        problems["reason"] = "Приведите текст рекомендации аттестационной комиссии."
    if not recommendation_number:
        problems["recommendation_number"] = "Укажите номер протокола аттестационной комиссии."
    if recommendation_date is None:
        problems["recommendation_date"] = "Укажите дату рекомендации аттестационной комиссии."
    elif recommendation_date > timezone.localdate():
        problems["recommendation_date"] = "Дата рекомендации не может быть в будущем."
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        locked = EligibilityCheck.objects.select_for_update().get(pk=check.pk)
        old = locked.override_eligible
        locked.override_eligible = True
        locked.override_reason = reason
        locked.recommendation_number = recommendation_number
        locked.recommendation_date = recommendation_date
        locked.override_by = actor
        locked.override_at = timezone.now()
        locked.save(
            update_fields=[
                "override_eligible",
                "override_reason",
                "recommendation_number",
                "recommendation_date",
                "override_by",
                "override_at",
            ]
        )
        audit_record(
            actor=actor,
            action="eligibility.override",
            obj=locked.nomination,
            changes={
                "рекомендация аттестационной комиссии": (
                    old,
                    f"№ {recommendation_number} от {recommendation_date:%d.%m.%Y}",
                ),
                "текст": ("", reason),
            },
            request=request,
        )
    return locked

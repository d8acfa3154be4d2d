"""Writes of the well-being pulse: consent, the month's answer, withdrawal that erases answers.

The requests for a conversation with the coordinator are written in support.py.

One answer per person per calendar month: a second submit in the same month replaces the first.
The pulse asks about the last month, so a person who answered in haste may correct it, while the
aggregates still count each person once a month.

Withdrawing the consent deletes every answer the person gave. 152-ФЗ (art. 9 part 2, art. 21
part 5) asks the operator to stop processing and destroy the data once consent is withdrawn and
no other ground remains; the pulse has no other ground, and anonymised answers would still sit
in small groups' aggregates. So they go, and the audit log keeps only that answers were deleted.

The person's account row is locked for each write, so a submit racing a withdrawal either
lands before it (and is deleted with the rest) or finds no consent and is refused.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.models import AuditSource
from audit.services import Change, audit_record, audit_record_bulk
from development import access
from development.models import PulseResponse, PulseScale
from development.wellbeing.questionnaire import pulse_index, validate_answers
from development.wellbeing.selectors import month_label, pulse_group_of, response_of_month
from governance.consent import consent_active, consent_give, consent_withdraw
from governance.models import ConsentPurpose, ConsentRecord


def _lock_person(user) -> None:
    """Serialize the person's pulse writes on their account row."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def pulse_consent_give(*, user, request: HttpRequest | None = None) -> ConsentRecord:
    """Record the person's consent to the pulse; only those who may answer can give it."""
    if not access.can_answer_pulse(user):
        raise ValidationError("Опрос доступен резервистам, включённым в резерв, и наставникам.")
    return consent_give(user=user, purpose=ConsentPurpose.WELLBEING, request=request)


def pulse_answer_submit(
    *,
    user,
    answers: list[int],
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
    source: AuditSource = AuditSource.WEB,
) -> tuple[PulseResponse, bool]:
    """Save the person's answer for this month (replacing an earlier one); return it and created."""
    today = today or timezone.localdate()
    cleaned = validate_answers(answers)
    with transaction.atomic():
        _lock_person(user)
        if not access.can_answer_pulse(user):
            raise ValidationError(
                "Новые ответы принимаются только от резервистов, включённых в резерв, "
                "и от наставников."
            )
        if consent_active(user, ConsentPurpose.WELLBEING) is None:
            raise ValidationError("Сначала дайте согласие на участие в опросе.")
        group = pulse_group_of(user)
        values = {
            "submitted_on": today,
            "answers": cleaned,
            "scale": PulseScale.WHO5,
            "index": pulse_index(cleaned),
            "municipality_id": group.municipality_id,
            "cohort_year": group.cohort_year,
        }
        response = response_of_month(user, today)
        created = response is None
        if created:
            response = PulseResponse.objects.create(user=user, **values)
        else:
            for name, value in values.items():
                setattr(response, name, value)
            response.save(
                update_fields=[
                    "submitted_on",
                    "answers",
                    "scale",
                    "index",
                    "municipality",
                    "cohort_year",
                ]
            )
        # The log says that the person answered, never what: the answers stay theirs alone.
        audit_record(
            actor=user,
            action="pulse.create" if created else "pulse.update",
            obj=response,
            changes={"месяц": (None, month_label(today))},
            source=source,
            request=request,
        )
    return response, created


def pulse_consent_withdraw(*, user, request: HttpRequest | None = None) -> int:
    """Withdraw the person's consent and delete all their answers; return how many were deleted."""
    with transaction.atomic():
        _lock_person(user)
        consent_withdraw(user=user, purpose=ConsentPurpose.WELLBEING, request=request)
        responses = list(PulseResponse.objects.filter(user=user))
        audit_record_bulk(
            actor=user,
            changes=[Change(action="pulse.delete", obj=response) for response in responses],
            source=AuditSource.WEB,
            request=request,
        )
        PulseResponse.objects.filter(pk__in=[response.pk for response in responses]).delete()
    return len(responses)

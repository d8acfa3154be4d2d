"""Give, withdraw and look up consents; each change is itself recorded in the audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.models import AuditSource
from audit.services import audit_record
from core.http import client_ip
from governance.models import ConsentPurpose, ConsentRecord, ConsentText


def consent_text_in_force(purpose: ConsentPurpose) -> ConsentText:
    """Return the text a person agrees to now for the purpose."""
    return ConsentText.objects.get(purpose=purpose, in_force=True)


def consent_active(user, purpose: ConsentPurpose) -> ConsentRecord | None:
    """Return the person's standing consent for the purpose, or None."""
    if user is None or not getattr(user, "pk", None):
        return None
    return (
        ConsentRecord.objects.filter(user=user, text__purpose=purpose, withdrawn_at__isnull=True)
        .select_related("text")
        .first()
    )


def consent_give(
    *, user, purpose: ConsentPurpose, request: HttpRequest | None = None
) -> ConsentRecord:
    """Record the person's consent to the text in force; a repeated click changes nothing."""
    with transaction.atomic():
        text = consent_text_in_force(purpose)
        existing = (
            ConsentRecord.objects.select_for_update()
            .filter(user=user, text=text, withdrawn_at__isnull=True)
            .first()
        )
        if existing is not None:
            return existing
        record = ConsentRecord.objects.create(user=user, text=text, given_ip=client_ip(request))
        audit_record(
            actor=user,
            action="consent.give",
            obj=record,
            changes={"версия текста": (None, text.version)},
            source=AuditSource.WEB,
            request=request,
        )
    return record


def consent_withdraw(
    *, user, purpose: ConsentPurpose, request: HttpRequest | None = None
) -> ConsentRecord:
    """Withdraw the person's standing consent; processing of their data stops."""
    with transaction.atomic():
        record = (
            ConsentRecord.objects.select_for_update()
            .filter(user=user, text__purpose=purpose, withdrawn_at__isnull=True)
            .first()
        )
        if record is None:
            raise ValidationError("Действующего согласия нет — отзывать нечего.")
        record.withdrawn_at = timezone.now()
        record.withdrawn_ip = client_ip(request)
        record.save(update_fields=["withdrawn_at", "withdrawn_ip"])
        audit_record(
            actor=user,
            action="consent.withdraw",
            obj=record,
            changes={"отозвано": (None, record.withdrawn_at)},
            source=AuditSource.WEB,
            request=request,
        )
    return record

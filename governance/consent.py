"""Give, withdraw and look up consents; each change is itself recorded in the audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
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


def consent_text_publish(
    *, purpose: ConsentPurpose, text: str, actor, request: HttpRequest | None = None
) -> ConsentText:
    """Put a new version of a consent text in force; standing consents to older ones stay."""
    text = text.strip()
    if purpose not in ConsentPurpose.values:
        raise ValidationError("Выберите, к чему относится согласие.")
    if len(text) < 200:
        raise ValidationError(
            "Текст согласия слишком короткий: в нём должны быть оператор и его адрес, цель, "
            "перечень данных и действий, третьи лица, срок и порядок отзыва (152-ФЗ, ст. 9 ч. 4)."
        )
    with transaction.atomic():
        current = ConsentText.objects.select_for_update().filter(purpose=purpose, in_force=True)
        old = current.first()
        if old is not None and old.text.strip() == text:
            raise ValidationError("Текст не изменился: новая версия не нужна.")
        top = ConsentText.objects.filter(purpose=purpose).aggregate(top=Max("version"))["top"]
        current.update(in_force=False)
        published = ConsentText.objects.create(
            purpose=purpose, version=(top or 0) + 1, text=text, in_force=True
        )
        audit_record(
            actor=actor,
            action="consent.publish",
            obj=published,
            changes={"версия": (old.version if old else None, published.version)},
            source=AuditSource.WEB,
            request=request,
        )
    return published


def consents_to_renew(user) -> list[ConsentText]:
    """Return the texts in force the person has not accepted though they consented before."""
    if user is None or not getattr(user, "pk", None):
        return []
    standing = ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True)
    purposes = set(standing.values_list("text__purpose", flat=True))
    accepted = set(standing.filter(text__in_force=True).values_list("text__purpose", flat=True))
    return list(
        ConsentText.objects.filter(purpose__in=purposes - accepted, in_force=True).order_by(
            "purpose"
        )
    )

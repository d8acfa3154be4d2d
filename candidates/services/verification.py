"""Staff's checks that admission rests on: service periods against the трудовая книжка or СТД-Р,
and the справка about criminal records (ТК РФ, ст. 331 и 351.1)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from candidates.models import Document, Nomination, NominationStatus, WorkRecord

# Staff verify while the documents are checked, before admission.
VERIFIABLE = (NominationStatus.SUBMITTED, NominationStatus.DOCUMENT_CHECK)


def _locked_in_check(nomination: Nomination) -> Nomination:
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.status not in VERIFIABLE:
        raise ValidationError(
            f"Заявка в статусе «{locked.get_status_display()}»: сверять данные можно при проверке "
            "документов."
        )
    return locked


def work_record_verify(
    *, nomination: Nomination, record: WorkRecord, actor, request: HttpRequest | None = None
) -> WorkRecord:
    """Mark a service period as checked against the трудовая книжка or СТД-Р."""
    with transaction.atomic():
        locked = _locked_in_check(nomination)
        current = WorkRecord.objects.select_for_update().get(
            pk=record.pk, candidate_id=locked.candidate_id
        )
        if current.verified_at is not None:
            return current
        current.verified_at = timezone.now()
        current.verified_by = actor
        current.save(update_fields=["verified_at", "verified_by"])
        audit_record(
            actor=actor,
            action="work.verify",
            obj=current,
            changes={"сверено с трудовой книжкой": (None, f"{current}")},
            request=request,
        )
    return current


def document_mark_disqualifying(
    *,
    nomination: Nomination,
    document: Document,
    disqualifying: bool,
    actor,
    request: HttpRequest | None = None,
) -> Document:
    """Mark (or unmark) the справка as showing a bar to pedagogical work."""
    with transaction.atomic():
        locked = _locked_in_check(nomination)
        current = Document.objects.select_for_update().get(pk=document.pk, nomination=locked)
        if current.kind != "no_criminal_record":
            raise ValidationError("Отметка относится только к справке о судимости.")
        if current.is_disqualifying == disqualifying:
            return current
        current.is_disqualifying = disqualifying
        current.save(update_fields=["is_disqualifying"])
        audit_record(
            actor=actor,
            action="document.disqualifying",
            obj=current,
            changes={"препятствует допуску": (not disqualifying, disqualifying)},
            request=request,
        )
    return current

"""Accept a person's documents only when they really are safe PDF, JPEG or PNG files."""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from candidates.models import Document, DocumentKind, Nomination
from core.uploads import check_document


def document_upload(
    *,
    nomination: Nomination,
    kind: str,
    uploaded_file: UploadedFile,
    actor,
    request: HttpRequest | None = None,
) -> Document:
    """Validate and store a document; on any failure nothing stays behind."""
    if kind not in DocumentKind.values:
        raise ValidationError("Неизвестный вид документа.")
    checked = check_document(
        uploaded_file, too_big_hint=" (например, отсканируйте с меньшим разрешением)"
    )
    document = Document(
        nomination=nomination,
        kind=kind,
        original_name=checked.display_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    # The field's upload_to puts the file under documents/<year>/<month>/; the name is random.
    document.file.save(f"{uuid.uuid4().hex}{checked.extension}", checked.content, save=False)
    try:
        with transaction.atomic():
            document.save()
            audit_record(
                actor=actor,
                action="document.upload",
                obj=nomination,
                changes={"документ": (None, f"{DocumentKind(kind).label}: {checked.display_name}")},
                request=request,
            )
    except Exception:
        document.file.delete(save=False)
        raise
    return document


def document_delete(*, document: Document, actor, request: HttpRequest | None = None) -> None:
    """Remove a document from the application and its file from storage."""
    nomination = document.nomination
    label = str(document)
    with transaction.atomic():
        document.delete()
        audit_record(
            actor=actor,
            action="document.delete",
            obj=nomination,
            changes={"документ": (label, None)},
            request=request,
        )
        transaction.on_commit(lambda: document.file.delete(save=False))


def document_mark_checked(
    *, document: Document, actor, checked: bool = True, request: HttpRequest | None = None
) -> Document:
    """Mark a document as checked (or not) by a specialist."""
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        old = locked.is_checked
        locked.is_checked = checked
        locked.checked_by = actor if checked else None
        locked.checked_at = timezone.now() if checked else None
        locked.save(update_fields=["is_checked", "checked_by", "checked_at"])
        audit_record(
            actor=actor,
            action="document.check",
            obj=locked.nomination,
            changes={f"проверен: {locked}": (old, checked)},
            request=request,
        )
    return locked

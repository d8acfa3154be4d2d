"""Accept a person's documents only when they really are PDF, JPEG or PNG files."""

import hashlib
import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from candidates.models import Document, DocumentKind, Nomination
from core.uploads import detect_document_type, document_max_bytes, size_label


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
    limit = document_max_bytes()
    if uploaded_file.size is None or uploaded_file.size == 0:
        raise ValidationError("Файл пустой.")
    if uploaded_file.size > limit:
        raise ValidationError(
            f"Файл больше {size_label(limit)}. Уменьшите его (например, отсканируйте "
            "с меньшим разрешением) и загрузите снова."
        )
    uploaded_file.seek(0)
    detected = detect_document_type(uploaded_file.read(16))
    if detected is None:
        raise ValidationError(
            "Принимаются только файлы PDF, JPEG и PNG. Этот файл не является ни одним из них."
        )
    content_type, extension = detected
    digest = hashlib.sha256()
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    original_name = (uploaded_file.name or "document")[-255:]
    document = Document(
        nomination=nomination,
        kind=kind,
        original_name=original_name,
        content_type=content_type,
        size=uploaded_file.size,
        sha256=digest.hexdigest(),
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    # The field's upload_to puts the file under documents/<year>/<month>/; the name is random.
    document.file.save(f"{uuid.uuid4().hex}{extension}", uploaded_file, save=False)
    try:
        with transaction.atomic():
            document.save()
            audit_record(
                actor=actor,
                action="document.upload",
                obj=nomination,
                changes={"документ": (None, f"{DocumentKind(kind).label}: {original_name}")},
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

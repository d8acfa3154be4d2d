"""Upload a new version of a document's Word template; one that does not render is refused."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest

from audit.services import audit_record
from governance.document_templates import KINDS
from governance.document_templates.rendering import MAX_TEMPLATE_BYTES, template_check
from governance.document_templates.store import template_in_force
from governance.models import DocumentTemplate


def document_template_upload(
    *, kind: str, file: UploadedFile, note: str, actor, request: HttpRequest | None = None
) -> DocumentTemplate:
    """Put the uploaded template in force after it rendered its kind's sample document."""
    if kind not in KINDS:
        raise ValidationError("Нет такого документа.")
    if not file.name.lower().endswith(".docx"):
        raise ValidationError("Загрузите файл Word с расширением .docx.")
    if file.size > MAX_TEMPLATE_BYTES:
        raise ValidationError(
            f"Файл больше {MAX_TEMPLATE_BYTES // 1024 // 1024} МБ — это не шаблон документа."
        )
    content = file.read()
    template_check(content, KINDS[kind].sample())
    note = note.strip()
    if not note:
        raise ValidationError("Опишите, что изменено в шаблоне.")
    with transaction.atomic():
        current = template_in_force(kind)
        current = DocumentTemplate.objects.select_for_update().get(pk=current.pk)
        number = (
            DocumentTemplate.objects.filter(kind=kind).aggregate(top=Max("version"))["top"] or 0
        ) + 1
        current.in_force = False
        current.save(update_fields=["in_force"])
        template = DocumentTemplate.objects.create(
            kind=kind,
            version=number,
            content=content,
            filename=file.name[:255],
            in_force=True,
            note=note,
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_record(
            actor=actor,
            action="document_template.upload",
            obj=template,
            changes={"версия": (current.version, number), "что изменено": ("", note)},
            request=request,
        )
    return template


def document_template_restore(
    *, template: DocumentTemplate, actor, request: HttpRequest | None = None
) -> DocumentTemplate:
    """Put an earlier version back in force (as it was; the history stays)."""
    with transaction.atomic():
        current = DocumentTemplate.objects.select_for_update().filter(
            kind=template.kind, in_force=True
        )
        old = current.values_list("version", flat=True).first()
        current.update(in_force=False)
        DocumentTemplate.objects.filter(pk=template.pk).update(in_force=True)
        audit_record(
            actor=actor,
            action="document_template.restore",
            obj=template,
            changes={"версия": (old, template.version)},
            request=request,
        )
    template.in_force = True
    return template

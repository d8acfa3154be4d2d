"""The template of a document kind in force, and rendering a document with it."""

from django.db import IntegrityError, transaction

from governance.document_templates import KINDS
from governance.document_templates.rendering import render_template
from governance.models import DocumentTemplate


def template_in_force(kind: str) -> DocumentTemplate:
    """Return the version in force; the shipped default becomes version 1 on first use."""
    if kind not in KINDS:
        raise KeyError(f"Нет такого вида шаблона: {kind}")
    template = DocumentTemplate.objects.filter(kind=kind, in_force=True).first()
    if template is not None:
        return template
    default = KINDS[kind].default_path
    try:
        with transaction.atomic():
            return DocumentTemplate.objects.create(
                kind=kind,
                version=1,
                content=default.read_bytes(),
                filename=default.name,
                in_force=True,
                note="Шаблон, поставляемый с порталом.",
            )
    except IntegrityError:  # another request loaded it at the same moment
        return DocumentTemplate.objects.get(kind=kind, in_force=True)


def render_document(kind: str, context: dict) -> bytes:
    """Return the .docx of the kind rendered from its template in force."""
    return render_template(bytes(template_in_force(kind).content), context)

"""The shipped templates as bytes, built the same way every time so the files can be compared."""

import io
import zipfile

from core.docx import to_bytes
from governance.document_templates import TemplateKind


def template_bytes(kind: TemplateKind) -> bytes:
    """Return the kind's default template as .docx bytes."""
    document = kind.build()
    properties = document.core_properties
    properties.title = kind.name
    properties.author = "Министерство образования Оренбургской области"
    properties.revision = 1
    return to_bytes(document)


def document_xml(content: bytes) -> bytes:
    """Return the main part of a .docx: what the ministry edits."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("word/document.xml")

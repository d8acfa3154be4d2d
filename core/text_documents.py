"""Written documents a person hands in (PDF, Word .docx, OpenDocument .odt): what a file really is.

PDF is recognised and checked by core.uploads, like every document of the portal (parsed; no
JavaScript, embedded files or HTML inside). A .docx and an .odt are zip
containers: the file is one of them only when the container holds the parts that make it so, and
it is refused when it carries macros or would unpack to far more than it weighs. Nothing is
unpacked here but the few bytes of the OpenDocument's `mimetype` part.
"""

import zipfile
from typing import IO

from django.core.exceptions import ValidationError

from core.uploads import check_pdf, detect_document_type, document_max_bytes, size_label

PDF = ("application/pdf", ".pdf")
DOCX = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
ODT = ("application/vnd.oasis.opendocument.text", ".odt")
KINDS_NAMED = "PDF, DOCX (Word) и ODT (LibreOffice, OpenOffice)"

_ZIP_SIGNATURE = b"PK\x03\x04"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# A text document's parts unpack to a few times its size; a thousand times is a zip bomb.
_MAX_UNPACKED_RATIO = 1000
_MAX_MEMBERS = 5000
_MACRO_PARTS = ("word/vbaProject.bin", "Basic/", "Scripts/")


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, code="document")


def _container_kind(handle: IO[bytes], size: int) -> tuple[str, str]:
    try:
        archive = zipfile.ZipFile(handle)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse("Файл повреждён: открыть его как документ не удалось.") from None
    if len(members) > _MAX_MEMBERS:
        raise _refuse("Файл отклонён: в нём слишком много частей для текстового документа.")
    unpacked = sum(member.file_size for member in members)
    if unpacked > max(size, 1) * _MAX_UNPACKED_RATIO:
        raise _refuse("Файл отклонён как опасный: при распаковке он занял бы слишком много места.")
    names = {member.filename for member in members}
    if any(name.startswith(_MACRO_PARTS) for name in names):
        raise _refuse("Документы с макросами не принимаются: сохраните файл без макросов.")
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return DOCX
    if "mimetype" in names and "content.xml" in names:
        with archive.open("mimetype") as part:
            if part.read(len(_ODT_MIMETYPE) + 1).strip() == _ODT_MIMETYPE:
                return ODT
    raise _refuse(
        f"Принимаются только документы {KINDS_NAMED}: этот архив не является ни одним из них."
    )


def text_document_kind(uploaded_file) -> tuple[str, str]:
    """Return the MIME type and extension the file's content shows, or refuse it in Russian."""
    limit = document_max_bytes()
    size = uploaded_file.size or 0
    if size == 0:
        raise _refuse("Файл пустой.")
    if size > limit:
        raise _refuse(f"Файл больше {size_label(limit)}. Уменьшите его и загрузите снова.")
    uploaded_file.seek(0)
    head = uploaded_file.read(16)
    uploaded_file.seek(0)
    try:
        if detect_document_type(head) == PDF:
            check_pdf(uploaded_file.read())
            return PDF
        if head.startswith(_ZIP_SIGNATURE):
            return _container_kind(uploaded_file, size)
    finally:
        uploaded_file.seek(0)
    raise _refuse(
        f"Принимаются только документы {KINDS_NAMED}. Этот файл не является ни одним из них."
    )

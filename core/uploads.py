"""Uploaded documents: what a file really is, whatever its name says, and whether it is safe.

A file is accepted only when it parses as what its first bytes claim: a PDF that pypdf reads
(without JavaScript, embedded files or launch actions), or a JPEG/PNG image that Pillow decodes
and re-encodes — what is stored is the re-encoded picture, so anything hidden after the image
data (or in its metadata) is gone. HTML anywhere in the bytes (a PDF/HTML or PNG/HTML polyglot)
is refused outright. Each refusal says why, in words for the person who uploaded the file.
"""

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# Signature → (MIME type, extension). The content decides, never the file name.
_SIGNATURES = (
    (b"%PDF-", ("application/pdf", ".pdf")),
    (b"\xff\xd8\xff", ("image/jpeg", ".jpg")),
    (b"\x89PNG\r\n\x1a\n", ("image/png", ".png")),
)
# What makes a browser, or a mail client, treat bytes as a web page or a script.
# Long enough that compressed image data does not match them by chance (about once in 10^5
# files of 10 MB for the shortest); a re-encoded image keeps none of them anyway.
_HTML_MARKERS = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|script|iframe|object|embed)[\s>/]"
    rb"|<svg\s+[a-z]|javascript:",
    re.IGNORECASE,
)
# PDF names that run code or carry other files inside the document.
_PDF_ACTIVE_NAMES = {
    "/JS": "JavaScript",
    "/JavaScript": "JavaScript",
    "/EmbeddedFile": "вложенные файлы",
    "/EmbeddedFiles": "вложенные файлы",
    "/Launch": "запуск программ",
    "/RichMedia": "встроенные мультимедиа",
    "/XFA": "интерактивные формы XFA",
}
_PDF_MAX_OBJECTS = 200_000  # a walk past this many objects is a crafted file, not a scan
MAX_IMAGE_PIXELS = 60_000_000  # 60 Мпикс: a scan at 600 dpi of A3 fits, a decompression bomb not
_NOT_A_DOCUMENT = "Принимаются только файлы PDF, JPEG и PNG. Этот файл не является ни одним из них."


@dataclass(frozen=True)
class CheckedDocument:
    """A file that passed the checks: what to store and what to call it."""

    content: ContentFile
    content_type: str
    extension: str
    display_name: str  # the uploaded name with the extension of what the file really is
    size: int
    sha256: str


def detect_document_type(head: bytes) -> tuple[str, str] | None:
    """Return the MIME type and extension the file's first bytes show, or None."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def document_max_bytes() -> int:
    """Return the largest document a person may upload (settings.DOCUMENT_MAX_BYTES)."""
    return getattr(settings, "DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)


def size_label(size: int) -> str:
    """Return a size in the units a person reads: «10 МБ», «500 КБ»."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} МБ"
    return f"{max(size // 1024, 1)} КБ"


def display_name(original: str, extension: str) -> str:
    """Return the uploaded file's name with the extension of its real type («скан.exe» → .pdf)."""
    stem = PurePath(original.replace("\\", "/")).name.rsplit(".", 1)[0].strip() or "документ"
    return f"{stem[: 255 - len(extension)]}{extension}"


def check_document(uploaded_file: UploadedFile, *, too_big_hint: str = "") -> CheckedDocument:
    """Return the file as it will be stored, or raise ValidationError saying why it is refused."""
    limit = document_max_bytes()
    if not uploaded_file.size:
        raise ValidationError("Файл пустой.")
    if uploaded_file.size > limit:
        raise ValidationError(
            f"Файл больше {size_label(limit)}. Уменьшите его{too_big_hint} и загрузите снова."
        )
    uploaded_file.seek(0)
    data = uploaded_file.read()
    uploaded_file.seek(0)
    detected = detect_document_type(data[:16])
    if detected is None:
        raise ValidationError(_NOT_A_DOCUMENT)
    content_type, extension = detected
    _refuse_html(data)
    if content_type == "application/pdf":
        _check_pdf(data)
    else:
        data = _reencoded_image(data, content_type)
    return CheckedDocument(
        content=ContentFile(data),
        content_type=content_type,
        extension=extension,
        display_name=display_name(uploaded_file.name or "документ", extension),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def check_pdf(data: bytes) -> None:
    """Refuse a PDF that is also a web page, does not parse, or carries active content.

    For uploads that accept PDF beside other kinds (core.text_documents); check_document does
    the same for its PDFs.
    """
    _refuse_html(data)
    _check_pdf(data)


def _refuse_html(data: bytes) -> None:
    if _HTML_MARKERS.search(data):
        raise ValidationError(
            "Файл содержит фрагменты веб-страницы или скрипта (HTML) и поэтому не принят. "
            "Сохраните документ заново как обычный PDF или изображение и загрузите его."
        )


def _check_pdf(data: bytes) -> None:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                "PDF защищён паролем: проверяющий не сможет его открыть. Снимите защиту и "
                "загрузите файл снова."
            )
        if len(reader.pages) == 0:
            raise ValidationError("В PDF нет ни одной страницы.")
        found = _active_content(reader)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise ValidationError(
            "PDF повреждён или не читается. Сохраните документ заново (например, «Печать → "
            "Сохранить как PDF») и загрузите его."
        ) from error
    if found:
        raise ValidationError(
            f"PDF содержит {found} — такие файлы не принимаются: они могут выполнять код на "
            "компьютере проверяющего. Сохраните документ заново как обычный PDF (например, "
            "«Печать → Сохранить как PDF») и загрузите его."
        )


def _active_content(reader: PdfReader) -> str:
    """Return what active content the document holds (in words), or "" when there is none."""
    pending: list[object] = [reader.trailer]
    seen: set[tuple[int, int]] = set()
    visited = 0
    while pending:
        node = pending.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        visited += 1
        if visited > _PDF_MAX_OBJECTS:
            return "слишком сложную структуру"
        if isinstance(node, DictionaryObject):
            for name, value in node.items():
                if name in _PDF_ACTIVE_NAMES:
                    return _PDF_ACTIVE_NAMES[name]
                if name == "/S" and value in _PDF_ACTIVE_NAMES:
                    return _PDF_ACTIVE_NAMES[value]
                pending.append(value)
        elif isinstance(node, ArrayObject):
            pending.extend(node)
    return ""


def _reencoded_image(data: bytes, content_type: str) -> bytes:
    """Decode the picture and encode it afresh (no metadata, nothing after the image data)."""
    refusal = ValidationError(
        "Изображение повреждено или не читается. Сохраните его заново (JPEG или PNG) и "
        "загрузите снова."
    )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    "Изображение слишком большое по числу точек. Отсканируйте документ с "
                    "разрешением 300 dpi и загрузите снова."
                )
            image.load()
            picture = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise refusal from None
    output = io.BytesIO()
    if content_type == "image/jpeg":
        if picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        picture.save(output, format="JPEG", quality=90, optimize=True)
    else:
        picture.save(output, format="PNG", optimize=True)
    return output.getvalue()

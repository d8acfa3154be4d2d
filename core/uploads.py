"""Uploaded documents: what a file really is, whatever its name says, and how big it may be."""

from django.conf import settings

# Signature → (MIME type, extension). The content decides, never the file name.
_SIGNATURES = (
    (b"%PDF-", ("application/pdf", ".pdf")),
    (b"\xff\xd8\xff", ("image/jpeg", ".jpg")),
    (b"\x89PNG\r\n\x1a\n", ("image/png", ".png")),
)


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

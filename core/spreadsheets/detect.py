"""Tell what a file really is from its first bytes, whatever its name says."""

from pathlib import Path

from core.spreadsheets.archive import XLSX, check_archive, megabytes
from core.spreadsheets.errors import FileRefused
from core.spreadsheets.limits import ReadLimits

XLS = "xls"
_OLE2_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
_ZIP_SIGNATURE = b"PK\x03\x04"
_KNOWN_OTHERS = (
    (b"%PDF", "PDF-документ"),
    (b"{\\rtf", "документ RTF"),
    (b"\x89PNG", "изображение PNG"),
    (b"\xff\xd8\xff", "изображение JPEG"),
    (b"GIF8", "изображение GIF"),
    (b"<?xml", "XML-файл"),
    (b"<html", "веб-страница"),
    (b"<!doctype", "веб-страница"),
    (b"Rar!", "архив RAR"),
    (b"7z\xbc\xaf", "архив 7-Zip"),
    (b"\x1f\x8b", "архив gzip"),
)

__all__ = ["XLS", "XLSX", "detect_format"]


def _describe(head: bytes) -> str:
    lowered = head.lower().lstrip()
    for signature, description in _KNOWN_OTHERS:
        if lowered.startswith(signature.lower()):
            return description
    # Text in any single-byte or UTF-8 encoding has no zero bytes; binary formats have plenty.
    return "неизвестный формат" if b"\x00" in head else "текстовый файл"


def detect_format(path: Path, limits: ReadLimits) -> str:
    """Return "xlsx", "xls" or "ods" for a spreadsheet; refuse anything else."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise FileRefused("Файл не найден или недоступен для чтения.") from error
    if size > limits.max_bytes:
        raise FileRefused(
            f"Файл слишком большой: {megabytes(size)}, допускается не больше "
            f"{megabytes(limits.max_bytes)}. Разделите таблицу на несколько файлов."
        )
    if size == 0:
        raise FileRefused("Файл пустой.")
    with path.open("rb") as handle:
        head = handle.read(512)
    if head.startswith(_OLE2_SIGNATURE):
        return XLS
    if head.startswith(_ZIP_SIGNATURE):
        return check_archive(path, limits)
    raise FileRefused(
        f"Файл не похож на таблицу ({_describe(head)}). "
        "Загрузите таблицу в формате .xlsx, .xls или .ods."
    )

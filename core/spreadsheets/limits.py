"""The bounds an uploaded spreadsheet must stay within before and while it is read."""

from dataclasses import dataclass

from core.spreadsheets.errors import FileRefused

# The portal's templates have a few dozen columns at most; the rest of a row is cut off.
MAX_COLUMNS = 64
# Spreadsheet XML compresses about 5–20 times; a zip bomb, thousands of times.
MAX_COMPRESSION_RATIO = 100
# Below this size a part's compression ratio is not worth judging.
RATIO_CHECK_FLOOR_BYTES = 1024 * 1024
# Parts parsed whole into memory (workbook, styles, manifest) are small in any real file.
MAX_DOCUMENT_PART_BYTES = 16 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 2000
# Title rows above the header: the header must appear within this many rows of a sheet.
HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class ReadLimits:
    """Limits for one read, passed in whole so that a worker process needs no settings."""

    max_bytes: int
    max_rows: int
    max_uncompressed_bytes: int
    max_columns: int = MAX_COLUMNS
    max_compression_ratio: int = MAX_COMPRESSION_RATIO


def row_cap(limits: ReadLimits) -> int:
    """Return the last row number a sheet may have: the data rows plus room for titles."""
    return limits.max_rows + HEADER_SEARCH_ROWS


def too_many_rows(sheet_name: str, limits: ReadLimits) -> FileRefused:
    """Return the refusal for a sheet that has or declares more rows than allowed."""
    allowed = f"{limits.max_rows:,}".replace(",", "\u00a0")
    return FileRefused(
        f"Файл отклонён: в листе «{sheet_name}» больше строк, чем допускается "
        f"({allowed} строк). Удалите лишние строки или разделите файл."
    )

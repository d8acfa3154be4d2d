"""Write spreadsheets that are safe to open: no cell runs as a formula."""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these is a formula to Excel and LibreOffice (CSV/formula injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> object:
    """Return a text value that no spreadsheet will evaluate; other values as they are."""
    if not isinstance(value, str):
        return value
    # openpyxl refuses control characters outright; a stray one must not fail the whole export.
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def unescape_cell(text: str) -> str:
    """Return the text without the apostrophe escape_cell put before a formula trigger."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text

"""Write spreadsheets that are safe to open: no cell runs as a formula, and text stays as typed.

Text that starts like a formula (=, +, -, @, a tab or a carriage return) is written as a text
cell with Excel's quote prefix — the workbook's own «this is text» mark — never with an apostrophe
added to the value: a phone number «+7 (3532) 11-22-33» is exported as exactly that.
"""

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these is a formula to Excel and LibreOffice (CSV/formula injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def clean_text(value: object) -> object:
    """Return text without the control characters a workbook cannot hold; other values as is."""
    if not isinstance(value, str):
        return value
    # openpyxl refuses control characters outright; a stray one must not fail the whole export.
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def safe_cell(sheet, value: object) -> WriteOnlyCell:
    """Return a write-only cell that no spreadsheet evaluates, its text exactly as given."""
    value = clean_text(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        # openpyxl would type «=…» as a formula; a string cell is text to every reader.
        cell.data_type = "s"
        if value.startswith(FORMULA_TRIGGERS):
            # Typing it back in Excel keeps it text, as an apostrophe typed first would.
            cell.quotePrefix = True
    return cell


def unescape_cell(text: str) -> str:
    """Return the text without the apostrophe older exports put before a formula trigger.

    Files exported before the quote prefix replaced the apostrophe still come back for import.
    """
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text

"""Read uploaded spreadsheets (.xlsx, .xls, .ods) safely, and write ones that are safe to open.

Every import of the portal goes the same way: detect_format refuses what is not a spreadsheet or
is built to harm the reader (zip and XML bombs, oversized parts), read_spreadsheet streams the
sheets within ReadLimits, locate_header or template_rows find the template's header, and the
cell parsers turn what people typed into values or into RowErrors worded for them.
"""

from core.spreadsheets.archive import megabytes
from core.spreadsheets.cells import (
    DIGITS_WITH_SPACES,
    CellContext,
    CellError,
    is_blank,
    parse_birth_date,
    parse_count,
    parse_date,
    parse_email,
    text_value,
)
from core.spreadsheets.detect import detect_format
from core.spreadsheets.errors import FileRefused, RowError, TableNotFound
from core.spreadsheets.limits import HEADER_SEARCH_ROWS, ReadLimits
from core.spreadsheets.sheets import read_spreadsheet
from core.spreadsheets.tables import (
    cell_text,
    fold_header,
    header_key,
    locate_header,
    template_rows,
)
from core.spreadsheets.writing import XLSX_CONTENT_TYPE, clean_text, safe_cell, unescape_cell

__all__ = [
    "DIGITS_WITH_SPACES",
    "HEADER_SEARCH_ROWS",
    "XLSX_CONTENT_TYPE",
    "CellContext",
    "CellError",
    "FileRefused",
    "ReadLimits",
    "RowError",
    "TableNotFound",
    "cell_text",
    "clean_text",
    "detect_format",
    "fold_header",
    "header_key",
    "is_blank",
    "locate_header",
    "megabytes",
    "parse_birth_date",
    "parse_count",
    "parse_date",
    "parse_email",
    "read_spreadsheet",
    "safe_cell",
    "template_rows",
    "text_value",
    "unescape_cell",
]

"""Read registry spreadsheets (.xlsx, .xls, .ods) safely and parse their rows."""

from registry.importing.columns import COLUMNS, TEMPLATE_HEADERS, TableLayout
from registry.importing.errors import FileRefused, RowError, TableNotFound
from registry.importing.limits import ReadLimits
from registry.importing.reader import parse_file, parse_file_in_worker
from registry.importing.values import KIND_NAMES, ParsedRow

__all__ = [
    "COLUMNS",
    "KIND_NAMES",
    "TEMPLATE_HEADERS",
    "FileRefused",
    "ParsedRow",
    "ReadLimits",
    "RowError",
    "TableLayout",
    "TableNotFound",
    "parse_file",
    "parse_file_in_worker",
]

"""Read the registry's spreadsheets and parse their rows into organizations' fields.

The reading itself and its safety checks are core.spreadsheets'; this package knows the
registry's template, its columns and the rules of its values (INN, OGRN, municipalities).
"""

from registry.importing.columns import COLUMNS, TEMPLATE_HEADERS, TableLayout
from registry.importing.reader import parse_file, parse_file_in_worker, registry_read_limits
from registry.importing.values import KIND_NAMES, ParsedRow

__all__ = [
    "COLUMNS",
    "KIND_NAMES",
    "TEMPLATE_HEADERS",
    "ParsedRow",
    "TableLayout",
    "parse_file",
    "parse_file_in_worker",
    "registry_read_limits",
]

"""Stream the sheets of an OpenDocument spreadsheet (.ods) out of its content.xml.

odfpy would build the whole document tree in memory, and LibreOffice writes a sheet's empty tail
as one row "repeated" a million times; this reader parses content.xml as a stream of events,
forgets each row once it is read, and never expands repeated empty rows or cells.
"""

import datetime
from collections.abc import Iterator
from pathlib import Path

from defusedxml.ElementTree import iterparse
from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900

from core.spreadsheets.archive import GuardedZipFile
from core.spreadsheets.errors import FileRefused, refusing_parser_errors, unreadable
from core.spreadsheets.limits import ReadLimits, row_cap, too_many_rows

_TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE_NS = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"

_TABLE = _TABLE_NS + "table"
_TABLE_NAME = _TABLE_NS + "name"
_ROW = _TABLE_NS + "table-row"
_ROWS_REPEATED = _TABLE_NS + "number-rows-repeated"
_CELLS = {_TABLE_NS + "table-cell", _TABLE_NS + "covered-table-cell"}
_COLUMNS_REPEATED = _TABLE_NS + "number-columns-repeated"
_VALUE_TYPE = _OFFICE_NS + "value-type"
_VALUE = _OFFICE_NS + "value"
_DATE_VALUE = _OFFICE_NS + "date-value"
_BOOLEAN_VALUE = _OFFICE_NS + "boolean-value"
_PARAGRAPH = _TEXT_NS + "p"
_SPACES = _TEXT_NS + "s"
_SPACE_COUNT = _TEXT_NS + "c"
_TAB = _TEXT_NS + "tab"
_LINE_BREAK = _TEXT_NS + "line-break"
_NUMERIC_TYPES = {"float", "percentage", "currency"}
# A run of spaces in one cell longer than this is not text anyone typed.
_MAX_SPACE_RUN = 1000


def _repeat(element, attribute: str) -> int:
    count = int(element.get(attribute, "1"))
    if count < 1:
        raise ValueError(attribute)
    return count


def _text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == _SPACES:
            parts.append(" " * min(int(child.get(_SPACE_COUNT, "1")), _MAX_SPACE_RUN))
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _LINE_BREAK:
            parts.append("\n")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _cell_value(cell):
    value_type = cell.get(_VALUE_TYPE)
    if value_type in _NUMERIC_TYPES and cell.get(_VALUE) is not None:
        return float(cell.get(_VALUE))
    if value_type == "date" and cell.get(_DATE_VALUE):
        try:
            return datetime.datetime.fromisoformat(cell.get(_DATE_VALUE))
        except ValueError:
            pass
    if value_type == "boolean":
        return cell.get(_BOOLEAN_VALUE) == "true"
    text = "\n".join(_text(paragraph) for paragraph in cell.iter(_PARAGRAPH))
    return text or None


def _row_values(row, limits: ReadLimits) -> list:
    values: list = []
    column = 0
    for cell in row:
        if cell.tag not in _CELLS:
            continue
        repeat = _repeat(cell, _COLUMNS_REPEATED)
        value = _cell_value(cell)
        if value is not None and column < limits.max_columns:
            values.extend([None] * (column - len(values)))
            values.extend([value] * min(repeat, limits.max_columns - column))
        column += repeat
    return values


class _ContentStream:
    """One pass over content.xml that hands out its tables one after another."""

    def __init__(self, source, limits: ReadLimits) -> None:
        self._events = iterparse(source, events=("start", "end"), forbid_dtd=True)
        self._limits = limits
        self._stack: list = []
        self._table_done = True

    def sheets(self) -> Iterator[tuple[str, Iterator[tuple[int, tuple]]]]:
        for event, element in self._events:
            if event == "end":
                self._stack.pop()
                continue
            self._stack.append(element)
            if element.tag == _TABLE:
                self._table_done = False
                name = element.get(_TABLE_NAME, "")
                yield name, refusing_parser_errors(self._rows(name))
                if not self._table_done:
                    self._skip_table()

    def _skip_table(self) -> None:
        depth = len(self._stack)
        for event, element in self._events:
            if event == "start":
                self._stack.append(element)
                continue
            self._stack.pop()
            if element.tag == _ROW:
                self._forget(element)
            if element.tag == _TABLE and len(self._stack) < depth:
                break
        self._table_done = True

    def _forget(self, element) -> None:
        element.clear()
        if self._stack:
            self._stack[-1].remove(element)

    def _rows(self, sheet_name: str) -> Iterator[tuple[int, tuple]]:
        cap = row_cap(self._limits)
        number = 1
        for event, element in self._events:
            if event == "start":
                self._stack.append(element)
                continue
            self._stack.pop()
            if element.tag == _TABLE:
                self._table_done = True
                return
            if element.tag != _ROW:
                continue
            repeat = _repeat(element, _ROWS_REPEATED)
            values = _row_values(element, self._limits)
            self._forget(element)
            if not values:
                number += repeat  # empty rows, however many are declared, cost nothing
                continue
            if number + repeat - 1 > cap:
                raise too_many_rows(sheet_name, self._limits)
            for _ in range(repeat):
                yield number, tuple(values)
                number += 1


def read_ods(path: Path, limits: ReadLimits) -> tuple[datetime.datetime, Iterator]:
    """Open an .ods spreadsheet; return its date epoch and its sheets."""
    archive = GuardedZipFile(path)
    try:
        source = archive.open("content.xml")
    except KeyError as error:
        archive.close()
        raise unreadable(error) from error

    def sheets() -> Iterator:
        try:
            yield from _ContentStream(source, limits).sheets()
        except FileRefused:
            raise
        except Exception as error:  # expat, defusedxml and bad attribute values alike
            raise unreadable(error) from error
        finally:
            source.close()
            archive.close()

    return CALENDAR_WINDOWS_1900, sheets()

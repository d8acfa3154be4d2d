"""Read the sheets of .xlsx, .xls and .ods files as rows of plain Python values.

Every reader yields sheets as (name, rows) where rows yields (row number as the person sees it,
tuple of cell values: None, str, int, float, bool, date or datetime). A sheet's rows must be
consumed or abandoned before the next sheet is asked for. None of them trusts a declared size.
"""

import datetime
import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import xlrd
from defusedxml.ElementTree import iterparse
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.xml.constants import SHEET_MAIN_NS

from core.spreadsheets.archive import ODS, XLSX, GuardedZipFile
from core.spreadsheets.detect import XLS
from core.spreadsheets.errors import FileRefused, refusing_parser_errors, unreadable
from core.spreadsheets.limits import ReadLimits, row_cap, too_many_rows
from core.spreadsheets.ods import read_ods

DIMENSION_TAG = f"{{{SHEET_MAIN_NS}}}dimension"
SHEET_DATA_TAG = f"{{{SHEET_MAIN_NS}}}sheetData"

Row = tuple[int, tuple]
Sheet = tuple[str, Iterator[Row]]


class _StreamedWorksheet(ReadOnlyWorksheet):
    """A read-only worksheet that reads its declared size only from before its data."""

    def _get_size(self) -> None:
        # openpyxl parses a whole sheet when it lacks <dimension>; look only at its head.
        with self._get_source() as source:
            for _, element in iterparse(source, events=("start",)):
                if element.tag == DIMENSION_TAG:
                    boundaries = range_boundaries(element.get("ref", "A1"))
                    self._min_column, self._min_row, self._max_column, self._max_row = boundaries
                    return
                if element.tag == SHEET_DATA_TAG:
                    return


class _GuardedExcelReader(ExcelReader):
    """openpyxl's reader over a GuardedZipFile, read-only and with cached formula values."""

    def __init__(self, archive: GuardedZipFile) -> None:
        # ExcelReader.__init__ would open its own unguarded ZipFile; set its fields instead.
        self.archive = archive
        self.valid_files = archive.namelist()
        self.read_only = True
        self.keep_vba = False
        self.data_only = True
        self.keep_links = False
        self.rich_text = False
        self.shared_strings = []

    def read_worksheets(self) -> None:
        for sheet, relation in self.parser.find_sheets():
            if relation.target not in self.valid_files or "chartsheet" in relation.Type:
                continue
            worksheet = _StreamedWorksheet(
                self.wb, sheet.name, relation.target, self.shared_strings
            )
            worksheet.sheet_state = sheet.state
            self.wb._sheets.append(worksheet)  # as openpyxl's own read_worksheets does


def _xlsx_rows(worksheet, limits: ReadLimits) -> Iterator[Row]:
    if (worksheet.max_row or 0) > row_cap(limits):
        raise too_many_rows(worksheet.title, limits)
    worksheet.reset_dimensions()
    cap = row_cap(limits)
    number = 0
    for number, values in enumerate(
        worksheet.iter_rows(max_col=limits.max_columns, values_only=True), start=1
    ):
        if number > cap:
            raise too_many_rows(worksheet.title, limits)
        yield number, values


def read_xlsx(path: Path, limits: ReadLimits) -> tuple[datetime.datetime, Iterator[Sheet]]:
    """Open an .xlsx workbook; return its date epoch and its sheets."""
    archive = GuardedZipFile(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about every unsupported extension
            reader = _GuardedExcelReader(archive)
            reader.read()
    except FileRefused:
        archive.close()
        raise
    except Exception as error:  # openpyxl raises anything from KeyError to ValueError
        archive.close()
        raise unreadable(error) from error
    workbook = reader.wb

    def sheets() -> Iterator[Sheet]:
        try:
            for worksheet in workbook.worksheets:
                yield worksheet.title, refusing_parser_errors(_xlsx_rows(worksheet, limits))
        finally:
            archive.close()

    return workbook.epoch, sheets()


def _xls_value(book, cell_type: int, value):
    if cell_type in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell_type == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(value, book.datemode)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            return value
    if cell_type == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    return value


def read_xls(path: Path, limits: ReadLimits) -> tuple[datetime.datetime, Iterator[Sheet]]:
    """Open a legacy .xls workbook; return its date epoch and its sheets."""
    try:
        with open(os.devnull, "w") as log:
            book = xlrd.open_workbook(
                str(path), on_demand=True, ragged_rows=True, logfile=log, use_mmap=False
            )
    except xlrd.XLRDError as error:
        if "workbook" in str(error).lower():
            raise FileRefused(
                "Файл не похож на таблицу (это документ Office, но не книга Excel). "
                "Загрузите таблицу в формате .xlsx, .xls или .ods."
            ) from error
        raise unreadable(error) from error
    except Exception as error:  # xlrd raises struct, index and assertion errors on bad files
        raise unreadable(error) from error
    epoch = datetime.datetime(1904, 1, 1) if book.datemode else CALENDAR_WINDOWS_1900

    def rows(index: int) -> Iterator[Row]:
        sheet = book.sheet_by_index(index)
        if sheet.nrows > row_cap(limits):
            raise too_many_rows(sheet.name, limits)
        for row_index in range(sheet.nrows):
            width = min(sheet.row_len(row_index), limits.max_columns)
            types = sheet.row_types(row_index, 0, width)
            values = sheet.row_values(row_index, 0, width)
            yield (
                row_index + 1,
                tuple(
                    _xls_value(book, cell_type, value)
                    for cell_type, value in zip(types, values, strict=True)
                ),
            )
        book.unload_sheet(index)

    def sheets() -> Iterator[Sheet]:
        try:
            for index in range(book.nsheets):
                yield book.sheet_names()[index], refusing_parser_errors(rows(index))
        finally:
            book.release_resources()

    return epoch, sheets()


def read_spreadsheet(
    path: Path, file_format: str, limits: ReadLimits
) -> tuple[datetime.datetime, Iterator[Sheet]]:
    """Open a spreadsheet of a detected format; return its date epoch and its sheets."""
    if file_format == XLSX:
        return read_xlsx(path, limits)
    if file_format == XLS:
        return read_xls(path, limits)
    if file_format == ODS:
        return read_ods(path, limits)
    raise ValueError(file_format)

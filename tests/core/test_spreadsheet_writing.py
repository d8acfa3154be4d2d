"""Exports write text as text: formulas never run, and a phone number keeps no apostrophe."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from core.spreadsheets import safe_cell, unescape_cell
from tests.xlsx import is_safe_text, sheet_cells

DANGEROUS = [
    '=HYPERLINK("http://evil")',
    "+7 (3532) 11-22-33",
    "-1+2",
    "@SUM(A1)",
    "\tcmd",
    "\rcmd",
]


def _written(values: list) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Лист")
    sheet.append([safe_cell(sheet, value) for value in values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("value", [*DANGEROUS, "Школа № 1", "a=b"])
def test_text_is_written_as_text_exactly_as_given(value):
    (cell,) = sheet_cells(_written([value]))[0]

    assert is_safe_text(cell, value)


def test_no_cell_becomes_a_formula_and_no_apostrophe_is_added():
    content = _written(DANGEROUS)

    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    assert "'+7" not in sheet_xml
    assert [cell.value for cell in sheet_cells(content)[0]] == DANGEROUS


def test_numbers_and_empty_cells_stay_as_they_are():
    cells = sheet_cells(_written([500, 2.5, None]))[0]

    assert [cell.value for cell in cells[:2]] == [500, 2.5]
    assert cells[0].data_type == "n"


def test_it_drops_control_characters_a_workbook_cannot_hold():
    (cell,) = sheet_cells(_written(["Иванова\x01"]))[0]

    assert cell.value == "Иванова"


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+7 900", "-1", "@SUM(A1)"])
def test_files_exported_with_an_apostrophe_still_read_back(value):
    assert unescape_cell("'" + value) == value


def test_it_keeps_an_apostrophe_before_ordinary_text():
    assert unescape_cell("'Школа") == "'Школа"

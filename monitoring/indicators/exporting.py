"""The dashboard as .xlsx: one sheet of values by municipality, one of the formulas."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.spreadsheets import safe_cell
from monitoring.indicators.selectors import Dashboard


def dashboard_workbook(board: Dashboard) -> bytes:
    """Return the dashboard's table with numbers as numbers, and the formulas in words."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Показатели"
    sheet.append([f"Показатели кадрового резерва: {board.period.label}"])
    sheet.append([])
    header = ["Муниципальное образование"] + [
        f"{indicator.title}, {indicator.unit}" for indicator in board.indicators
    ]
    sheet.append(header)
    for row in [*board.rows, board.region]:
        sheet.append([safe_cell(sheet, row.name)] + [_number(cell.value) for cell in row.cells])
    sheet["A1"].font = Font(bold=True, size=12)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 36
    for index in range(2, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 16
    sheet.freeze_panes = "B4"
    formulas = workbook.create_sheet("Как считается")
    formulas.append(["Показатель", "Единица", "Этап", "Формула"])
    for indicator in board.indicators:
        formulas.append([indicator.title, indicator.unit, indicator.stage, indicator.formula])
    for cell in formulas[1]:
        cell.font = Font(bold=True)
    formulas.column_dimensions["A"].width = 34
    formulas.column_dimensions["D"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _number(value):
    return float(value) if value is not None else None

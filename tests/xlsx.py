"""Reading back the portal's .xlsx exports in tests: cells as Excel sees them."""

import io

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell

from core.spreadsheets.writing import FORMULA_TRIGGERS


def sheet_cells(content: bytes) -> list[list[Cell]]:
    """Return the first sheet's rows as cells (with their types and styles)."""
    return [list(row) for row in load_workbook(io.BytesIO(content)).active.iter_rows()]


def is_safe_text(cell: Cell, text: str) -> bool:
    """Return whether the cell holds exactly the text, as text, never run as a formula."""
    return (
        cell.value == text
        and cell.data_type == "s"
        and bool(cell.quotePrefix) == text.startswith(FORMULA_TRIGGERS)
    )

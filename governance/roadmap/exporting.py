"""The roadmap as a spreadsheet: the export (same columns as the import) and the empty template."""

import datetime
import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.spreadsheets import safe_cell
from governance.roadmap import columns as col
from governance.roadmap.models import BudgetSource, MeasuredIndicator, RoadmapItem, RoadmapStage

_WIDTHS = {
    col.NUMBER: 8,
    col.TITLE: 60,
    col.STAGE: 16,
    col.RESPONSIBLE: 36,
    col.PARTNERS: 36,
    col.STAFF: 30,
    col.METHODOLOGICAL: 30,
    col.MATERIAL: 30,
    col.INDICATOR: 40,
    col.INDICATOR_CODE: 24,
    col.NOTE: 30,
}


def _item_cells(item: RoadmapItem) -> list:
    return [
        item.number,
        item.title,
        str(item.get_stage_display()),
        item.starts_on,
        item.ends_on,
        item.responsible,
        item.responsible_person,
        item.responsible_organization.inn if item.responsible_organization else None,
        "; ".join(item.partner_list),
        item.budget_amount,
        str(item.get_budget_source_display()) if item.budget_source else None,
        item.staff_resources,
        item.methodological_resources,
        item.material_resources,
        item.indicator,
        item.indicator_code or None,
        item.unit,
        item.target_value,
        item.actual_value,
        item.actual_on,
        str(item.get_status_display()),
        item.note,
    ]


def _sheet(workbook: Workbook, rows: Iterable[list]) -> None:
    sheet = workbook.active
    sheet.title = "Дорожная карта"
    sheet.append(col.HEADERS)
    for cells in rows:
        sheet.append([safe_cell(sheet, value) for value in cells])
    for index, header in enumerate(col.HEADERS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(header, 14)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    dates = {col.HEADERS.index(name) + 1 for name in (col.STARTS, col.ENDS, col.ACTUAL_ON)}
    inn = col.HEADERS.index(col.RESPONSIBLE_INN) + 1
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.column in dates:
                cell.number_format = "DD.MM.YYYY"
            elif cell.column == inn:
                cell.number_format = "@"
    sheet.freeze_panes = "C2"


def _reference(workbook: Workbook) -> None:
    sheet = workbook.create_sheet("Справочники")
    sheet.append(("Столбец", "Допустимые значения"))
    sheet.append((col.STAGE, ", ".join(str(label) for _, label in RoadmapStage.choices)))
    sheet.append((col.STATUS, "запланировано, выполняется, выполнено, отменено"))
    sheet.append((col.BUDGET_SOURCE, ", ".join(str(label) for _, label in BudgetSource.choices)))
    sheet.append((col.PARTNERS, "через «;» или каждый с новой строки"))
    sheet.append(())
    sheet.append(("Код показателя портала", "Что измеряет портал (факт заполняется сам)"))
    for code, label in MeasuredIndicator.choices:
        sheet.append((code, str(label)))
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 80
    for row in (1, 7):
        for cell in sheet[row]:
            cell.font = Font(bold=True)


def roadmap_workbook(items: Iterable[RoadmapItem]) -> bytes:
    """Return the items as an .xlsx that the import reads back unchanged."""
    workbook = Workbook()
    _sheet(workbook, (_item_cells(item) for item in items))
    _reference(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_workbook() -> bytes:
    """Return the template to fill in: the columns, one sample item and the reference lists."""
    workbook = Workbook()
    sample = [
        "1.1",
        "Формирование муниципальных заявок на включение в кадровый резерв",
        "отбор",
        datetime.date(2026, 2, 1),
        datetime.date(2026, 3, 31),
        "Министерство образования Оренбургской области",
        "Начальник отдела кадров",
        None,
        "Органы управления образованием муниципальных образований",
        None,
        "без финансирования",
        "специалисты отдела кадров, муниципальные координаторы",
        "Положение о кадровом резерве",
        "портал «Кадровый резерв»",
        "Число поданных заявок",
        "nominations_total",
        "ед.",
        120,
        None,
        None,
        "запланировано",
        None,
    ]
    _sheet(workbook, [sample])
    _reference(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

"""The mentor effectiveness report as .xlsx: the same columns and medians as the page."""

import tempfile

from django.http import FileResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.spreadsheets import XLSX_CONTENT_TYPE, safe_cell
from development.mentoring.report import COLUMNS, NO_DATA, Report
from registry.models import OrganizationKind

LEAD_COLUMNS = (
    ("Наставник", 34),
    ("Организация", 40),
    ("Муниципальное образование", 30),
    ("Тип организации", 30),
)
KIND_NAMES = dict(OrganizationKind.choices)


def _number(value: float | int | None) -> float | int | str:
    return NO_DATA if value is None else value


def _bold_row(sheet, values: list) -> list[WriteOnlyCell]:
    cells = []
    for value in values:
        cell = safe_cell(sheet, value)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def write_report(report: Report, target, *, title: str) -> None:
    """Write the report's rows and the region's medians to an .xlsx file object."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Эффективность наставников")
    widths = [width for _, width in LEAD_COLUMNS] + [16] * len(COLUMNS)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B3"
    sheet.append(_bold_row(sheet, [title]))
    sheet.append(
        _bold_row(
            sheet, [name for name, _ in LEAD_COLUMNS] + [f"{c.title}: {c.hint}" for c in COLUMNS]
        )
    )
    for row in report.rows:
        mentor = row.mentor
        organization = mentor.organization
        lead = [
            str(mentor),
            organization.short_name or organization.full_name,
            organization.municipality.name,
            str(KIND_NAMES.get(organization.kind, organization.kind)),
        ]
        values = [_number(column.value(row)) for column in COLUMNS]
        sheet.append([safe_cell(sheet, value) for value in lead + values])
    medians = [_number(report.medians.get(column.key)) for column in COLUMNS]
    sheet.append(_bold_row(sheet, ["Медиана по области", "", "", "", *medians]))
    workbook.save(target)


def report_response(report: Report, *, title: str) -> FileResponse:
    """Return the report as a download."""
    target = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after sending
    write_report(report, target, title=title)
    target.seek(0)
    return FileResponse(
        target,
        as_attachment=True,
        filename=f"effektivnost-nastavnikov-{timezone.localdate():%Y-%m-%d}.xlsx",
        content_type=XLSX_CONTENT_TYPE,
    )

"""The registry as a spreadsheet: the export of organizations and the blank import template.

The export's columns are the import template's, so an exported file imports back unchanged.
django-import-export's Resource describes the columns; the file itself is written with
openpyxl's write-only mode, row by row, so a country-size registry never sits in memory.
"""

import datetime
import tempfile
from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import FileResponse
from django.utils import timezone
from import_export import fields, resources
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core.spreadsheets import XLSX_CONTENT_TYPE, safe_cell
from registry.founders import FOUNDER_NAMES
from registry.importing.columns import COLUMNS
from registry.importing.values import KIND_NAMES
from registry.models import Municipality, Organization

_COLUMN_WIDTHS = {"full_name": 60, "address": 45, "head_contract_end_date": 22}
_DATE_FORMAT = "DD.MM.YYYY"


class OrganizationResource(resources.ModelResource):
    """The registry's columns, headed as in the import template."""

    municipality = fields.Field(
        attribute="municipality__name", column_name=COLUMNS[0].header, readonly=True
    )

    class Meta:
        model = Organization
        fields = [column.field for column in COLUMNS]
        export_order = [column.field for column in COLUMNS]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        for column in COLUMNS:
            self.fields[column.field].column_name = column.header

    def dehydrate_kind(self, organization: Organization) -> str:
        """Return the kind as its label, which the import reads back."""
        return KIND_NAMES.get(organization.kind, organization.kind)

    def dehydrate_founder(self, organization: Organization) -> str:
        """Return the founder as the import template writes it, blank when not known."""
        return FOUNDER_NAMES.get(organization.founder, "")

    def export_field(self, field, instance, **kwargs):
        """Return the cell value with dates and numbers native, for safe_cell to write."""
        return super().export_field(field, instance, force_native_type=True)


def export_response(queryset: QuerySet[Organization]) -> FileResponse:
    """Return the organizations as a downloadable .xlsx named with today's date."""
    return FileResponse(
        organizations_xlsx(queryset),
        as_attachment=True,
        filename=f"реестр-организаций-{timezone.localdate():%Y-%m-%d}.xlsx",
        content_type=XLSX_CONTENT_TYPE,
    )


def _header_row(sheet, headers: Iterable[str]) -> list[WriteOnlyCell]:
    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
    return cells


def _size_columns(sheet) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _COLUMN_WIDTHS.get(
            column.field, 20
        )


def organizations_xlsx(queryset: QuerySet[Organization]) -> tempfile.SpooledTemporaryFile:
    """Write the organizations to an .xlsx file and return it, rewound."""
    resource = OrganizationResource()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Реестр")
    _size_columns(sheet)
    sheet.freeze_panes = "A2"
    sheet.append(_header_row(sheet, resource.get_export_headers()))
    organizations = queryset.select_related("municipality").order_by(
        "municipality__name", "full_name", "pk"
    )
    for organization in organizations.iterator(chunk_size=2000):
        row = []
        for value in resource.export_resource(organization):
            cell = safe_cell(sheet, value)
            if isinstance(value, datetime.date):
                cell.number_format = _DATE_FORMAT
            row.append(cell)
        sheet.append(row)
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 — the response closes it
    workbook.save(output)
    output.seek(0)
    return output


_NOTES = [
    (
        "Муниципальное образование",
        "обязательно",
        "название МО, например «город Оренбург» или «Тоцкий район»; список — в столбце D",
    ),
    ("Полное наименование", "обязательно", "как в уставе"),
    ("Тип организации", "обязательно", "; ".join(KIND_NAMES.values())),
    ("ИНН", "обязательно", "10 цифр; по ИНН организация находится в реестре при обновлении"),
    ("КПП", "", "9 символов"),
    ("ОГРН", "", "13 цифр"),
    ("Даты", "", "в виде дд.мм.гггг или ячейкой с датой"),
    ("Численность обучающихся", "", "целое число"),
    (
        "Учредитель",
        "",
        "; ".join(FOUNDER_NAMES.values())
        + ". Если пусто — по наименованию: МБОУ, «Муниципальное…» — муниципальная; ГАПОУ, "
        "ГБОУ, «Государственное…» — региональная",
    ),
]


def registry_template_xlsx() -> tempfile.SpooledTemporaryFile:
    """Write the blank import template with a sheet of notes and return it, rewound."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Реестр"
    sheet.append([column.header for column in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    _size_columns(sheet)
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("Пояснения")
    notes.append(["Столбец", "Заполнение", "Формат", "Муниципальные образования"])
    names = list(Municipality.objects.order_by("name").values_list("name", flat=True))
    for index in range(max(len(_NOTES), len(names))):
        note = _NOTES[index] if index < len(_NOTES) else ("", "", "")
        notes.append([*note, names[index] if index < len(names) else ""])
    for letter, width in zip("ABCD", (28, 14, 70, 40), strict=True):
        notes.column_dimensions[letter].width = width
    kinds = DataValidation(
        type="list", formula1='"' + ",".join(KIND_NAMES.values()) + '"', allow_blank=True
    )
    municipalities = DataValidation(
        type="list", formula1=f"'Пояснения'!$D$2:$D${len(names) + 1}", allow_blank=True
    )
    # Other spellings are accepted too, so a value off the list only warns.
    municipalities.errorStyle = kinds.errorStyle = "warning"
    sheet.add_data_validation(kinds)
    sheet.add_data_validation(municipalities)
    kinds.add("D2:D5000")
    municipalities.add("A2:A5000")
    output = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)  # noqa: SIM115 — the response closes it
    workbook.save(output)
    output.seek(0)
    return output

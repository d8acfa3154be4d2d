"""The columns of the mass-nomination spreadsheet, and the template people fill in."""

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from candidates.models import NominationSource
from core.spreadsheets import header_key
from registry.models import PositionKind

# The template offers pick-lists down to this row; a list of nominees is never longer.
MAX_ROWS = 1000


@dataclass(frozen=True)
class BulkColumn:
    field: str
    header: str
    required: bool
    width: int
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[BulkColumn, ...] = (
    BulkColumn("last_name", "Фамилия", True, 18),
    BulkColumn("first_name", "Имя", True, 16),
    BulkColumn("middle_name", "Отчество", False, 18),
    BulkColumn(
        "email", "Email", True, 28, ("E-mail", "Электронная почта", "Адрес электронной почты")
    ),
    BulkColumn("phone", "Телефон", False, 18, ("Контактный телефон",)),
    BulkColumn("birth_date", "Дата рождения", False, 14),
    BulkColumn("organization_inn", "ИНН организации", True, 16, ("ИНН", "ИНН места работы")),
    BulkColumn("position", "Должность", True, 28, ("Занимаемая должность",)),
    BulkColumn("position_kind", "Целевая должность", True, 36, ("Должность в резерве",)),
    BulkColumn("source", "Кто выдвинул", True, 26, ("Кем выдвинут",)),
)
COLUMN_BY_KEY = {
    header_key(name).rstrip(" *:"): column
    for column in COLUMNS
    for name in (column.header, *column.aliases)
}
SOURCE_BY_KEY = {
    "руководитель организации": NominationSource.ORGANIZATION_HEAD,
    "руководитель": NominationSource.ORGANIZATION_HEAD,
    "муниципальный орган": NominationSource.MUNICIPAL_AUTHORITY,
    "муниципальный орган управления образованием": NominationSource.MUNICIPAL_AUTHORITY,
    "моуо": NominationSource.MUNICIPAL_AUTHORITY,
}
SOURCE_NAMES = ("руководитель организации", "муниципальный орган")
TEXT_LIMITS = {
    "last_name": 150,
    "first_name": 150,
    "middle_name": 150,
    "phone": 50,
    "position": 255,
}


def template_workbook() -> bytes:
    """Return the .xlsx template: the header, pick-lists, and a sheet on how to fill it in."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Кандидаты"
    sheet.append([column.header for column in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    kinds = list(PositionKind.objects.order_by("sort_order", "name").values_list("name", flat=True))
    lists = workbook.create_sheet("Справочники")
    lists.append(["Целевая должность", "Кто выдвинул"])
    for index in range(max(len(kinds), len(SOURCE_NAMES))):
        lists.append(
            [
                kinds[index] if index < len(kinds) else None,
                SOURCE_NAMES[index] if index < len(SOURCE_NAMES) else None,
            ]
        )
    lists.column_dimensions["A"].width = 48
    lists.column_dimensions["B"].width = 28
    for field_name, reference in (
        ("position_kind", f"'Справочники'!$A$2:$A${len(kinds) + 1}"),
        ("source", f"'Справочники'!$B$2:$B${len(SOURCE_NAMES) + 1}"),
    ):
        letter = get_column_letter(column_position(field_name) + 1)
        validation = DataValidation(type="list", formula1=reference, allow_blank=True)
        validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
        sheet.add_data_validation(validation)
    guide = workbook.create_sheet("Как заполнить")
    for line in _GUIDE:
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_GUIDE = (
    "Одна строка — один кандидат. Строку заголовков не меняйте; над ней можно оставить заголовок.",
    "Обязательные столбцы: Фамилия, Имя, Email, ИНН организации, Должность, Целевая должность, "
    "Кто выдвинул.",
    "Email — личный адрес кандидата: на него придёт приглашение задать пароль и заполнить анкету.",
    "Дата рождения — в виде дд.мм.гггг.",
    "ИНН организации — ИНН образовательной организации, где кандидат работает сейчас "
    "(из реестра; координатор — только организации своего муниципального образования).",
    "Целевая должность и Кто выдвинул — значения из листа «Справочники».",
    "Если хотя бы в одной строке есть ошибка, не будет создано ни одной заявки: исправьте файл "
    "и загрузите его снова.",
)


def column_position(field_name: str) -> int:
    """Return the template's index of the column that fills the field."""
    return next(index for index, column in enumerate(COLUMNS) if column.field == field_name)

"""The columns of the canonical registry template and how to find them in a real spreadsheet."""

from collections.abc import Iterator
from dataclasses import dataclass

from core.spreadsheets import HEADER_SEARCH_ROWS, TableNotFound, fold_header


@dataclass(frozen=True)
class Column:
    """One column of the template: the Organization field it fills and the headers it goes by."""

    field: str
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column(
        "municipality",
        "Муниципальное образование",
        required=True,
        aliases=("МО", "Муниципалитет", "Муниципальный район (городской округ)"),
    ),
    Column(
        "full_name",
        "Полное наименование",
        required=True,
        aliases=("Полное наименование организации", "Наименование организации"),
    ),
    Column(
        "short_name",
        "Краткое наименование",
        aliases=("Сокращённое наименование", "Краткое наименование организации"),
    ),
    Column(
        "kind",
        "Тип организации",
        required=True,
        aliases=("Тип ОО", "Вид организации", "Тип образовательной организации"),
    ),
    Column("inn", "ИНН", required=True, aliases=("ИНН организации",)),
    Column("kpp", "КПП"),
    Column("ogrn", "ОГРН"),
    Column("address", "Адрес", aliases=("Юридический адрес", "Адрес организации")),
    Column("phone", "Телефон", aliases=("Контактный телефон",)),
    Column(
        "email",
        "Email",
        aliases=("E-mail", "Электронная почта", "Адрес электронной почты", "Эл. почта"),
    ),
    Column("website", "Сайт", aliases=("Сайт организации", "Адрес сайта", "Веб-сайт")),
    Column(
        "student_count",
        "Численность обучающихся",
        aliases=("Количество обучающихся", "Численность обучающихся (воспитанников)"),
    ),
    Column("head_full_name", "ФИО руководителя", aliases=("Ф.И.О. руководителя", "Руководитель")),
    Column("head_birth_date", "Дата рождения руководителя"),
    Column(
        "head_contract_end_date",
        "Дата окончания трудового договора руководителя",
        aliases=("Дата окончания трудового договора", "Срок трудового договора руководителя"),
    ),
    # Last, so that files made from the older 15-column template keep their column positions.
    Column(
        "founder",
        "Учредитель",
        aliases=(
            "Учредитель организации",
            "Подчинённость",
            "Уровень подчинённости",
            "Ведомственная принадлежность",
        ),
    ),
)

TEMPLATE_HEADERS: tuple[str, ...] = tuple(column.header for column in COLUMNS)
COLUMN_BY_FIELD: dict[str, Column] = {column.field: column for column in COLUMNS}
REQUIRED_COLUMNS: tuple[Column, ...] = tuple(column for column in COLUMNS if column.required)


_COLUMN_BY_KEY: dict[str, Column] = {
    fold_header(name): column for column in COLUMNS for name in (column.header, *column.aliases)
}


@dataclass(frozen=True)
class TableLayout:
    """Where the registry sits in a sheet: the header row and each column's position."""

    sheet_name: str
    header_row: int
    positions: dict[str, int]  # field -> index of the cell in a row

    @property
    def fields(self) -> tuple[str, ...]:
        """Return the fields the file provides, in template order."""
        return tuple(column.field for column in COLUMNS if column.field in self.positions)


def match_header(values: tuple) -> dict[str, int] | None:
    """Return the column positions when the row is the registry's header, else None."""
    positions: dict[str, int] = {}
    for index, value in enumerate(values):
        if value is None:
            continue
        column = _COLUMN_BY_KEY.get(fold_header(value))
        if column is not None and column.field not in positions:
            positions[column.field] = index
    if all(column.field in positions for column in REQUIRED_COLUMNS):
        return positions
    return None


def repeats_header(values: tuple, layout: TableLayout) -> bool:
    """Return whether a row below the header is the header again, as printed pages repeat it."""
    index = layout.positions["inn"]
    inn = values[index] if index < len(values) else None
    if not isinstance(inn, str) or inn.strip()[:1].isdigit():
        return False  # the cheap test first: a header's INN cell holds no number
    return match_header(values) is not None


def locate_table(sheets: Iterator) -> tuple[TableLayout, Iterator[tuple[int, tuple]]]:
    """Find the first sheet with the registry's header; return its layout and remaining rows."""
    for sheet_name, rows in sheets:
        for row_number, values in rows:
            positions = match_header(values)
            if positions is not None:
                return TableLayout(sheet_name, row_number, positions), rows
            if row_number >= HEADER_SEARCH_ROWS:
                break
    required = ", ".join(f"«{column.header}»" for column in REQUIRED_COLUMNS)
    raise TableNotFound(
        "В файле не найдена строка заголовков реестра: ни на одном листе нет столбцов "
        f"{required}. Скачайте шаблон и сверьте названия столбцов."
    )

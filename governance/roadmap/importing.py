"""Import of the roadmap from Excel: row checks and a preview, to the registry import's standard.

Files go through core.spreadsheets' guarded reader (format sniffing, zip and XML bombs, row and
size caps); this module only knows the roadmap's columns. Items are matched by their number
(«№ п/п»): new numbers are created, known ones updated. Writing is the service
governance.roadmap.services.roadmap_items_import — all rows or none.
"""

import datetime
import re
from dataclasses import asdict, dataclass, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path

from core.spreadsheets import (
    CellContext,
    CellError,
    FileRefused,
    ReadLimits,
    RowError,
    TableNotFound,
    cell_text,
    detect_format,
    parse_date,
    read_spreadsheet,
    template_rows,
    text_value,
)
from governance.roadmap import columns as col
from governance.roadmap.models import (
    BudgetSource,
    MeasuredIndicator,
    RoadmapItem,
    RoadmapStage,
    RoadmapStatus,
)
from registry.importing.values import parse_inn
from registry.models import Organization

LIMITS = ReadLimits(max_bytes=5 * 1024 * 1024, max_rows=2000, max_uncompressed_bytes=100 * 1024**2)
MAX_TEXT = 5000
_NUMBER = re.compile(r"^\d{1,4}(\.\d{1,4}){0,3}$")
_PARTNER_SEPARATORS = re.compile(r"[;\n]+")
_MAX_AMOUNT = Decimal("999999999999.99")
_MAX_VALUE = Decimal("9999999999.99")
# The values an import compares with the item in the database to call a row «unchanged».
COMPARED = (
    "title",
    "stage",
    "starts_on",
    "ends_on",
    "responsible",
    "responsible_person",
    "responsible_inn",
    "partners",
    "budget_amount",
    "budget_source",
    "staff_resources",
    "methodological_resources",
    "material_resources",
    "indicator",
    "indicator_code",
    "unit",
    "target_value",
    "actual_value",
    "actual_on",
    "status",
    "note",
)


@dataclass(frozen=True)
class RoadmapRow:
    """One item of the file, checked; values as JSON-safe strings so a preview can be kept."""

    row: int
    number: str
    title: str
    stage: str
    starts_on: str
    ends_on: str
    responsible: str
    responsible_person: str
    responsible_inn: str
    partners: str
    budget_amount: str  # a decimal as text, or ""
    budget_source: str
    staff_resources: str
    methodological_resources: str
    material_resources: str
    indicator: str
    indicator_code: str
    unit: str
    target_value: str
    actual_value: str
    actual_on: str
    status: str
    note: str
    action: str = ""  # «create», «update» or «unchanged», set by the preview

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "RoadmapRow":
        names = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})

    def date(self, name: str) -> datetime.date | None:
        value = getattr(self, name)
        return datetime.date.fromisoformat(value) if value else None

    def decimal(self, name: str) -> Decimal | None:
        value = getattr(self, name)
        return Decimal(value) if value else None

    @property
    def stage_label(self) -> str:
        return RoadmapStage(self.stage).label

    @property
    def status_label(self) -> str:
        return RoadmapStatus(self.status).label

    @property
    def dates_label(self) -> str:
        return f"{self.date('starts_on'):%d.%m.%Y} – {self.date('ends_on'):%d.%m.%Y}"

    @property
    def action_label(self) -> str:
        return {"create": "новое", "update": "изменится", "unchanged": "без изменений"}.get(
            self.action, ""
        )


def parse_decimal(value: object, *, limit: Decimal) -> Decimal | None:
    """Return a non-negative number from a number cell or text like «1 500 000,50»."""
    if isinstance(value, bool):
        raise CellError("ожидается число")
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        text = cell_text(value).replace("\u00a0", "").replace(" ", "").replace(",", ".")
        text = text.removesuffix("%").removesuffix("руб.").removesuffix("₽")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation as error:
            raise CellError(f"ожидается число, а в ячейке «{cell_text(value)}»") from error
    if not number.is_finite():
        raise CellError("ожидается число")
    if number < 0:
        raise CellError("число не может быть отрицательным")
    if number > limit:
        raise CellError("слишком большое число")
    return number.quantize(Decimal("0.01"))


def _number_text(value: object) -> str:
    """Return the item number as typed: «1.2»; a float cell 1.2 reads back as «1.2»."""
    if isinstance(value, float):
        return f"{value:g}"
    return cell_text(value).rstrip(".")


def _partners(value: object) -> str:
    text = value if isinstance(value, str) else cell_text(value)
    parts = [" ".join(part.split()) for part in _PARTNER_SEPARATORS.split(text)]
    return "\n".join(part for part in parts if part)


INDICATOR_WORDS = {
    **{code.lower(): code for code in MeasuredIndicator.values},
    **{str(label).lower().replace("ё", "е"): code for code, label in MeasuredIndicator.choices},
}


class _RowChecker:
    """Checks the cells of one row, collecting every error with its column."""

    def __init__(self, row_number: int, cell, context: CellContext, inns: set[str]) -> None:
        self.row = row_number
        self.cell = cell
        self.context = context
        self.inns = inns
        self.errors: list[RowError] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.row, column, message))

    def text(self, column: str, limit: int = MAX_TEXT, *, required: str = "") -> str:
        text = text_value(self.cell(column))  # also undoes the export's formula escape
        if required and not text:
            self.error(column, required)
        elif len(text) > limit:
            self.error(column, f"текст длиннее {limit} знаков")
        return text

    def choice(self, column: str, words: dict, hint: str) -> str | None:
        text = cell_text(self.cell(column)).lower().rstrip(".").replace("ё", "е")
        found = words.get(text)
        if found is None:
            self.error(column, f"{hint}, а не «{cell_text(self.cell(column))}»" if text else hint)
        return found

    def date(self, column: str, *, required: str = "") -> datetime.date | None:
        try:
            value = parse_date(self.cell(column), self.context)
        except CellError as error:
            self.error(column, str(error))
            return None
        if value is None and required:
            self.error(column, required)
        return value

    def decimal(self, column: str, limit: Decimal) -> str:
        try:
            value = parse_decimal(self.cell(column), limit=limit)
        except CellError as error:
            self.error(column, str(error))
            return ""
        return "" if value is None else str(value)

    def inn(self) -> str:
        if not cell_text(self.cell(col.RESPONSIBLE_INN)):
            return ""
        try:
            inn = parse_inn(self.cell(col.RESPONSIBLE_INN), self.context)
        except CellError as error:
            self.error(col.RESPONSIBLE_INN, str(error))
            return ""
        if inn not in self.inns:
            self.error(col.RESPONSIBLE_INN, f"организации с ИНН {inn} нет в реестре портала")
        return inn


def _check_row(check: _RowChecker) -> RoadmapRow | None:
    number = _number_text(check.cell(col.NUMBER))
    if not number:
        check.error(col.NUMBER, "укажите номер мероприятия, например 1.2")
    elif not _NUMBER.match(number):
        check.error(col.NUMBER, f"номер пишется цифрами через точку, например 1.2, а не «{number}»")
    title = check.text(col.TITLE, required="нет наименования мероприятия")
    stage = check.choice(
        col.STAGE,
        col.STAGE_WORDS,
        "укажите этап: отбор, оценка, развитие, назначение или система работы с резервом",
    )
    starts_on = check.date(col.STARTS, required="укажите дату начала дд.мм.гггг")
    ends_on = check.date(col.ENDS, required="укажите дату окончания дд.мм.гггг")
    if starts_on and ends_on and ends_on < starts_on:
        check.error(col.ENDS, f"окончание {ends_on:%d.%m.%Y} раньше начала {starts_on:%d.%m.%Y}")
    responsible = check.text(col.RESPONSIBLE, 300, required="укажите ответственного исполнителя")
    person = check.text(col.PERSON, 200)
    inn = check.inn()
    budget = check.decimal(col.BUDGET, _MAX_AMOUNT)
    source = check.choice(
        col.BUDGET_SOURCE,
        col.BUDGET_SOURCE_WORDS,
        "укажите источник: областной, федеральный, муниципальный бюджет, внебюджетные средства "
        "или «без финансирования»",
    )
    if budget and Decimal(budget) > 0 and source == BudgetSource.NONE:
        check.error(col.BUDGET_SOURCE, "указана сумма, но источник — «без финансирования»")
    code_text = cell_text(check.cell(col.INDICATOR_CODE)).lower().replace("ё", "е")
    code = INDICATOR_WORDS.get(code_text, "") if code_text else ""
    if code_text and not code:
        check.error(
            col.INDICATOR_CODE,
            f"портал не измеряет показатель «{cell_text(check.cell(col.INDICATOR_CODE))}»; "
            "оставьте пусто или выберите код из листа «Справочники»",
        )
    indicator = check.text(col.INDICATOR, 300)
    target = check.decimal(col.TARGET, _MAX_VALUE)
    actual = check.decimal(col.ACTUAL, _MAX_VALUE)
    actual_on = check.date(col.ACTUAL_ON)
    status = check.choice(
        col.STATUS,
        col.STATUS_WORDS,
        "укажите статус: запланировано, выполняется, выполнено или отменено",
    )
    if check.errors:
        return None
    if code:
        # The portal measures it: the monitoring run writes the actual value, not the file.
        actual, actual_on = "", None
        indicator = indicator or str(MeasuredIndicator(code).label)
    return RoadmapRow(
        row=check.row,
        number=number,
        title=title,
        stage=stage,
        starts_on=starts_on.isoformat(),
        ends_on=ends_on.isoformat(),
        responsible=responsible,
        responsible_person=person,
        responsible_inn=inn,
        partners=_partners(check.cell(col.PARTNERS)),
        budget_amount=budget,
        budget_source=source,
        staff_resources=check.text(col.STAFF),
        methodological_resources=check.text(col.METHODOLOGICAL),
        material_resources=check.text(col.MATERIAL),
        indicator=indicator,
        indicator_code=code,
        unit=check.text(col.UNIT, 20),
        target_value=target,
        actual_value=actual,
        actual_on=actual_on.isoformat() if actual_on else "",
        status=status,
        note=check.text(col.NOTE),
    )


def _as_row_values(item: RoadmapItem) -> dict:
    """Return an item's values in the form a RoadmapRow holds them."""

    def text(value) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime.date):
            return value.isoformat()
        return str(value)

    values = {name: text(getattr(item, name, None)) for name in COMPARED}
    values["responsible_inn"] = (
        item.responsible_organization.inn if item.responsible_organization else ""
    )
    if item.indicator_code:
        values["actual_value"], values["actual_on"] = "", ""
    return values


def _action(row: RoadmapRow, existing: dict[str, dict]) -> str:
    current = existing.get(row.number)
    if current is None:
        return "create"
    ours = {name: getattr(row, name) for name in COMPARED}
    return "unchanged" if ours == current else "update"


def existing_items() -> dict[str, dict]:
    """Return the values of every item in the database, by number, as rows hold them."""
    items = RoadmapItem.objects.select_related("responsible_organization")
    return {item.number: _as_row_values(item) for item in items}


def read_roadmap_file(path: Path) -> tuple[list[RoadmapRow], list[RowError]]:
    """Read and check a roadmap file; return its items with their preview action and the errors.

    Raises FileRefused (not a spreadsheet, too big, hostile) and TableNotFound (no header).
    """
    file_format = detect_format(path, LIMITS)
    epoch, sheets = read_spreadsheet(path, file_format, LIMITS)
    context = CellContext(date_epoch=epoch)
    existing = existing_items()
    inns = set(Organization.objects.values_list("inn", flat=True))
    rows: list[RoadmapRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    try:
        table = template_rows(
            sheets, headers=col.HEADERS, required=col.REQUIRED, table_name="дорожной карты"
        )
        for row_number, cell in table:
            check = _RowChecker(row_number, cell, context, inns)
            parsed = _check_row(check)
            errors.extend(check.errors)
            if parsed is None:
                continue
            if parsed.number in seen:
                message = f"номер {parsed.number} уже есть в строке {seen[parsed.number]}"
                errors.append(RowError(row_number, col.NUMBER, message))
                continue
            seen[parsed.number] = row_number
            rows.append(RoadmapRow(**{**parsed.as_dict(), "action": _action(parsed, existing)}))
    finally:
        sheets.close()
    if not rows and not errors:
        raise TableNotFound("Под строкой заголовков нет ни одного мероприятия.")
    return rows, sorted(errors)


__all__ = ["FileRefused", "RoadmapRow", "TableNotFound", "existing_items", "read_roadmap_file"]

"""Import of the programme catalogue from Excel: row checks and a preview.

Files are opened by the registry import's guarded reader (format sniffing, zip and XML bomb
checks, row and size caps); this module only knows the catalogue's columns. Writing is the
service development.catalogue.services.activities_import, all rows or none; the template to
fill in is built by development.catalogue.template.
"""

import datetime
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from assessment.models import Competency
from core.spreadsheets import (
    CellContext,
    CellError,
    FileRefused,
    ReadLimits,
    RowError,
    TableNotFound,
    cell_text,
    detect_format,
    header_key,
    parse_date,
    read_spreadsheet,
    template_rows,
)
from development.models import Activity, ActivityFormat, ActivityKind
from registry.importing.values import parse_inn
from registry.models import Organization

LIMITS = ReadLimits(
    max_bytes=5 * 1024 * 1024, max_rows=2000, max_uncompressed_bytes=100 * 1024 * 1024
)

KIND = "Вид"
TITLE = "Наименование"
DESCRIPTION = "Содержание"
PROVIDER = "Организатор"
HOST_INN = "ИНН стажировочной площадки"
TUTOR = "Руководитель стажировки"
HOURS = "Часов"
FORMAT = "Формат"
STARTS = "Начало"
ENDS = "Окончание"
PLACES = "Мест"
COMPETENCIES = "Компетенции"
MIN_LEVEL = "Уровень от"
MAX_LEVEL = "Уровень до"
TEMPLATE_HEADERS = (
    KIND,
    TITLE,
    DESCRIPTION,
    PROVIDER,
    HOST_INN,
    TUTOR,
    HOURS,
    FORMAT,
    STARTS,
    ENDS,
    PLACES,
    COMPETENCIES,
    MIN_LEVEL,
    MAX_LEVEL,
)
REQUIRED_HEADERS = (KIND, TITLE, HOURS, FORMAT, COMPETENCIES, MIN_LEVEL, MAX_LEVEL)
MAX_TITLE = 300
MAX_PROVIDER = 300
MAX_TUTOR = 255
MAX_DESCRIPTION = 5000
MAX_HOURS = 2000

KIND_WORDS = {
    "курс дпо": ActivityKind.DPO_COURSE,
    "дпо": ActivityKind.DPO_COURSE,
    "курс": ActivityKind.DPO_COURSE,
    "курсы": ActivityKind.DPO_COURSE,
    "курсы повышения квалификации": ActivityKind.DPO_COURSE,
    "повышение квалификации": ActivityKind.DPO_COURSE,
    "стажировка": ActivityKind.INTERNSHIP,
    "вебинар": ActivityKind.WEBINAR,
    "семинар": ActivityKind.WEBINAR,
    "проектная работа": ActivityKind.PROJECT,
    "проект": ActivityKind.PROJECT,
    "наставничество": ActivityKind.MENTORING,
}
FORMAT_WORDS = {
    "очно": ActivityFormat.IN_PERSON,
    "очный": ActivityFormat.IN_PERSON,
    "дистанционно": ActivityFormat.ONLINE,
    "дистанционный": ActivityFormat.ONLINE,
    "онлайн": ActivityFormat.ONLINE,
    "заочно": ActivityFormat.ONLINE,
    "очно-заочно": ActivityFormat.BLENDED,
    "очно-заочный": ActivityFormat.BLENDED,
    "смешанный": ActivityFormat.BLENDED,
}
_CODE_SEPARATORS = re.compile(r"[\s,;]+")
# People type the Cyrillic «К» for the Latin «K» in competency codes.
_CYRILLIC_K = str.maketrans({"К": "K", "к": "K"})


@dataclass(frozen=True)
class CatalogueRow:
    """One activity of the file, checked: ready to be written."""

    row: int
    kind: str
    title: str
    description: str
    provider: str
    host_inn: str
    tutor_name: str
    hours: int
    format: str
    starts_on: str  # ISO date or ""
    ends_on: str
    places: int | None
    competencies: tuple[str, ...]
    min_level: int
    max_level: int

    def as_dict(self) -> dict:
        return {**asdict(self), "competencies": list(self.competencies)}

    @classmethod
    def from_dict(cls, data: dict) -> "CatalogueRow":
        return cls(**{**data, "competencies": tuple(data["competencies"])})

    @property
    def kind_label(self) -> str:
        return ActivityKind(self.kind).label

    @property
    def format_label(self) -> str:
        return ActivityFormat(self.format).label

    def date(self, name: str) -> datetime.date | None:
        value = getattr(self, name)
        return datetime.date.fromisoformat(value) if value else None

    @property
    def dates_label(self) -> str:
        starts, ends = self.date("starts_on"), self.date("ends_on")
        if starts is None:
            return "—"
        if ends is None or ends == starts:
            return f"{starts:%d.%m.%Y}"
        return f"{starts:%d.%m.%Y} – {ends:%d.%m.%Y}"

    @property
    def key(self) -> tuple:
        return (self.kind, header_key(self.title), self.starts_on)


def _whole(value: object, *, low: int, high: int) -> int | None:
    """Return a whole number within bounds, None for an empty cell; CellError otherwise."""
    if isinstance(value, bool):
        raise CellError("ожидается целое число")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(f"ожидается целое число, а в ячейке {value}")
        value = int(value)
    if not isinstance(value, int):
        text = cell_text(value)
        if not text:
            return None
        if not text.isdigit():
            raise CellError(f"ожидается целое число, а в ячейке «{text}»")
        value = int(text)
    if not low <= value <= high:
        raise CellError(f"допускается число от {low} до {high}, а в ячейке {value}")
    return value


def _codes(value: object) -> list[str]:
    text = cell_text(value).translate(_CYRILLIC_K).upper()
    return [part for part in _CODE_SEPARATORS.split(text) if part]


class _RowChecker:
    """Checks the cells of one row, collecting every error with its column."""

    def __init__(self, row_number: int, cell, context: CellContext, known: dict) -> None:
        self.row = row_number
        self.cell = cell
        self.context = context
        self.known = known
        self.errors: list[RowError] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.row, column, message))

    def choice(self, column: str, words: dict, hint: str) -> str | None:
        text = cell_text(self.cell(column)).lower().rstrip(".").replace("ё", "е")
        found = words.get(text)
        if found is None:
            self.error(column, f"{hint}, а не «{text}»" if text else hint)
        return found

    def text(self, column: str, limit: int, *, required: str = "") -> str:
        text = cell_text(self.cell(column))
        if required and not text:
            self.error(column, required)
        elif len(text) > limit:
            self.error(column, f"текст длиннее {limit} знаков")
        return text

    def number(self, column: str, low: int, high: int, *, required: str = "") -> int | None:
        try:
            value = _whole(self.cell(column), low=low, high=high)
        except CellError as error:
            self.error(column, str(error))
            return None
        if value is None and required:
            self.error(column, required)
        return value

    def date(self, column: str) -> datetime.date | None:
        try:
            return parse_date(self.cell(column), self.context)
        except CellError as error:
            self.error(column, str(error))
            return None


def _check_host(check: _RowChecker, kind: str | None) -> tuple[str, str]:
    raw = cell_text(check.cell(HOST_INN))
    tutor = check.text(TUTOR, MAX_TUTOR)
    if not ActivityKind.needs_host(kind):
        if raw:
            check.error(HOST_INN, "площадка указывается только для стажировки")
        return "", tutor
    if not tutor:
        check.error(TUTOR, "для стажировки укажите руководителя стажировки (тьютора)")
    if not raw:
        check.error(HOST_INN, "для стажировки укажите ИНН стажировочной площадки")
        return "", tutor
    try:
        inn = parse_inn(check.cell(HOST_INN), check.context)
    except CellError as error:
        check.error(HOST_INN, str(error))
        return "", tutor
    if inn not in check.known["inns"]:
        check.error(HOST_INN, f"организации с ИНН {inn} нет в реестре образовательных организаций")
    return inn, tutor


def _check_row(check: _RowChecker) -> CatalogueRow | None:
    kind = check.choice(
        KIND,
        KIND_WORDS,
        "укажите вид: курс ДПО, стажировка, вебинар, проектная работа или наставничество",
    )
    title = check.text(TITLE, MAX_TITLE, required="нет наименования мероприятия")
    description = check.text(DESCRIPTION, MAX_DESCRIPTION)
    provider = check.text(PROVIDER, MAX_PROVIDER)
    host_inn, tutor = _check_host(check, kind)
    hours = check.number(HOURS, 1, MAX_HOURS, required="укажите объём в часах")
    activity_format = check.choice(
        FORMAT, FORMAT_WORDS, "укажите формат: очно, дистанционно или очно-заочно"
    )
    starts_on, ends_on = check.date(STARTS), check.date(ENDS)
    if ends_on is not None and starts_on is None:
        check.error(STARTS, "указано окончание, но нет даты начала")
    elif starts_on is not None and ends_on is not None and ends_on < starts_on:
        check.error(ENDS, f"окончание {ends_on:%d.%m.%Y} раньше начала {starts_on:%d.%m.%Y}")
    places = check.number(PLACES, 1, 10000)
    codes = _codes(check.cell(COMPETENCIES))
    if not codes:
        check.error(COMPETENCIES, "укажите коды компетенций, например «K01, K05»")
    unknown = [code for code in codes if code not in check.known["codes"]]
    if unknown:
        check.error(COMPETENCIES, f"компетенции с кодом «{unknown[0]}» нет в модели (коды K01…K10)")
    low = check.number(MIN_LEVEL, 1, 4, required="укажите уровень от 1 до 4")
    high = check.number(MAX_LEVEL, 1, 4, required="укажите уровень от 1 до 4")
    if low is not None and high is not None and low > high:
        check.error(MAX_LEVEL, f"уровень «до» ({high}) меньше уровня «от» ({low})")
    if check.errors:
        return None
    if starts_on is not None and ends_on is None:
        ends_on = starts_on  # a one-day event: a webinar
    return CatalogueRow(
        row=check.row,
        kind=kind,
        title=title,
        description=description,
        provider=provider,
        host_inn=host_inn,
        tutor_name=tutor,
        hours=hours,
        format=activity_format,
        starts_on=starts_on.isoformat() if starts_on else "",
        ends_on=ends_on.isoformat() if ends_on else "",
        places=places,
        competencies=tuple(dict.fromkeys(codes)),
        min_level=low,
        max_level=high,
    )


def existing_keys() -> set[tuple]:
    """Return the (kind, title, start) keys of the activities already in the catalogue."""
    return {
        (kind, header_key(title), starts_on.isoformat() if starts_on else "")
        for kind, title, starts_on in Activity.objects.values_list("kind", "title", "starts_on")
    }


def read_catalogue_file(path: Path) -> tuple[list[CatalogueRow], list[RowError]]:
    """Read and check a catalogue file; return its activities and every row-level error.

    Raises FileRefused (not a spreadsheet, too big, hostile) and TableNotFound (no header).
    """
    file_format = detect_format(path, LIMITS)
    epoch, sheets = read_spreadsheet(path, file_format, LIMITS)
    known = {
        "codes": set(
            Competency.objects.filter(framework__is_current=True).values_list("code", flat=True)
        ),
        "inns": set(Organization.objects.values_list("inn", flat=True)),
    }
    context = CellContext(date_epoch=epoch)
    existing = existing_keys()
    rows: list[CatalogueRow] = []
    errors: list[RowError] = []
    seen: dict[tuple, int] = {}
    try:
        table = template_rows(
            sheets, headers=TEMPLATE_HEADERS, required=REQUIRED_HEADERS, table_name="каталога"
        )
        for row_number, cell in table:
            check = _RowChecker(row_number, cell, context, known)
            parsed = _check_row(check)
            errors.extend(check.errors)
            if parsed is None:
                continue
            if parsed.key in existing:
                message = "такое мероприятие с теми же датами уже есть в каталоге"
                errors.append(RowError(row_number, TITLE, message))
            elif parsed.key in seen:
                message = f"мероприятие повторяет строку {seen[parsed.key]}"
                errors.append(RowError(row_number, TITLE, message))
            else:
                seen[parsed.key] = row_number
                rows.append(parsed)
    finally:
        sheets.close()
    if not rows and not errors:
        raise TableNotFound("Под строкой заголовков нет ни одного мероприятия.")
    return rows, sorted(errors)


__all__ = [
    "TEMPLATE_HEADERS",
    "CatalogueRow",
    "FileRefused",
    "TableNotFound",
    "read_catalogue_file",
]

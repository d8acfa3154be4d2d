"""Turn the cells of one registry row into Organization field values, or into row errors."""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from openpyxl.utils.datetime import from_excel

from registry.importing.columns import COLUMN_BY_FIELD, TableLayout
from registry.importing.errors import RowError
from registry.normalize import header_key, municipality_key
from registry.validators import validate_inn, validate_kpp, validate_ogrn

# Limits of the model's fields, repeated here so that a worker process needs no Django models.
TEXT_MAX_LENGTHS = {
    "full_name": 500,
    "short_name": 255,
    "address": 500,
    "phone": 100,
    "email": 254,
    "website": 255,
    "head_full_name": 255,
}
_MAX_COUNT = 2_147_483_647
_EARLIEST_DATE = datetime.date(1900, 1, 1)
_LATEST_DATE = datetime.date(2100, 12, 31)

# Organization kinds by their labels and the short forms municipal spreadsheets use.
KIND_LABELS: dict[str, str] = {
    "общеобразовательная организация": "general",
    "общеобразовательная": "general",
    "общее образование": "general",
    "школа": "general",
    "сош": "general",
    "оош": "general",
    "нош": "general",
    "гимназия": "general",
    "лицей": "general",
    "дошкольная образовательная организация": "preschool",
    "дошкольная": "preschool",
    "дошкольное образование": "preschool",
    "детский сад": "preschool",
    "доо": "preschool",
    "доу": "preschool",
    "организация дополнительного образования": "additional",
    "дополнительное образование": "additional",
    "дополнительного образования": "additional",
    "удо": "additional",
    "одо": "additional",
    "профессиональная образовательная организация": "vocational",
    "профессиональная": "vocational",
    "профессиональное образование": "vocational",
    "колледж": "vocational",
    "техникум": "vocational",
    "поо": "vocational",
    "спо": "vocational",
}
KIND_NAMES = {
    "general": "общеобразовательная организация",
    "preschool": "дошкольная образовательная организация",
    "additional": "организация дополнительного образования",
    "vocational": "профессиональная образовательная организация",
}

_DIGITS_WITH_SPACES = re.compile(r"^[\d\s\u00a0]+$")
_INTEGRAL_TEXT = re.compile(r"^(\d+)[.,]0+$")
_RUSSIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?$")
# An apostrophe that our own export put before = + - @ to keep Excel from evaluating the cell.
_EXPORT_ESCAPE = re.compile(r"^'(?=[=+\-@\t\r])")


class CellError(Exception):
    """A cell's value is not acceptable; the message says why, in Russian."""


@dataclass
class ParseContext:
    """What parsing needs besides the cells: municipalities by key and the file's date epoch."""

    municipality_ids: dict[str, int]
    date_epoch: datetime.datetime
    # A file repeats a few dozen municipality and kind spellings thousands of times.
    known: dict[tuple[str, str], object] = field(default_factory=dict)


@dataclass
class ParsedRow:
    """One registry row: its number, the field values it provides, and what is wrong with it."""

    row: int
    values: dict[str, object] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)


def _text(value: object) -> str:
    if isinstance(value, str):
        text = " ".join(value.split())  # line breaks, tabs, runs of (non-breaking) spaces
        return text[1:] if _EXPORT_ESCAPE.match(text) else text
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return " ".join(str(value).split())


def _digits(value: object, *, width: int) -> str:
    """Return an identifier stored as text or as a number as its digit string."""
    if isinstance(value, bool):
        raise CellError("ожидаются цифры")
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            raise CellError(f"ожидаются цифры, а в ячейке дробное число {value}")
        # Excel drops the leading zero of an identifier stored as a number.
        return str(int(value)).zfill(width)
    text = _text(value)
    if text.isdigit():
        return text
    integral = _INTEGRAL_TEXT.match(text)
    if integral:
        return integral.group(1)
    if _DIGITS_WITH_SPACES.match(text):
        return re.sub(r"[\s\u00a0]", "", text)
    return text


def _validated(validator: Callable[[str], None], value: str) -> str:
    try:
        validator(value)
    except ValidationError as error:
        message = error.messages[0].rstrip(".")
        if message[1:2].islower():  # «Неверная цифра» reads as «неверная цифра» after a colon
            message = message[0].lower() + message[1:]
        raise CellError(f"{message} («{value}»)") from error
    return value


def parse_inn(value: object, context: ParseContext) -> str:
    """Return a checked 10-digit INN."""
    return _validated(validate_inn, _digits(value, width=10))


def parse_kpp(value: object, context: ParseContext) -> str:
    """Return a KPP in its standard format, or an empty string."""
    text = _digits(value, width=9).upper()
    return _validated(validate_kpp, text) if text else ""


def parse_ogrn(value: object, context: ParseContext) -> str:
    """Return a checked OGRN, or an empty string."""
    text = _digits(value, width=13)
    return _validated(validate_ogrn, text) if text else ""


def parse_municipality(value: object, context: ParseContext) -> int:
    """Return the id of the municipality the spelling names."""
    text = _text(value)
    municipality_id = context.known.get(("municipality", text))
    if municipality_id is None:
        municipality_id = context.municipality_ids.get(municipality_key(text))
        if municipality_id is None:
            raise CellError(
                f"неизвестное муниципальное образование «{text}»; администратор может добавить "
                "этот вариант названия в список вариантов названий МО"
            )
        context.known["municipality", text] = municipality_id
    return municipality_id


def parse_kind(value: object, context: ParseContext) -> str:
    """Return the organization kind named by its label or a common short form."""
    text = _text(value)
    kind = context.known.get(("kind", text))
    if kind is None:
        kind = KIND_LABELS.get(header_key(text).strip(" ."))
        if kind is None:
            allowed = "; ".join(f"«{name}»" for name in KIND_NAMES.values())
            raise CellError(f"неизвестный тип организации «{text}», допустимы: {allowed}")
        context.known["kind", text] = kind
    return kind


def parse_email(value: object, context: ParseContext) -> str:
    """Return a valid email address, or an empty string."""
    text = _text(value)
    if text:
        try:
            validate_email(text)
        except ValidationError as error:
            raise CellError(f"неверный адрес электронной почты «{text}»") from error
    return text


def parse_count(value: object, context: ParseContext) -> int | None:
    """Return a non-negative whole number, or None for an empty cell."""
    if isinstance(value, bool):
        raise CellError("ожидается целое число")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int):
        text = _text(value)
        if not text:
            return None
        if not _DIGITS_WITH_SPACES.match(text):
            raise CellError(f"ожидается целое число, а в ячейке «{text}»")
        value = int(re.sub(r"[\s\u00a0]", "", text))
    if value < 0:
        raise CellError("число не может быть отрицательным")
    if value > _MAX_COUNT:
        raise CellError("слишком большое число")
    return value


def _date_from_text(text: str) -> datetime.date:
    russian = _RUSSIAN_DATE.match(text)
    iso = _ISO_DATE.match(text)
    if russian:
        day, month, year = (int(part) for part in russian.groups())
    elif iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        raise CellError(f"ожидается дата в виде дд.мм.гггг, а в ячейке «{text}»")
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise CellError(f"даты {day:02d}.{month:02d}.{year} не существует") from error


def parse_date(value: object, context: ParseContext) -> datetime.date | None:
    """Return a date from a date cell, an Excel serial number or «дд.мм.гггг» text."""
    if isinstance(value, datetime.datetime):
        result = value.date()
    elif isinstance(value, datetime.date):
        result = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        try:
            result = from_excel(value, epoch=context.date_epoch).date()
        except (ValueError, OverflowError) as error:
            raise CellError(f"число {value} не похоже на дату") from error
    else:
        text = _text(value)
        if not text:
            return None
        result = _date_from_text(text)
    if not _EARLIEST_DATE <= result <= _LATEST_DATE:
        raise CellError(f"дата {result:%d.%m.%Y} вне допустимого диапазона")
    return result


def parse_birth_date(value: object, context: ParseContext) -> datetime.date | None:
    """Return a birth date, which cannot be in the future."""
    result = parse_date(value, context)
    if result is not None and result > datetime.date.today():
        raise CellError(f"дата рождения {result:%d.%m.%Y} ещё не наступила")
    return result


def _parse_text(field_name: str) -> Callable[[object, ParseContext], str]:
    limit = TEXT_MAX_LENGTHS[field_name]

    def parse(value: object, context: ParseContext) -> str:
        text = _text(value)
        if len(text) > limit:
            raise CellError(f"текст длиннее {limit} символов")
        return text

    return parse


PARSERS: dict[str, Callable[[object, ParseContext], object]] = {
    "municipality": parse_municipality,
    "full_name": _parse_text("full_name"),
    "short_name": _parse_text("short_name"),
    "kind": parse_kind,
    "inn": parse_inn,
    "kpp": parse_kpp,
    "ogrn": parse_ogrn,
    "address": _parse_text("address"),
    "phone": _parse_text("phone"),
    "email": parse_email,
    "website": _parse_text("website"),
    "student_count": parse_count,
    "head_full_name": _parse_text("head_full_name"),
    "head_birth_date": parse_birth_date,
    "head_contract_end_date": parse_date,
}


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_skippable(values: tuple, layout: TableLayout) -> bool:
    """Return whether a row carries no registry data: blank, or column numbers 1, 2, 3…"""
    if all(index >= len(values) or _is_blank(values[index]) for index in layout.positions.values()):
        return True
    numbered = (value for value in values if not _is_blank(value))
    return all(
        isinstance(value, int | float) and value == position
        for position, value in enumerate(numbered, start=1)
    )


def parse_row(
    row_number: int, values: tuple, layout: TableLayout, context: ParseContext
) -> ParsedRow:
    """Return the row's field values and every error in it."""
    parsed = ParsedRow(row=row_number)
    width = len(values)
    for field_name, index in layout.positions.items():
        raw = values[index] if index < width else None
        try:
            if COLUMN_BY_FIELD[field_name].required and _is_blank(raw):
                raise CellError("не заполнено")
            parsed.values[field_name] = PARSERS[field_name](raw, context)
        except CellError as error:
            header = COLUMN_BY_FIELD[field_name].header
            parsed.errors.append(RowError(row_number, header, str(error)))
    return parsed

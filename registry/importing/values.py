"""Turn the cells of one registry row into Organization field values, or into row errors."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from core.spreadsheets import (
    DIGITS_WITH_SPACES,
    CellContext,
    CellError,
    RowError,
    header_key,
    is_blank,
    parse_birth_date,
    parse_count,
    parse_date,
    parse_email,
    text_value,
)
from registry.founders import FOUNDER_NAMES, founder_from_name, founder_from_text
from registry.importing.columns import COLUMN_BY_FIELD, TableLayout
from registry.normalize import municipality_key
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

_INTEGRAL_TEXT = re.compile(r"^(\d+)[.,]0+$")


@dataclass
class ParseContext(CellContext):
    """What parsing a registry row needs besides its cells: municipalities by key, the epoch."""

    municipality_ids: dict[str, int]
    # A file repeats a few dozen municipality and kind spellings thousands of times.
    known: dict[tuple[str, str], object] = field(default_factory=dict)


@dataclass
class ParsedRow:
    """One registry row: its number, the field values it provides, and what is wrong with it.

    `inferred` names the fields whose values the row does not state but its other cells tell
    (the founder, from the name): they fill a new organization or a blank field, never replace
    a value already in the registry.
    """

    row: int
    values: dict[str, object] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    inferred: set[str] = field(default_factory=set)


def _digits(value: object, *, width: int) -> str:
    """Return an identifier stored as text or as a number as its digit string."""
    if isinstance(value, bool):
        raise CellError("ожидаются цифры")
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            raise CellError(f"ожидаются цифры, а в ячейке дробное число {value}")
        # Excel drops the leading zero of an identifier stored as a number.
        return str(int(value)).zfill(width)
    text = text_value(value)
    if text.isdigit():
        return text
    integral = _INTEGRAL_TEXT.match(text)
    if integral:
        return integral.group(1)
    if DIGITS_WITH_SPACES.match(text):
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


def parse_inn(value: object, context: CellContext) -> str:
    """Return a checked 10-digit INN."""
    return _validated(validate_inn, _digits(value, width=10))


def parse_kpp(value: object, context: CellContext) -> str:
    """Return a KPP in its standard format, or an empty string."""
    text = _digits(value, width=9).upper()
    return _validated(validate_kpp, text) if text else ""


def parse_ogrn(value: object, context: CellContext) -> str:
    """Return a checked OGRN, or an empty string."""
    text = _digits(value, width=13)
    return _validated(validate_ogrn, text) if text else ""


def parse_municipality(value: object, context: ParseContext) -> int:
    """Return the id of the municipality the spelling names."""
    text = text_value(value)
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
    text = text_value(value)
    kind = context.known.get(("kind", text))
    if kind is None:
        kind = KIND_LABELS.get(header_key(text).strip(" ."))
        if kind is None:
            allowed = "; ".join(f"«{name}»" for name in KIND_NAMES.values())
            raise CellError(f"неизвестный тип организации «{text}», допустимы: {allowed}")
        context.known["kind", text] = kind
    return kind


def parse_founder(value: object, context: ParseContext) -> str:
    """Return the founder the cell names, or "" for a blank cell (the name then tells)."""
    text = text_value(value)
    if not text:
        return ""
    founder = context.known.get(("founder", text))
    if founder is None:
        founder = founder_from_text(text)
        if founder is None:
            allowed = "; ".join(f"«{name}»" for name in FOUNDER_NAMES.values())
            raise CellError(f"неизвестный учредитель «{text}», допустимы: {allowed}")
        context.known["founder", text] = founder
    return founder


def _parse_text(field_name: str) -> Callable[[object, ParseContext], str]:
    limit = TEXT_MAX_LENGTHS[field_name]

    def parse(value: object, context: ParseContext) -> str:
        text = text_value(value)
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
    "founder": parse_founder,
}


def is_skippable(values: tuple, layout: TableLayout) -> bool:
    """Return whether a row carries no registry data: blank, or column numbers 1, 2, 3…"""
    if all(index >= len(values) or is_blank(values[index]) for index in layout.positions.values()):
        return True
    numbered = (value for value in values if not is_blank(value))
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
            if COLUMN_BY_FIELD[field_name].required and is_blank(raw):
                raise CellError("не заполнено")
            parsed.values[field_name] = PARSERS[field_name](raw, context)
        except CellError as error:
            header = COLUMN_BY_FIELD[field_name].header
            parsed.errors.append(RowError(row_number, header, str(error)))
    _infer_founder(parsed)
    return parsed


def _infer_founder(parsed: ParsedRow) -> None:
    """Take the founder from the name when the row does not state it; an explicit value wins."""
    if parsed.values.get("founder") or any(
        error.column == COLUMN_BY_FIELD["founder"].header for error in parsed.errors
    ):
        return
    parsed.values.pop("founder", None)  # a blank cell never clears a founder already known
    inferred = founder_from_name(
        str(parsed.values.get("full_name", "")), str(parsed.values.get("short_name", ""))
    )
    if inferred:
        parsed.values["founder"] = inferred
        parsed.inferred.add("founder")

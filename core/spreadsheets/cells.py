"""Turn the cells people type into values: text, numbers, dates and email addresses.

Every parser takes the raw cell value and a CellContext, and returns the value or raises
CellError with a Russian message for the person who filled in the spreadsheet.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from openpyxl.utils.datetime import from_excel

from core.spreadsheets.writing import unescape_cell

DIGITS_WITH_SPACES = re.compile(r"^[\d\s\u00a0]+$")
_MAX_COUNT = 2_147_483_647
_EARLIEST_DATE = datetime.date(1900, 1, 1)
_LATEST_DATE = datetime.date(2100, 12, 31)
_RUSSIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?$")


class CellError(Exception):
    """A cell's value is not acceptable; the message says why, in Russian."""


@dataclass
class CellContext:
    """What parsing a cell needs besides its value: the file's date epoch."""

    date_epoch: datetime.datetime


def is_blank(value: object) -> bool:
    """Return whether a cell holds nothing but spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def text_value(value: object) -> str:
    """Return a cell as one line of text: whole floats without «.0», dates as дд.мм.гггг."""
    if isinstance(value, str):
        text = " ".join(value.split())  # line breaks, tabs, runs of (non-breaking) spaces
        # The test before the call: every text cell of a large import passes here.
        return unescape_cell(text) if text[:1] == "'" else text
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return " ".join(str(value).split())


def parse_email(value: object, context: CellContext) -> str:
    """Return a valid email address, or an empty string."""
    text = text_value(value)
    if text:
        try:
            validate_email(text)
        except ValidationError as error:
            raise CellError(f"неверный адрес электронной почты «{text}»") from error
    return text


def parse_count(value: object, context: CellContext) -> int | None:
    """Return a non-negative whole number, or None for an empty cell."""
    if isinstance(value, bool):
        raise CellError("ожидается целое число")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int):
        text = text_value(value)
        if not text:
            return None
        if not DIGITS_WITH_SPACES.match(text):
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


def parse_date(value: object, context: CellContext) -> datetime.date | None:
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
        text = text_value(value)
        if not text:
            return None
        result = _date_from_text(text)
    if not _EARLIEST_DATE <= result <= _LATEST_DATE:
        raise CellError(f"дата {result:%d.%m.%Y} вне допустимого диапазона")
    return result


def parse_birth_date(value: object, context: CellContext) -> datetime.date | None:
    """Return a birth date, which cannot be in the future."""
    result = parse_date(value, context)
    if result is not None and result > datetime.date.today():
        raise CellError(f"дата рождения {result:%d.%m.%Y} ещё не наступила")
    return result

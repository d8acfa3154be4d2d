"""What can go wrong with an uploaded spreadsheet: refused outright, or wrong row by row."""

from collections.abc import Iterator
from dataclasses import dataclass

from defusedxml import DefusedXmlException


class FileRefused(Exception):
    """The file is not read at all: too big, not a spreadsheet, or built to harm the reader."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TableNotFound(Exception):
    """The file is a spreadsheet, but no sheet holds the template's header."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, order=True)
class RowError:
    """One wrong cell, addressed as the person who made the spreadsheet sees it."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"строка {self.row}, столбец «{self.column}»: {self.message}"


def entity_bomb(part_name: str) -> FileRefused:
    """Return the refusal for an XML part that declares a DTD or entities."""
    return FileRefused(
        f"Файл отклонён как опасный: часть «{part_name}» содержит объявление DOCTYPE или ENTITY. "
        "В таблицах Excel и LibreOffice их не бывает, а через них устраивают «XML-бомбы»."
    )


def unreadable(error: Exception | None = None) -> FileRefused:
    """Return the refusal for a spreadsheet its library could not parse."""
    if isinstance(error, DefusedXmlException):
        return entity_bomb("XML")
    return FileRefused("Файл повреждён или сохранён с ошибками: таблицу не удалось прочитать.")


def refusing_parser_errors(rows: Iterator) -> Iterator:
    """Pass rows through, turning a parser's own exceptions into a readable refusal."""
    try:
        yield from rows
    except FileRefused:
        raise
    except Exception as error:  # expat, openpyxl, xlrd and bad attribute values alike
        raise unreadable(error) from error

"""Find a template's table in a spreadsheet, and read its cells as text.

Every import of the portal finds its header the same way: header cells are compared folded
(fold_header); a template described as a list of headers is found by locate_header, and
template_rows walks its non-blank rows. An import with a richer column model (aliases,
per-column rules) builds its own locator on fold_header.
"""

import re
from collections.abc import Callable, Iterable, Iterator

from core.spreadsheets.errors import TableNotFound
from core.spreadsheets.limits import HEADER_SEARCH_ROWS

_SPACES = re.compile(r"\s+")


def header_key(header: object) -> str:
    """Return a spreadsheet column header folded for comparison: case, spaces, line breaks, ё."""
    text = "" if header is None else str(header)
    text = text.lower().replace("ё", "е").replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip()


def fold_header(text: object) -> str:
    """Return a header cell folded for comparison; a trailing asterisk or colon is ignored."""
    return header_key(text).rstrip(" *:")


def cell_text(value: object) -> str:
    """Return a cell as trimmed text: whole floats without «.0», runs of spaces folded."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _SPACES.sub(" ", str(value)).strip()


def locate_header(
    sheets: Iterator,
    *,
    headers: Iterable[str],
    required: Iterable[str],
    table_name: str,
) -> tuple[dict[str, int], Iterator[tuple[int, tuple]]]:
    """Return each header's position and the rows below the first row that has the required ones.

    Headers are compared folded (case, spaces, line breaks, ё, a trailing «*» or «:»). Only the
    first HEADER_SEARCH_ROWS rows of each sheet are searched; the table may be on any sheet.
    """
    wanted = {fold_header(name): name for name in headers}
    required = tuple(required)
    for _, rows in sheets:
        for row_number, values in rows:
            positions: dict[str, int] = {}
            for index, value in enumerate(values):
                name = wanted.get(fold_header(value))
                if name is not None and name not in positions:
                    positions[name] = index
            if all(name in positions for name in required):
                return positions, rows
            if row_number >= HEADER_SEARCH_ROWS:
                break
    names = ", ".join(f"«{name}»" for name in required)
    raise TableNotFound(
        f"В файле не найдена строка заголовков {table_name}: нужны столбцы {names}. "
        "Скачайте шаблон и сверьте названия столбцов."
    )


def template_rows(
    sheets: Iterator,
    *,
    headers: tuple[str, ...],
    required: Iterable[str],
    table_name: str,
) -> Iterator[tuple[int, Callable[[str], object]]]:
    """Yield (row number, cell getter by header) for every non-blank row under the header."""
    positions, rows = locate_header(
        sheets, headers=headers, required=required, table_name=table_name
    )
    for row_number, values in rows:

        def cell(header: str, values: tuple = values) -> object:
            index = positions.get(header)
            return values[index] if index is not None and index < len(values) else None

        if all(cell_text(cell(header)) == "" for header in headers):
            continue
        yield row_number, cell

"""Write small registry spreadsheets for the import tests."""

import datetime
from pathlib import Path

from openpyxl import Workbook

from registry.importing.columns import TEMPLATE_HEADERS
from tests.factories import make_inn, make_ogrn

DATA = Path(__file__).resolve().parent.parent / "data"
TEMPLATE_SAMPLE = DATA / "registry_template_sample.xlsx"
MESSY_SAMPLE = DATA / "registry_messy_sample.xlsx"


def organization_row(seed: int, **overrides: object) -> dict[str, object]:
    """Return one valid row of the canonical template, by header, with some cells replaced."""
    row: dict[str, object] = {
        "Муниципальное образование": "город Оренбург",
        "Полное наименование": (
            f"Муниципальное общеобразовательное бюджетное учреждение «СОШ № {seed}»"
        ),
        "Краткое наименование": f"МОБУ «СОШ № {seed}»",
        "Тип организации": "общеобразовательная организация",
        "ИНН": make_inn(seed),
        "КПП": "561001001",
        "ОГРН": make_ogrn(seed),
        "Адрес": f"460000, Оренбургская область, ул. Ленина, д. {seed}",
        "Телефон": "+7 (3532) 77-14-70",
        "Email": f"school{seed}@obr56.example",
        "Сайт": f"https://school{seed}.obr56.example",
        "Численность обучающихся": 500,
        "ФИО руководителя": "Иванова Анна Петровна",
        "Дата рождения руководителя": datetime.date(1970, 5, 17),
        "Дата окончания трудового договора руководителя": "31.08.2028",
    }
    row.update(overrides)
    return row


def write_registry(
    path: Path,
    rows: list[dict[str, object]],
    *,
    headers: tuple[str, ...] = TEMPLATE_HEADERS,
    above: tuple[tuple, ...] = (),
) -> Path:
    """Write rows under the header (and any title rows above it) as an .xlsx file."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Реестр"
    for title_row in above:
        sheet.append(title_row)
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    workbook.save(path)
    return path

"""The catalogue's Excel template: the columns, two sample rows and the reference lists."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from assessment.models import Competency
from development.catalogue.importing import HOST_INN, TEMPLATE_HEADERS
from registry.models import Organization


def template_workbook() -> bytes:
    """Return the catalogue template: the columns, sample rows and the reference lists."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Мероприятия"
    sheet.append(TEMPLATE_HEADERS)
    sheet.append(
        (
            "курс ДПО",
            "Финансово-хозяйственная деятельность образовательной организации",
            "План ФХД, муниципальное задание, платные услуги, отчётность.",
            "Региональный институт развития образования",
            None,
            None,
            72,
            "очно-заочно",
            "01.03.2027",
            "23.04.2027",
            25,
            "K05",
            1,
            2,
        )
    )
    host = Organization.objects.filter(is_active=True).order_by("municipality__name", "pk").first()
    if host is not None:
        sheet.append(
            (
                "стажировка",
                "Стажировка: внутренняя система оценки качества образования",
                "Работа методического совета, мониторинг образовательных результатов.",
                "Региональный институт развития образования",
                host.inn,
                "Иванова Мария Петровна",
                36,
                "очно",
                "12.04.2027",
                "16.04.2027",
                5,
                "K02, K07",
                2,
                3,
            )
        )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {"A": 16, "B": 50, "C": 50, "D": 36, "E": 18, "F": 28, "L": 16}
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    # Identifiers and dates typed by hand must stay text, or Excel reformats them.
    for row in range(2, 501):
        sheet.cell(row=row, column=TEMPLATE_HEADERS.index(HOST_INN) + 1).number_format = "@"
    reference = workbook.create_sheet("Справочники")
    reference.append(("Код", "Компетенция"))
    for code, name in (
        Competency.objects.filter(framework__is_current=True)
        .order_by("sort_order", "code")
        .values_list("code", "name")
    ):
        reference.append((code, name))
    reference.append(())
    reference.append(("Вид", "курс ДПО, стажировка, вебинар, проектная работа, наставничество"))
    reference.append(("Формат", "очно, дистанционно, очно-заочно"))
    reference.append(("Уровни", "1–4: для какого текущего уровня компетенции мероприятие"))
    reference.append(("Площадка", "для стажировки — ИНН организации из реестра портала"))
    reference.column_dimensions["A"].width = 12
    reference.column_dimensions["B"].width = 70
    for cell in reference[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

"""A report on the reserve as .xlsx in a fixed layout: the same rows in the same cells every time.

Column A holds the section or line, column B the value; the line numbers below are what the
tests read back, so a change of layout is a deliberate change of both.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.spreadsheets import safe_cell
from monitoring.reporting.data import ReportData

SECTION = Font(bold=True, size=12)


def _rows(data: ReportData) -> list[tuple[str, object] | tuple[str]]:
    line = data.line
    rows: list = [
        ("1. Численность и состав резерва",),
        ("Состоит в резерве на конец периода, чел.", line("reserve_size").value),
    ]
    rows += [(f"категория «{name}», чел.", count) for name, count in data.by_category]
    rows += [(f"готовность «{name}», чел.", count) for name, count in data.by_readiness]
    rows += [(f"должность: {name}, чел.", count) for name, count in data.by_post]
    rows += [
        ("2. Движение резерва",),
        ("Подано заявок, ед.", line("nominations_total").value),
        ("Допущено к оценке, %", line("eligibility_pass_rate").text),
        ("Прошли оценку, %", line("assessment_pass_rate").text),
        ("Включено в резерв, чел.", data.included),
        ("Назначено из резерва, чел.", data.appointed),
        ("из них в течение 12 месяцев после включения", data.appointed_within_year_percent),
        ("Исключено из резерва, чел.", data.excluded_total),
    ]
    rows += [(f"основание: {name}", count) for name, count in data.excluded]
    rows += [
        ("Истёк срок пребывания, чел.", data.expired),
        ("3. Покрытие вакансий",),
        ("Прогноз вакансий руководителей на 12 месяцев, ед.", line("forecast_vacancies").value),
        ("то же на 24 месяца, ед.", line("forecast_vacancies_24").value),
        ("то же на 36 месяцев, ед.", line("forecast_vacancies_36").value),
        ("Покрытие резервистами «готов сейчас», %", line("vacancy_coverage").text),
        ("4. Развитие резервистов",),
        ("Резервисты с утверждённым ИОМ, %", line("plans_share").text),
        ("Выполнено пунктов ИОМ со сроком в периоде, %", line("plan_items_done_share").text),
        ("Подтверждено применение в практике, %", line("practice_evidence_share").text),
        ("Просроченные пункты ИОМ, ед.", line("overdue_plan_items").value),
        ("Полугодовые отчёты сданы в срок, %", line("reports_on_time_share").text),
        ("5. Наставничество",),
        ("Резервисты с наставником, %", line("mentored_share").text),
        ("Наставников в реестре, чел.", line("mentors_total").value),
        ("Резервисты без наставника, чел.", line("mentees_waiting").value),
        ("Свободные места у наставников", line("mentor_places_free").value),
        ("Часы встреч с наставниками, ч", line("session_hours").value),
        ("Индекс благополучия (группы от 5 человек)", line("wellbeing_index").text),
    ]
    return rows


def report_workbook(data: ReportData) -> bytes:
    """Return the report's workbook: the fixed layout, and the reserve by municipality if any."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Отчёт"
    sheet.append([safe_cell(sheet, data.title)])
    sheet.append([f"{data.territory}; период: {data.period.label}; на {data.as_of:%d.%m.%Y}"])
    sheet.append([])
    for row in _rows(data):
        cells = [safe_cell(sheet, row[0])]
        if len(row) > 1:
            value = row[1]
            cells.append(float(value) if hasattr(value, "as_tuple") else value)
        sheet.append(cells)
        if len(row) == 1:
            sheet.cell(row=sheet.max_row, column=1).font = SECTION
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 70
    sheet.column_dimensions["B"].width = 18
    for cell in sheet["A"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if data.by_municipality:
        grid = workbook.create_sheet("По муниципалитетам")
        grid.append(["Муниципальное образование", *data.posts, "Всего"])
        for name, counts, total in data.by_municipality:
            grid.append([name, *counts, total])
        for cell in grid[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        grid.column_dimensions["A"].width = 36
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def layout(data: ReportData) -> list[str]:
    """Return the labels of column A from row 4 on, in order (what the tests hold fixed)."""
    return [row[0] for row in _rows(data)]

"""A report on the reserve as a .docx narrative with the same numbers as its .xlsx."""

from core.docx import (
    add_centered,
    add_heading,
    add_right,
    add_table,
    add_text,
    new_document,
    to_bytes,
)
from core.russian import plural
from monitoring.reporting.data import ReportData


def _people(count) -> str:
    number = int(count or 0)
    return f"{number} {plural(number, 'человек', 'человека', 'человек')}"


def report_document(data: ReportData) -> bytes:
    """Return the report as a .docx: sections in words, the key tables, the same figures."""
    line = data.line
    document = new_document()
    document.core_properties.title = data.title
    add_right(document, f"Сформировано на {data.as_of:%d.%m.%Y}")
    add_centered(document, data.title.upper(), bold=True)
    add_centered(document, f"{data.territory}, {data.period.label}")
    add_heading(document, "1. Численность и состав резерва")
    add_text(
        document,
        f"На {data.as_of:%d.%m.%Y} в кадровом резерве состоит "
        f"{_people(line('reserve_size').value)}. По категориям: "
        + "; ".join(f"«{name}» — {count}" for name, count in data.by_category)
        + ". По готовности к назначению: "
        + "; ".join(f"«{name}» — {count}" for name, count in data.by_readiness)
        + ".",
    )
    if data.by_post:
        add_table(document, ("Должность", "Резервистов"), data.by_post, widths_cm=(12, 4))
    add_heading(document, "2. Движение резерва")
    add_text(
        document,
        f"За период подано заявок: {line('nominations_total').text}; допущено к оценке: "
        f"{line('eligibility_pass_rate').text}; прошли оценку: "
        f"{line('assessment_pass_rate').text}. Включено в резерв: {_people(data.included)}, "
        f"назначено из резерва: {_people(data.appointed)} (в течение 12 месяцев после "
        f"включения — {data.appointed_within_year_percent}), исключено: "
        f"{_people(data.excluded_total)}, истёк срок пребывания: {_people(data.expired)}.",
    )
    if data.excluded:
        add_table(document, ("Основание исключения", "Человек"), data.excluded, widths_cm=(12, 4))
    add_heading(document, "3. Покрытие вакансий")
    add_text(
        document,
        "Прогноз вакансий руководителей по реестру организаций: на 12 месяцев — "
        f"{line('forecast_vacancies').text}, на 24 месяца — {line('forecast_vacancies_24').text}, "
        f"на 36 месяцев — {line('forecast_vacancies_36').text}; покрытие резервистами, "
        f"готовыми к назначению сейчас: {line('vacancy_coverage').text}.",
    )
    add_heading(document, "4. Развитие резервистов")
    add_text(
        document,
        f"Индивидуальный образовательный маршрут утверждён у {line('plans_share').text} "
        f"резервистов. Выполнено пунктов маршрутов со сроком в периоде: "
        f"{line('plan_items_done_share').text}; применение в практике подтверждено видевшим "
        f"его (наставником, руководителем организации или методистом стажировки) для "
        f"{line('practice_evidence_share').text} этих пунктов; просрочено пунктов: "
        f"{line('overdue_plan_items').text}. Полугодовые отчёты сданы в срок: "
        f"{line('reports_on_time_share').text}.",
    )
    add_heading(document, "5. Наставничество")
    add_text(
        document,
        f"Наставник есть у {line('mentored_share').text} резервистов; в реестре наставников "
        f"{_people(line('mentors_total').value)}, свободных мест у них: "
        f"{line('mentor_places_free').text}; ждут наставника "
        f"{_people(line('mentees_waiting').value)}; подтверждено часов встреч: "
        f"{line('session_hours').text}. Средний индекс благополучия резервистов: "
        f"{line('wellbeing_index').text} (показывается только для групп от пяти человек).",
    )
    if data.roadmap is not None:
        add_heading(document, "6. Дорожная карта")
        add_text(
            document,
            f"Мероприятий дорожной карты: {data.roadmap.total}, выполнено: {data.roadmap.done} "
            f"({data.roadmap.done_percent} %), выполняется: {data.roadmap.in_progress}, "
            f"просрочено: {data.roadmap.overdue}.",
        )
    if data.by_municipality:
        add_heading(document, "Приложение. Резерв по муниципальным образованиям")
        add_table(
            document,
            ("Муниципальное образование", "Резервистов"),
            [(name, total) for name, _, total in data.by_municipality],
            widths_cm=(12, 4),
        )
    return to_bytes(document)

"""The comprehensive programme document (.docx), every number taken from the database.

The parts a regional programme has: the approval block, the passport, the legal basis, goals,
target group, timing and stages, the common modules and the tracks by post, support, career
path, the induction stage, executors and partners, resources, management and control, results
and indicators. The newer parts are written in document_sections.py.
"""

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from core.docx import (
    add_centered,
    add_table,
    add_text,
    new_document,
    to_bytes,
)
from core.russian import quantity
from development.plans.services.generation import MAX_ITEMS_PER_GAP, PRACTICE_DAYS
from development.programme import document_sections as sections
from development.programme.document_sections import bullets, keep_rows_whole, ordinal
from development.programme.selectors import TITLE, Programme
from governance.wording import hours, years

MODULE_WIDTHS_CM = [1.0, 5.6, 1.6, 4.3, 4.0]
COVERAGE_WIDTHS_CM = [8.5, 4.5, 3.5]
INDICATOR_WIDTHS_CM = [4.5, 7.5, 4.5]


def _lower_first(text: str) -> str:
    """Return «утверждённый ИОМ» for «Утверждённый ИОМ», leaving «ИОМ …» as it is."""
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


GOAL = (
    "подготовить лиц, включённых в кадровый резерв руководителей образовательных организаций "
    "Оренбургской области, к замещению должностей руководителей и их заместителей: развить "
    "управленческие компетенции, выявленные при комплексной оценке как дефицитные, и обеспечить "
    "перенос полученных знаний в практику работы резервиста"
)
TASKS = [
    "построить для каждого резервиста индивидуальный образовательный маршрут (ИОМ) по "
    "результатам оценки компетенций и по треку его целевой должности",
    "обеспечить обучение по программам дополнительного профессионального образования, "
    "стажировки в организациях-лидерах и работу с наставником",
    "подтверждать выполнение каждого пункта маршрута документом, а применение в практике — "
    "подтверждением наставника, руководителя организации или тьютора",
    "измерять прирост компетенций при повторной оценке и учитывать его при назначении",
    "сопровождать назначенных руководителей на этапе адаптации",
]


def _goals(document, heading: sections.Headings) -> None:
    heading("Цель и задачи программы")
    add_text(document, f"Цель программы — {GOAL}.")
    add_text(document, "Задачи программы:")
    bullets(document, TASKS)


def _target_group(document, heading: sections.Headings, programme: Programme) -> None:
    heading("Целевая группа")
    add_text(
        document,
        "Программа предназначена для резервистов — педагогических и управленческих работников, "
        "включённых в кадровый резерв на должности руководителей и заместителей руководителей "
        "общеобразовательных, дошкольных, профессиональных организаций и организаций "
        "дополнительного образования, а также на должность руководителя муниципального органа "
        "управления образованием. Срок пребывания в резерве по Положению в действующей "
        f"редакции — {years(programme.term_years)}. На {programme.today:%d.%m.%Y} в резерве "
        f"состоит {programme.active_reservists} чел.",
    )


def _structure(document, heading: sections.Headings, programme: Programme) -> None:
    heading("Структура программы: общая часть")
    by_year = ", ".join(f"{ordinal(year.year)} — {hours(year.hours)}" for year in programme.years)
    count = programme.modules_count
    modules = quantity(count, "модуль", "модуля", "модулей")
    add_text(
        document,
        f"Общая часть программы построена по годам пребывания в резерве и включает {modules} "
        f"общим объёмом {hours(programme.hours)}: {by_year}. Трек целевой должности добавляет "
        "к ней свои модули (раздел «Треки по должностям»). Модули, которые резервисту не нужны "
        "по результатам оценки (нет дефицита), могут быть заменены в ИОМ мероприятиями "
        "каталога по дефицитным компетенциям. Объём модулей наставничества — норма "
        "наставничества Положения о кадровом резерве.",
    )
    for year in programme.years:
        paragraph = add_text(
            document,
            f"{ordinal(year.year)} пребывания в резерве: {hours(year.hours)}",
            indent=False,
            align=WD_ALIGN_PARAGRAPH.LEFT,
        )
        paragraph.runs[0].bold = True
        paragraph.paragraph_format.space_before = Pt(8)
        paragraph.paragraph_format.keep_with_next = True
        modules = add_table(
            document,
            ["№", "Модуль", "Часов", "Формы работы", "Компетенции"],
            [
                (
                    str(row.number),
                    row.module.title,
                    str(row.hours),
                    row.module.formats,
                    ", ".join(
                        f"{code} {name}" for code, name in zip(row.codes, row.names, strict=True)
                    ),
                )
                for row in year.modules
            ]
            + [("", "Итого за год", str(year.hours), "", "")],
            widths_cm=MODULE_WIDTHS_CM,
        )
        keep_rows_whole(modules, bold_last=True)
    add_text(document, "Содержание модулей:", indent=False).paragraph_format.space_before = Pt(8)
    for year in programme.years:
        for row in year.modules:
            add_text(
                document, row.module.description, bold_prefix=f"{row.number}. {row.module.title}. "
            )


def _coverage(document, heading: sections.Headings, programme: Programme) -> None:
    heading("Компетенции в модулях общей части")
    add_text(
        document,
        "Каждая компетенция модели развивается в модулях общей части; объём — сумма часов "
        "модулей, в которых она указана. Модули треков добавляют часы по компетенциям "
        "своей должности.",
    )
    coverage = add_table(
        document,
        ["Компетенция", "Модули (№)", "Часов"],
        [
            (
                f"{line.code}. {line.name}",
                ", ".join(str(number) for number in line.numbers) or "—",
                str(line.hours),
            )
            for line in programme.coverage
        ],
        widths_cm=COVERAGE_WIDTHS_CM,
    )
    keep_rows_whole(coverage)


def _support(document, heading: sections.Headings, programme: Programme) -> None:
    heading("Формы сопровождения")
    add_text(
        document,
        "Каждому резервисту подбирается наставник — действующий руководитель "
        "образовательной организации — с учётом дефицитов резервиста и сильных сторон "
        "наставника. Норма наставничества по Положению о кадровом резерве — "
        f"{hours(programme.mentoring_hours)} подтверждённых встреч в год на пару; она же — "
        "объём модуля наставничества каждого года. Каждая встреча подтверждается наставляемым. "
        f"Наставников, принимающих наставляемых, на {programme.today:%d.%m.%Y}: "
        f"{programme.mentors_available}.",
        bold_prefix="Наставничество. ",
    )
    add_text(
        document,
        "Проводятся на базе образовательных организаций региона (стажировочных площадок) "
        "под руководством тьютора; выполнение подтверждается отчётом тьютора. В каталоге "
        f"стажировок: {programme.internships}, площадок: {programme.internship_sites}.",
        bold_prefix="Стажировки. ",
    )
    practice_days = quantity(PRACTICE_DAYS, "день", "дня", "дней")
    kinds = ", ".join(f"{label} — {count}" for label, count in programme.catalogue_by_kind)
    add_text(
        document,
        f"Всего мероприятий: {programme.catalogue_total} ({kinds}). Каждое мероприятие "
        "отмечено компетенциями, которые оно развивает, и уровнями, для которых оно "
        "предназначено.",
        bold_prefix="Каталог мероприятий. ",
    )
    add_text(
        document,
        "Черновик ИОМ формируется по результатам "
        "оценки: для каждой компетенции ниже целевого уровня подбирается не более "
        f"{MAX_ITEMS_PER_GAP} мероприятий каталога, рассчитанных на текущий уровень резервиста; "
        f"срок пункта — через {practice_days} после окончания мероприятия. Резервист "
        "дорабатывает маршрут с наставником или муниципальным координатором, министерство "
        "утверждает его. Пункт считается выполненным, только когда приложено подтверждение "
        "выполнения (сертификат, удостоверение, отчёт тьютора), описано применение в практике и "
        "это применение подтвердил тот, кто его видел: наставник, руководитель организации "
        "резервиста или тьютор стажировки.",
        bold_prefix="Индивидуальный образовательный маршрут. ",
    )


def _results(document, heading: sections.Headings, programme: Programme) -> None:
    heading("Ожидаемые результаты")
    for year in programme.years:
        add_text(document, f"{ordinal(year.year)}:", indent=False).runs[0].bold = True
        bullets(
            document,
            [
                f"{row.module.title}: {_lower_first(row.module.expected_result.rstrip('.'))}"
                for row in year.modules
                if row.module.expected_result
            ],
        )


def _indicators(document, heading: sections.Headings, programme: Programme) -> None:
    heading("Показатели реализации программы")
    add_text(
        document,
        f"Значения рассчитаны по данным портала «Кадровый резерв» на {programme.today:%d.%m.%Y}.",
    )
    indicators = add_table(
        document,
        ["Показатель", "Как определяется", "Значение"],
        [(item.name, item.method, item.value) for item in programme.indicators],
        widths_cm=INDICATOR_WIDTHS_CM,
    )
    keep_rows_whole(indicators)


def programme_document(programme: Programme) -> bytes:
    """Return the comprehensive programme as a .docx file."""
    document = new_document()
    document.core_properties.title = TITLE
    sections.approval(document, programme)
    title = add_centered(
        document, programme.passport.title if programme.passport else TITLE, bold=True
    )
    title.paragraph_format.space_before = Pt(18)
    title.paragraph_format.space_after = Pt(6)
    add_centered(document, f"Сформирована по данным портала {programme.today:%d.%m.%Y}")
    sections.passport(document, programme, GOAL[0].upper() + GOAL[1:], TASKS)
    heading = sections.Headings(document)
    sections.legal_basis(document, heading, programme)
    _goals(document, heading)
    _target_group(document, heading, programme)
    sections.stages(document, heading, programme)
    _structure(document, heading, programme)
    sections.tracks(document, heading, programme)
    _coverage(document, heading, programme)
    _support(document, heading, programme)
    sections.career(document, heading, programme)
    sections.induction(document, heading)
    sections.partners(document, heading, programme)
    sections.resources(document, heading, programme)
    sections.management(document, heading, programme)
    _results(document, heading, programme)
    _indicators(document, heading, programme)
    return to_bytes(document)


def programme_filename(programme: Programme) -> str:
    """Return the download name of the document."""
    return f"kompleksnaya-programma-razvitiya-rezerva-{programme.today:%Y-%m-%d}.docx"

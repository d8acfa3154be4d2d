"""The comprehensive programme document (.docx), every number taken from the database."""

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from core.docx import (
    add_centered,
    add_heading,
    add_right,
    add_table,
    add_text,
    new_document,
    to_bytes,
)
from core.russian import quantity
from development.catalogue.selectors import TITLE, Programme
from development.plans.services.generation import MAX_ITEMS_PER_GAP, PRACTICE_DAYS
from governance.wording import hours, years

MODULE_WIDTHS_CM = [1.0, 5.6, 1.6, 4.3, 4.0]
COVERAGE_WIDTHS_CM = [8.5, 4.5, 3.5]
INDICATOR_WIDTHS_CM = [4.5, 7.5, 4.5]


def _bullets(document, lines: list[str]) -> None:
    for index, line in enumerate(lines):
        ending = ";" if index < len(lines) - 1 else "."
        add_text(document, f"— {line}{ending}", align=WD_ALIGN_PARAGRAPH.LEFT)


def _lower_first(text: str) -> str:
    """Return «утверждённый ИОМ» for «Утверждённый ИОМ», leaving «ИОМ …» as it is."""
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _keep_rows_whole(table, *, bold_last: bool = False) -> None:
    """Keep each row on one page; optionally set the last row (a total) in bold."""
    for row in table.rows:
        properties = row._tr.get_or_add_trPr()
        keep = OxmlElement("w:cantSplit")
        keep.set(qn("w:val"), "true")
        properties.append(keep)
    if bold_last:
        for cell in table.rows[-1].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True


def _ordinal(year: int) -> str:
    return f"{year}-й год"


def _goals(document, programme: Programme) -> None:
    add_heading(document, "1. Цель и задачи программы")
    add_text(
        document,
        "Цель программы — подготовить лиц, включённых в кадровый резерв руководителей "
        "образовательных организаций Оренбургской области, к замещению должностей "
        "руководителей и их заместителей: развить управленческие компетенции, выявленные при "
        "комплексной оценке как дефицитные, и обеспечить перенос полученных знаний в практику "
        "работы резервиста.",
    )
    add_text(document, "Задачи программы:")
    _bullets(
        document,
        [
            "построить для каждого резервиста индивидуальный образовательный маршрут (ИОМ) по "
            "результатам оценки компетенций",
            "обеспечить обучение по программам дополнительного профессионального образования, "
            "стажировки в организациях-лидерах и работу с наставником",
            "подтверждать выполнение каждого пункта маршрута документом и описанием применения "
            "в практике",
            "измерять прирост компетенций при повторной оценке и учитывать его при назначении",
        ],
    )


def _target_group(document, programme: Programme) -> None:
    add_heading(document, "2. Целевая группа")
    add_text(
        document,
        "Программа предназначена для резервистов — педагогических и управленческих работников, "
        "включённых в кадровый резерв на должности руководителей и заместителей руководителей "
        "общеобразовательных, дошкольных, профессиональных организаций и организаций "
        "дополнительного образования. Срок пребывания в резерве по Положению в действующей "
        f"редакции — {years(programme.term_years)}. На {programme.today:%d.%m.%Y} в резерве "
        f"состоит {programme.active_reservists} чел.",
    )


def _structure(document, programme: Programme) -> None:
    add_heading(document, "3. Структура программы")
    by_year = ", ".join(f"{_ordinal(year.year)} — {hours(year.hours)}" for year in programme.years)
    count = programme.modules_count
    modules = quantity(count, "модуль", "модуля", "модулей")
    add_text(
        document,
        f"Программа построена по годам пребывания в резерве и включает {modules} общим "
        f"объёмом {hours(programme.hours)}: {by_year}. Модули, которые резервисту не нужны по "
        "результатам оценки (нет дефицита), могут быть заменены в ИОМ мероприятиями каталога "
        "по дефицитным компетенциям.",
    )
    for year in programme.years:
        paragraph = add_text(
            document,
            f"{_ordinal(year.year)} пребывания в резерве: {hours(year.hours)}",
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
                    str(row.module.hours),
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
        _keep_rows_whole(modules, bold_last=True)
    add_text(document, "Содержание модулей:", indent=False).paragraph_format.space_before = Pt(8)
    for year in programme.years:
        for row in year.modules:
            add_text(
                document, row.module.description, bold_prefix=f"{row.number}. {row.module.title}. "
            )


def _coverage(document, programme: Programme) -> None:
    add_heading(document, "4. Компетенции в модулях программы")
    add_text(
        document,
        "Каждая компетенция модели развивается в модулях программы; объём — сумма часов "
        "модулей, в которых она указана.",
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
    _keep_rows_whole(coverage)


def _support(document, programme: Programme) -> None:
    add_heading(document, "5. Формы сопровождения")
    mentoring = ", ".join(
        f"{_ordinal(year)} — {hours(value)}"
        for year, value in sorted(programme.mentoring_hours.items())
    )
    add_text(
        document,
        "Каждому резервисту подбирается наставник — действующий руководитель "
        "образовательной организации — с учётом дефицитов резервиста и сильных сторон "
        "наставника. Норма встреч с наставником по программе: "
        f"{mentoring or 'не установлена'}. Каждая встреча подтверждается наставляемым. "
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
        "утверждает его. Пункт считается выполненным, только когда приложены подтверждение "
        "выполнения (сертификат, удостоверение, отчёт тьютора) и подтверждение применения в "
        "практике (описание изменений в работе с документом или ссылкой).",
        bold_prefix="Индивидуальный образовательный маршрут. ",
    )


def _results(document, programme: Programme) -> None:
    add_heading(document, "6. Ожидаемые результаты")
    for year in programme.years:
        add_text(document, f"{_ordinal(year.year)}:", indent=False).runs[0].bold = True
        _bullets(
            document,
            [
                f"{row.module.title}: {_lower_first(row.module.expected_result.rstrip('.'))}"
                for row in year.modules
                if row.module.expected_result
            ],
        )


def _indicators(document, programme: Programme) -> None:
    add_heading(document, "7. Показатели реализации программы")
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
    _keep_rows_whole(indicators)


def programme_document(programme: Programme) -> bytes:
    """Return the comprehensive programme as a .docx file."""
    document = new_document()
    document.core_properties.title = TITLE
    add_right(document, f"Сформирована {programme.today:%d.%m.%Y}")
    heading = add_centered(document, TITLE, bold=True)
    heading.paragraph_format.space_before = Pt(18)
    heading.paragraph_format.space_after = Pt(12)
    _goals(document, programme)
    _target_group(document, programme)
    _structure(document, programme)
    _coverage(document, programme)
    _support(document, programme)
    _results(document, programme)
    _indicators(document, programme)
    return to_bytes(document)


def programme_filename(programme: Programme) -> str:
    """Return the download name of the document."""
    return f"kompleksnaya-programma-razvitiya-rezerva-{programme.today:%Y-%m-%d}.docx"

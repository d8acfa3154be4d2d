"""Parts of the programme document a regional programme has beyond its modules: the approval
block, the passport, the legal basis, timing and stages, tracks by post, the career path, the
induction stage after appointment, executors and partners, resources, management and control.
"""

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from core.docx import add_heading, add_right, add_table, add_text
from core.russian import quantity
from development.programme import texts
from development.programme.selectors import Programme
from governance.wording import hours, years

PASSPORT_WIDTHS_CM = [5.0, 11.5]
TRACK_WIDTHS_CM = [6.0, 8.0, 2.5]
PARTNER_WIDTHS_CM = [5.5, 3.5, 7.5]
RESOURCE_WIDTHS_CM = [7.5, 2.5, 4.0, 2.5]
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа")
MONTHS += ("сентября", "октября", "ноября", "декабря")


class Headings:
    """Number the document's sections in the order they are written."""

    def __init__(self, document) -> None:
        self.document = document
        self.number = 0

    def __call__(self, title: str) -> None:
        self.number += 1
        add_heading(self.document, f"{self.number}. {title}")


def bullets(document, lines: list[str]) -> None:
    for index, line in enumerate(lines):
        ending = ";" if index < len(lines) - 1 else "."
        add_text(document, f"— {line}{ending}", align=WD_ALIGN_PARAGRAPH.LEFT)


def keep_rows_whole(table, *, bold_last: bool = False) -> None:
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


def ordinal(year: int) -> str:
    return f"{year}-й год"


def _date_in_words(day) -> str:
    return f"«{day.day:02d}» {MONTHS[day.month - 1]} {day.year} г."


def approval(document, programme: Programme) -> None:
    """Add the approval block: the order's date and number, or blanks to fill in on signing."""
    passport = programme.passport
    add_right(document, "УТВЕРЖДЕНА")
    add_right(document, "приказом министерства образования")
    add_right(document, "Оренбургской области")
    if passport is not None and passport.approval_order_date and passport.approval_order_number:
        add_right(
            document,
            f"от {_date_in_words(passport.approval_order_date)} № {passport.approval_order_number}",
        )
    else:
        add_right(document, "от «___» ____________ 20___ г. № _______")


def _financing(programme: Programme) -> str:
    passport = programme.passport
    finance = next(group for group in programme.resources if group.kind == "finance")
    lines = [
        f"{item.description.rstrip('.')}: {_amount(item.amount)} ({item.funding_source})"
        for item in finance.items
        if item.amount is not None
    ]
    sources = sorted({item.funding_source for item in finance.items if item.funding_source})
    if lines:
        total = _amount(finance.amount)
        return f"Всего {total}. " + "; ".join(lines) + "."
    note = passport.financing_note if passport else ""
    return (note + " Источники: " + "; ".join(sources) + ".") if sources else note


def _amount(value) -> str:
    return f"{value:,.1f} тыс. руб.".replace(",", " ").replace(".", ",")


def passport(document, programme: Programme, goal: str, tasks: list[str]) -> None:
    """Add the passport: the programme's main facts in one table."""
    passport = programme.passport
    add_heading(document, "Паспорт программы")
    regulation_line = _regulation_line(programme)
    rows = [
        ("Наименование программы", passport.title if passport else ""),
        (
            "Основания разработки",
            "; ".join([*(passport.legal_acts if passport else []), regulation_line]),
        ),
        ("Заказчик", passport.customer if passport else ""),
        ("Разработчик", passport.developer if passport else ""),
        (
            "Исполнители и партнёры",
            "; ".join(f"{p.short_name} — {p.get_role_display()}" for p in programme.partners),
        ),
        ("Цель", goal),
        ("Задачи", "; ".join(tasks)),
        (
            "Целевая группа",
            "резервисты на должности руководителей и заместителей руководителей образовательных "
            "организаций всех типов и руководителя муниципального органа управления образованием",
        ),
        ("Сроки реализации", _period(programme)),
        ("Объём и источники финансирования", _financing(programme)),
        (
            "Ожидаемые результаты",
            "; ".join(f"{item.name}: {item.value}" for item in programme.indicators),
        ),
        ("Система управления и контроля", passport.management if passport else ""),
    ]
    table = add_table(
        document, ["Раздел паспорта", "Содержание"], rows, widths_cm=PASSPORT_WIDTHS_CM
    )
    keep_rows_whole(table)


def _regulation_line(programme: Programme) -> str:
    version = programme.regulation_version
    if version is None:
        return "Положение о кадровом резерве руководителей образовательных организаций"
    return (
        "Положение о кадровом резерве руководителей образовательных организаций Оренбургской "
        f"области (редакция № {version.number} от {version.effective_from:%d.%m.%Y})"
    )


def _period(programme: Programme) -> str:
    passport = programme.passport
    if passport is None:
        return ""
    return f"{passport.starts_year}–{passport.ends_year} годы"


def legal_basis(document, heading: Headings, programme: Programme) -> None:
    heading("Нормативные правовые основания")
    acts = programme.passport.legal_acts if programme.passport else []
    bullets(document, [*acts, _regulation_line(programme)])


def stages(document, heading: Headings, programme: Programme) -> None:
    """Add the timing and the stages: the years of membership, then the induction stage."""
    heading("Сроки и этапы реализации")
    if programme.passport is not None:
        add_text(
            document,
            f"Программа реализуется в {programme.passport.starts_year}–"
            f"{programme.passport.ends_year} годах. Для каждого резервиста она проходит в "
            f"течение срока пребывания в резерве — {years(programme.term_years)} — по этапам:",
        )
    lines = [
        f"{ordinal(year.year)} — {hours(year.hours)} общих модулей: "
        + ", ".join(f"«{row.module.title}»" for row in year.modules)
        for year in programme.years
    ]
    lines.append(
        "после назначения на должность — этап адаптации в течение 12 месяцев (раздел "
        "«Этап адаптации после назначения»)"
    )
    bullets(document, lines)


def tracks(document, heading: Headings, programme: Programme) -> None:
    """Add the tracks: for each post, its own modules on top of the common part."""
    heading("Треки по должностям")
    add_text(
        document,
        f"Общая часть программы ({hours(programme.hours)}) обязательна для всех резервистов. "
        "Трек должности добавляет к ней модули, написанные для организации того типа и той "
        "должности, на которую претендует резервист; модули трека попадают в его "
        "индивидуальный образовательный маршрут по целевой должности.",
    )
    rows = []
    for track in programme.tracks:
        own = "; ".join(
            f"{row.number}. {row.module.title} ({hours(row.hours)})" for row in track.modules
        )
        rows.append((track.post.name, own or "только общая часть", str(track.hours)))
    table = add_table(
        document, ["Должность", "Модули трека (№)", "Всего часов"], rows, widths_cm=TRACK_WIDTHS_CM
    )
    keep_rows_whole(table)
    described = {row.number: row for track in programme.tracks for row in track.modules}
    for number in sorted(described):
        row = described[number]
        add_text(document, row.module.description, bold_prefix=f"{number}. {row.module.title}. ")


def career(document, heading: Headings, programme: Programme) -> None:
    """Add the career path: from nomination to appointment, and the moves between posts."""
    heading("Карьерная траектория резервиста")
    add_text(document, texts.career_path(programme.regulation))
    add_text(document, "Карьерные переходы, к которым готовит программа:")
    bullets(document, texts.CAREER_MOVES)
    rules = texts.eligibility_lines(programme.regulation)
    if rules:
        add_text(document, "Квалификационные требования по Положению о кадровом резерве:")
        bullets(document, rules)


def induction(document, heading: Headings) -> None:
    """Add the induction stage that follows the appointment (the portal's appointment stage)."""
    heading("Этап адаптации после назначения")
    for paragraph in texts.induction_paragraphs():
        add_text(document, paragraph)


def partners(document, heading: Headings, programme: Programme) -> None:
    heading("Ответственные исполнители и партнёры")
    rows = [
        (partner.name, partner.get_role_display(), partner.responsibilities)
        for partner in programme.partners
    ]
    table = add_table(
        document, ["Организация", "Роль", "За что отвечает"], rows, widths_cm=PARTNER_WIDTHS_CM
    )
    keep_rows_whole(table)


def resources(document, heading: Headings, programme: Programme) -> None:
    """Add the resource provision by kind: staff, finance (sums and sources), methods, material."""
    heading("Ресурсное обеспечение")
    for group in programme.resources:
        if not group.items:
            continue
        paragraph = add_text(document, f"{group.label.capitalize()} обеспечение", indent=False)
        paragraph.runs[0].bold = True
        paragraph.paragraph_format.space_before = Pt(6)
        table = add_table(
            document,
            ["Что обеспечивается", "Год", "Источник, исполнитель", "Объём, тыс. руб."],
            [
                (
                    item.description,
                    str(item.year or "весь срок"),
                    "; ".join(
                        part
                        for part in (
                            item.funding_source,
                            item.partner.short_name if item.partner else "",
                        )
                        if part
                    )
                    or "—",
                    _amount(item.amount).removesuffix(" тыс. руб.")
                    if item.amount is not None
                    else "—",
                )
                for item in group.items
            ],
            widths_cm=RESOURCE_WIDTHS_CM,
        )
        keep_rows_whole(table)
    if programme.finance_total is None and programme.passport is not None:
        add_text(document, programme.passport.financing_note)


def management(document, heading: Headings, programme: Programme) -> None:
    heading("Управление и контроль реализации программы")
    if programme.passport is not None:
        add_text(document, programme.passport.management)
    dates = ", ".join(
        f"{day} {MONTHS[month - 1]}" for month, day in programme.regulation.reporting_dates
    )
    add_text(
        document,
        f"Сведения о выполнении индивидуальных маршрутов представляются к {dates} (Положение о "
        "кадровом резерве). Показатели реализации (раздел «Показатели реализации программы») "
        "рассчитываются порталом по подтверждённым данным; пункт маршрута считается "
        "выполненным, только когда применение в практике подтвердил наставник, руководитель "
        "организации резервиста или тьютор стажировки.",
    )
    norm = quantity(programme.mentoring_hours, "час", "часа", "часов")
    add_text(
        document,
        f"Норма наставничества — {norm} подтверждённых встреч в год на пару (параметр "
        "Положения о кадровом резерве); выполнение нормы видно наставнику, резервисту и "
        "координатору на страницах наставничества.",
    )

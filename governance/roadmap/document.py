"""The roadmap document (.docx): «Дорожная карта … с ресурсным обеспечением», every item in it."""

import datetime
from collections import defaultdict
from decimal import Decimal

from docx.shared import Pt

from core.docx import (
    add_centered,
    add_heading,
    add_landscape_section,
    add_right,
    add_table,
    add_text,
    new_document,
    to_bytes,
)
from governance.roadmap.models import (
    BudgetSource,
    RoadmapItem,
    RoadmapStage,
    format_value,
)

TITLE = (
    "Дорожная карта по подготовке кадрового резерва руководителей образовательных организаций "
    "Оренбургской области с ресурсным обеспечением"
)
_HEADER = (
    "№",
    "Мероприятие",
    "Срок",
    "Ответственный исполнитель, соисполнители",
    "Ресурсное обеспечение",
    "Показатель: цель / факт",
    "Статус",
)
_WIDTHS = (1.2, 6.2, 2.6, 4.4, 5.6, 3.4, 2.3)


def money(amount: Decimal | None) -> str:
    """Return a sum in roubles with thin groups: «1 250 000,00 руб.»."""
    if amount is None:
        return "—"
    whole, _, cents = f"{amount:.2f}".partition(".")
    groups = f"{int(whole):,}".replace(",", "\u00a0")
    return f"{groups},{cents} руб."


def _period(item: RoadmapItem) -> str:
    return f"{item.starts_on:%d.%m.%Y} – {item.ends_on:%d.%m.%Y}"


def _responsible(item: RoadmapItem) -> str:
    lines = [item.responsible]
    if item.responsible_person:
        lines.append(item.responsible_person)
    if item.partner_list:
        lines.append("Соисполнители: " + "; ".join(item.partner_list))
    return "\n".join(lines)


def _resources(item: RoadmapItem) -> str:
    lines = []
    if item.budget_amount:
        source = f" ({item.get_budget_source_display()})" if item.budget_source else ""
        lines.append(f"Финансовые: {money(item.budget_amount)}{source}")
    elif item.budget_source:
        lines.append(f"Финансовые: {item.get_budget_source_display()}")
    for label, text in (
        ("Кадровые", item.staff_resources),
        ("Методические", item.methodological_resources),
        ("Материально-технические", item.material_resources),
    ):
        if text:
            lines.append(f"{label}: {text}")
    return "\n".join(lines) or "—"


def _indicator(item: RoadmapItem) -> str:
    if not item.indicator:
        return "—"
    unit = f" {item.unit}" if item.unit else ""
    text = f"{item.indicator}: цель {format_value(item.target_value)}{unit}"
    if item.actual_value is not None:
        text += f"; факт {format_value(item.actual_value)}{unit}"
        if item.actual_on:
            text += f" на {item.actual_on:%d.%m.%Y}"
    return text


def _status(item: RoadmapItem, today: datetime.date) -> str:
    if item.overdue_on(today):
        return f"{item.get_status_display()}, просрочено"
    if item.completed_on:
        return f"{item.get_status_display()} {item.completed_on:%d.%m.%Y}"
    return item.get_status_display()


def roadmap_document(items: list[RoadmapItem], *, today: datetime.date) -> bytes:
    """Return the roadmap as a .docx: a summary of resources, then every item by stage."""
    document = new_document()
    document.core_properties.title = TITLE
    add_right(document, f"Сформировано {today:%d.%m.%Y}")
    heading = add_centered(document, "ДОРОЖНАЯ КАРТА", bold=True)
    heading.paragraph_format.space_before = Pt(24)
    add_centered(document, TITLE.removeprefix("Дорожная карта "), bold=True)
    if items:
        years = f"{min(i.starts_on for i in items).year}–{max(i.ends_on for i in items).year}"
        add_centered(document, f"на {years} годы")
    add_heading(document, "1. Общие сведения")
    add_text(
        document,
        "Дорожная карта определяет мероприятия по отбору, оценке, развитию и назначению "
        "резервистов, а также по развитию системы работы с кадровым резервом, сроки их "
        "выполнения, ответственных исполнителей, ресурсное обеспечение и показатели результата.",
    )
    by_source: dict[str, Decimal] = defaultdict(Decimal)
    for item in items:
        if item.budget_amount:
            by_source[item.budget_source or BudgetSource.NONE] += item.budget_amount
    total = sum(by_source.values(), Decimal(0))
    overdue = sum(1 for item in items if item.overdue_on(today))
    add_text(
        document,
        f"Всего мероприятий: {len(items)}; из них выполнено: "
        f"{sum(1 for item in items if item.status == 'done')}, просрочено: {overdue}. "
        f"Общий объём финансирования: {money(total)}.",
    )
    if by_source:
        add_table(
            document,
            ("Источник финансирования", "Объём"),
            [(BudgetSource(source).label, money(amount)) for source, amount in by_source.items()],
            widths_cm=(10, 6),
        )
    add_landscape_section(document)
    add_heading(document, "2. Мероприятия дорожной карты")
    for stage in RoadmapStage:
        stage_items = [item for item in items if item.stage == stage]
        if not stage_items:
            continue
        add_text(document, f"Этап: {stage.label}", indent=False, bold_prefix="")
        add_table(
            document,
            _HEADER,
            [
                (
                    item.number,
                    item.title,
                    _period(item),
                    _responsible(item),
                    _resources(item),
                    _indicator(item),
                    _status(item, today),
                )
                for item in stage_items
            ],
            widths_cm=_WIDTHS,
        )
    return to_bytes(document)


def roadmap_filename(today: datetime.date) -> str:
    """Return the download name of the roadmap document."""
    return f"dorozhnaya-karta-kadrovy-rezerv-{today:%Y-%m-%d}.docx"

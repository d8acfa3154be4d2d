"""The Regulation's parameters in readable Russian, shared by its page and its document."""

from collections.abc import Iterable

from core.russian import quantity
from governance.regulation import (
    DOCUMENT_KINDS,
    EDUCATION_FIELDS,
    EligibilityRoute,
    ExperienceKind,
    Regulation,
)

# The assessment instruments the weights refer to (DESIGN.md §4, assessment).
WEIGHT_LABELS = {
    "self_assessment": "самооценка",
    "feedback_360": "оценка «360 градусов»",
    "knowledge_test": "тест профессиональных знаний",
    "case": "решение управленческих кейсов",
    "interview": "структурированное интервью",
    "management_project": "защита управленческого проекта",
    "portfolio": "портфолио",
}

MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def years(number: int) -> str:
    """Return «3 года», «5 лет», «1 год»."""
    return quantity(number, "год", "года", "лет")


def hours(number: int) -> str:
    """Return «250 часов», «72 часа»."""
    return quantity(number, "час", "часа", "часов")


def times(number: int) -> str:
    """Return «2 раза», «5 раз»."""
    return quantity(number, "раз", "раза", "раз")


def times_genitive(number: int) -> str:
    """Return «1 раза», «2 раз» — after «не более»."""
    return quantity(number, "раза", "раз", "раз")


def ordered_weights(weights: dict[str, int]) -> list[tuple[str, int]]:
    """Return the weights in the instruments' usual order (the database may reorder keys)."""
    known = [code for code in WEIGHT_LABELS if code in weights]
    rest = sorted(code for code in weights if code not in WEIGHT_LABELS)
    return [(code, weights[code]) for code in known + rest]


def day_month(month: int, day: int) -> str:
    """Return «1 июля»."""
    return f"{day} {MONTHS_GENITIVE[month - 1]}"


def day_month_numeric(month: int, day: int) -> str:
    """Return «01.07»."""
    return f"{day:02d}.{month:02d}"


def weight_label(code: str) -> str:
    """Return the instrument's name for a weight key."""
    return WEIGHT_LABELS.get(code, code)


def document_names(codes: Iterable[str]) -> list[str]:
    """Return the names of the document kinds."""
    return [DOCUMENT_KINDS.get(code, code) for code in codes]


def _fields(codes: Iterable[str]) -> str:
    return ", ".join(f"«{EDUCATION_FIELDS.get(code, code)}»" for code in codes)


def route_conditions(route: EligibilityRoute) -> list[str]:
    """Return every condition of an eligibility route in words, numbers included."""
    if route.education_fields:
        education = (
            f"высшее образование по направлениям подготовки {_fields(route.education_fields)}"
        )
    else:
        education = "высшее образование"
    conditions = [education]
    if route.dpo_fields:
        dpo = f"дополнительное профессиональное образование в области {_fields(route.dpo_fields)}"
        if route.dpo_min_hours:
            dpo += f" объёмом не менее {hours(route.dpo_min_hours)}"
        conditions.append(dpo)
    posts = " или ".join(ExperienceKind.LABELS[kind] for kind in route.experience_kinds)
    conditions.append(
        f"стаж работы на {posts} должностях не менее {years(route.min_experience_years)}"
    )
    return conditions


def term_sentence(regulation: Regulation) -> str:
    """Return how long a reservist stays and how the term is extended."""
    text = f"Срок пребывания в кадровом резерве — {years(regulation.reserve_term_years)}."
    if regulation.max_extensions and regulation.extension_term_years:
        extension = years(regulation.extension_term_years)
        text += (
            f" Срок может быть продлён решением комиссии на {extension}, но не более "
            f"{times_genitive(regulation.max_extensions)}."
        )
    else:
        text += " Продление срока не предусмотрено."
    return text


def reporting_sentence(regulation: Regulation) -> str:
    """Return the reporting dates in words: «до 1 июля и до 10 декабря»."""
    dates = [day_month(month, day) for month, day in sorted(regulation.reporting_dates)]
    return " и ".join(f"до {date}" for date in dates)

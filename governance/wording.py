"""The Regulation's parameters in readable Russian, shared by its page and its document."""

from collections.abc import Iterable

from core.russian import plural, quantity
from governance.regulation import (
    ACTS,
    DEGREES,
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


def years_genitive(number: int) -> str:
    """Return «1 года», «5 лет» — after «не менее»."""
    return quantity(number, "года", "лет", "лет")


def hours(number: int) -> str:
    """Return «250 часов», «72 часа»."""
    return quantity(number, "час", "часа", "часов")


def times(number: int) -> str:
    """Return «2 раза», «5 раз»."""
    return quantity(number, "раз", "раза", "раз")


def times_genitive(number: int) -> str:
    """Return «одного раза», «двух раз» — after «не более»."""
    words = {1: "одного", 2: "двух", 3: "трёх", 4: "четырёх", 5: "пяти"}
    noun = plural(number, "раза", "раз", "раз")
    return f"{words.get(number, number)} {noun}"


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
    names = [EDUCATION_FIELDS.get(code, code) for code in codes]
    return ", ".join(f"«{name[:1].upper()}{name[1:]}»" for name in names)


def _levels(codes: Iterable[str]) -> str:
    return " или ".join(DEGREES.get(code, code) for code in codes)


def route_conditions(route: EligibilityRoute) -> list[str]:
    """Return every condition of an eligibility route in words, numbers included."""
    education = "высшее образование"
    if route.education_levels and set(route.education_levels) != set(DEGREES):
        education += f" ({_levels(route.education_levels)})"
    if route.education_fields:
        education += f" по направлениям подготовки {_fields(route.education_fields)}"
    conditions = [education]
    if route.second_levels or route.second_fields:
        second = "второе высшее образование"
        if route.second_levels:
            second += f" ({_levels(route.second_levels)})"
        if route.second_fields:
            second += f" в области {_fields(route.second_fields)}"
        conditions.append(second)
    if route.dpo_fields:
        dpo = f"профессиональная переподготовка в области {_fields(route.dpo_fields)}"
        if route.dpo_min_hours:
            dpo += f" объёмом не менее {hours(route.dpo_min_hours)}"
        conditions.append(dpo)
    posts = " или ".join(ExperienceKind.LABELS[kind] for kind in route.experience_kinds)
    conditions.append(
        f"стаж работы на {posts} должностях не менее {years_genitive(route.min_experience_years)}"
    )
    return conditions


def act_name(code: str) -> str:
    """Return how the explanations cite the act of a route."""
    return ACTS.get(code, code)


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


_NUMBER_WORDS = {
    1: ("один", "одна"),
    2: ("два", "две"),
    3: ("три", "три"),
    4: ("четыре", "четыре"),
    5: ("пять", "пять"),
    6: ("шесть", "шесть"),
    7: ("семь", "семь"),
    8: ("восемь", "восемь"),
    9: ("девять", "девять"),
    10: ("десять", "десять"),
}


def number_word(number: int, *, feminine: bool = False) -> str:
    """Return «два», «две» for small numbers, as official texts write them; digits past ten."""
    words = _NUMBER_WORDS.get(number)
    if words is None:
        return str(number)
    return words[1] if feminine else words[0]


def times_and_more(number: int) -> str:
    """Return «два раза и более», «один раз и более» — how often a refusal counts."""
    return f"{number_word(number)} {plural(number, 'раз', 'раза', 'раз')} и более"


def quorum_sentence(percent: int) -> str:
    """Return «не менее половины членов комиссии» (or the share in words) for the quorum."""
    shares = {50: "половины", 67: "двух третей", 66: "двух третей", 75: "трёх четвертей"}
    if percent in shares:
        return f"не менее {shares[percent]} членов комиссии"
    if percent == 100:
        return "весь состав комиссии"
    return f"не менее {percent} % членов комиссии"


def days(number: int, kind: str = "") -> str:
    """Return «10 рабочих дней», «15 дней»."""
    adjective = {"working": plural(number, "рабочего", "рабочих", "рабочих")}.get(kind, "")
    noun = plural(number, "дня", "дней", "дней")
    return " ".join(part for part in (str(number), adjective, noun) if part)


def months(number: int) -> str:
    """Return «12 месяцев», «3 месяца»."""
    return quantity(number, "месяц", "месяца", "месяцев")

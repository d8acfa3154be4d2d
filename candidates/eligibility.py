"""Evaluate a candidate against the Regulation's qualification routes, explaining every result."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from candidates.experience import length_of_service
from core.russian import quantity
from governance.regulation import (
    ACTS,
    DEGREES,
    EDUCATION_FIELDS,
    EligibilityRoute,
    EligibilityRule,
    ExperienceKind,
)


@dataclass(frozen=True)
class ConditionResult:
    text: str
    passed: bool


@dataclass(frozen=True)
class RouteResult:
    code: str
    title: str
    conditions: tuple[ConditionResult, ...]

    @property
    def passed(self) -> bool:
        return all(condition.passed for condition in self.conditions)


@dataclass(frozen=True)
class EligibilityResult:
    rule_title: str
    routes: tuple[RouteResult, ...] = field(default_factory=tuple)
    problem: str = ""

    @property
    def is_eligible(self) -> bool:
        return not self.problem and any(route.passed for route in self.routes)

    def as_json(self) -> list[dict]:
        """Return the results in the form stored on EligibilityCheck."""
        if self.problem:
            return [{"route": "", "title": self.problem, "passed": False, "conditions": []}]
        return [
            {
                "route": route.code,
                "title": route.title,
                "passed": route.passed,
                "conditions": [
                    {"text": condition.text, "passed": condition.passed}
                    for condition in route.conditions
                ],
            }
            for route in self.routes
        ]


@dataclass(frozen=True)
class Profile:
    """What the rules read from a candidate; built by the caller from the database."""

    # (field, speciality, year, degree); the degree is "" when not recorded.
    higher_education: Sequence[tuple]
    dpo: Sequence[tuple[str, str, int, int]]  # (field, programme, hours, year)
    work: Sequence[tuple[str, datetime.date, datetime.date | None]]  # (kind, from, to)


def _years_phrase(years: int) -> str:
    """Return the years in the genitive that «не менее» asks for: «1 года», «5 лет»."""
    return quantity(years, "года", "лет", "лет")


def _field_names(codes: Sequence[str]) -> str:
    return ", ".join(f"«{EDUCATION_FIELDS[code].capitalize()}»" for code in codes)


def _levels(codes: Sequence[str]) -> str:
    return " или ".join(DEGREES.get(code, code) for code in codes)


def _record(entry: tuple) -> tuple[str, str, int, str]:
    field_code, speciality, year, *rest = entry
    return field_code, speciality, year, (rest[0] if rest else "")


def _matching(
    profile: Profile, fields: Sequence[str], levels: Sequence[str], skip: tuple | None = None
) -> tuple | None:
    for entry in profile.higher_education:
        record = _record(entry)
        if skip is not None and record == skip:
            continue
        field_ok = not fields or record[0] in fields
        level_ok = not levels or set(levels) == set(DEGREES) or record[3] in levels
        if field_ok and level_ok:
            return record
    return None


def _education_condition(route: EligibilityRoute, profile: Profile) -> ConditionResult:
    if not profile.higher_education:
        return ConditionResult("Сведения о высшем образовании не указаны.", False)
    record = _matching(profile, route.education_fields, route.education_levels)
    if record is not None:
        field_code, speciality, year, degree = record
        level = f" ({DEGREES[degree]})" if degree in DEGREES else ""
        what = (
            f"по направлению «{EDUCATION_FIELDS[field_code]}»" if route.education_fields else "есть"
        )
        return ConditionResult(
            f"Высшее образование{level} {what}: {speciality}, {year} г.".replace("  ", " "), True
        )
    wanted = "Нет высшего образования"
    if route.education_levels and set(route.education_levels) != set(DEGREES):
        wanted += f" уровня «{_levels(route.education_levels)}»"
    if route.education_fields:
        wanted += f" по направлениям {_field_names(route.education_fields)}"
    return ConditionResult(f"{wanted} — требуется.", False)


def _second_condition(route: EligibilityRoute, profile: Profile) -> ConditionResult:
    first = _matching(profile, route.education_fields, route.education_levels)
    record = _matching(profile, route.second_fields, route.second_levels, skip=first)
    if record is not None:
        field_code, speciality, year, degree = record
        level = DEGREES.get(degree, "высшее образование")
        return ConditionResult(
            f"Второе высшее образование ({level}) по направлению «{EDUCATION_FIELDS[field_code]}»: "
            f"{speciality}, {year} г.",
            True,
        )
    return ConditionResult(
        f"Нет второго высшего образования ({_levels(route.second_levels)}) в области "
        f"{_field_names(route.second_fields)} — требуется.",
        False,
    )


def _dpo_condition(route: EligibilityRoute, profile: Profile) -> ConditionResult:
    suitable = [
        record
        for record in profile.dpo
        if record[0] in route.dpo_fields and record[2] >= route.dpo_min_hours
    ]
    if suitable:
        _, programme, hours, year = max(suitable, key=lambda record: record[2])
        return ConditionResult(
            f"Дополнительное профессиональное образование: «{programme}», {hours} ч., {year} г.",
            True,
        )
    hours = f" объёмом не менее {route.dpo_min_hours} ч." if route.dpo_min_hours else ""
    if not profile.dpo:
        found = "сведения о ДПО не указаны"
    else:
        found = "указанные программы не подходят по области или объёму"
    return ConditionResult(
        f"Профессиональная переподготовка в области {_field_names(route.dpo_fields)}"
        f"{hours}: {found} — требуется.",
        False,
    )


def _experience_condition(
    route: EligibilityRoute, profile: Profile, today: datetime.date
) -> ConditionResult:
    kinds = " или ".join(ExperienceKind.LABELS[kind] for kind in route.experience_kinds)
    if not profile.work:
        return ConditionResult("Сведения о трудовой деятельности не указаны.", False)
    periods = [
        (start, min(end or today, today))
        for kind, start, end in profile.work
        if kind in route.experience_kinds and start <= today
    ]
    service = length_of_service(periods)
    required = _years_phrase(route.min_experience_years)
    if service.at_least_years(route.min_experience_years):
        return ConditionResult(
            f"Стаж на {kinds} должностях {service} (требуется не менее {required}).", True
        )
    return ConditionResult(
        f"Стаж на {kinds} должностях {service} — требуется не менее {required}.", False
    )


def evaluate_route(route: EligibilityRoute, profile: Profile, today: datetime.date) -> RouteResult:
    """Return every condition of one route with its explanation."""
    conditions = [_education_condition(route, profile)]
    if route.second_levels or route.second_fields:
        conditions.append(_second_condition(route, profile))
    if route.dpo_fields:
        conditions.append(_dpo_condition(route, profile))
    conditions.append(_experience_condition(route, profile, today))
    # The explanation names the act whose requirement the route reproduces.
    title = f"{ACTS.get(route.act, route.act)}: {route.title}"
    return RouteResult(code=route.code, title=title, conditions=tuple(conditions))


def evaluate(
    rule: EligibilityRule | None, profile: Profile, today: datetime.date
) -> EligibilityResult:
    """Return the verdict of the rule for the profile: eligible when any route passes."""
    if rule is None:
        return EligibilityResult(
            rule_title="", problem="Для этой должности в Положении нет квалификационных требований."
        )
    return EligibilityResult(
        rule_title=rule.title,
        routes=tuple(evaluate_route(route, profile, today) for route in rule.routes),
    )

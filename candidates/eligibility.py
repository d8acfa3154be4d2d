"""Evaluate a candidate against the Regulation's qualification routes, explaining every result."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from candidates.experience import length_of_service
from core.russian import quantity
from governance.regulation import (
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

    higher_education: Sequence[tuple[str, str, int]]  # (field, speciality, year)
    dpo: Sequence[tuple[str, str, int, int]]  # (field, programme, hours, year)
    work: Sequence[tuple[str, datetime.date, datetime.date | None]]  # (kind, from, to)


def _years_phrase(years: int) -> str:
    """Return the years in the genitive that «не менее» asks for: «1 года», «5 лет»."""
    return quantity(years, "года", "лет", "лет")


def _field_names(codes: Sequence[str]) -> str:
    return ", ".join(f"«{EDUCATION_FIELDS[code].capitalize()}»" for code in codes)


def _education_condition(route: EligibilityRoute, profile: Profile) -> ConditionResult:
    if not profile.higher_education:
        return ConditionResult("Сведения о высшем образовании не указаны.", False)
    if not route.education_fields:
        speciality, year = profile.higher_education[0][1], profile.higher_education[0][2]
        return ConditionResult(f"Высшее образование есть: {speciality}, {year} г.", True)
    for field_code, speciality, year in profile.higher_education:
        if field_code in route.education_fields:
            return ConditionResult(
                f"Высшее образование по направлению «{EDUCATION_FIELDS[field_code]}»: "
                f"{speciality}, {year} г.",
                True,
            )
    return ConditionResult(
        "Нет высшего образования по направлениям "
        f"{_field_names(route.education_fields)} — требуется.",
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
        f"Дополнительное профессиональное образование в области {_field_names(route.dpo_fields)}"
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
    if route.dpo_fields:
        conditions.append(_dpo_condition(route, profile))
    conditions.append(_experience_condition(route, profile, today))
    return RouteResult(code=route.code, title=route.title, conditions=tuple(conditions))


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

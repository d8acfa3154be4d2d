"""The Regulation's parameters as typed values, read from the version in force."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from governance.regulation_defaults import DEFAULT_PARAMETERS, LATER_PARAMETERS

__all__ = ["DEFAULT_PARAMETERS", "LATER_PARAMETERS", "Regulation", "parse_regulation"]


class ExperienceKind:
    PEDAGOGICAL = "pedagogical"
    MANAGEMENT = "management"

    # Adjectives for "стаж на … должностях".
    LABELS = {PEDAGOGICAL: "педагогических", MANAGEMENT: "руководящих"}


# Fields of study and of additional professional education the eligibility rules refer to.
EDUCATION_FIELDS = {
    "state_municipal_management": "государственное и муниципальное управление",
    "management": "менеджмент",
    "hr_management": "управление персоналом",
    "management_economics": "менеджмент и экономика",
    "economics_management": "экономика и управление",
    "pedagogy": "образование и педагогические науки",
    "economics": "экономика",
    "law": "юриспруденция",
    "other": "другое",
}

# Levels of higher education (273-ФЗ, ст. 10 ч. 5).
DEGREES = {
    "bachelor": "бакалавриат",
    "specialist": "специалитет",
    "master": "магистратура",
}

# The acts whose qualification requirements the routes reproduce, as the explanations cite them.
ACTS = {
    "761n": "ЕКС (приказ Минздравсоцразвития России от 26.08.2010 № 761н)",
    "250n": "профессиональный стандарт (приказ Минтруда России от 19.04.2021 № 250н)",
    "municipal_service": (
        "квалификационные требования к должностям муниципальной службы (Федеральный закон "
        "от 02.03.2007 № 25-ФЗ)"
    ),
}

TIE_RULES = {
    "chair_decides": "При равенстве голосов решающим является голос председательствующего на "
    "заседании.",
    "not_adopted": "При равенстве голосов предложение считается не принятым.",
}

DOCUMENT_KINDS = {
    "application": "Заявление",
    "questionnaire": "Анкета",
    "diploma": "Документ об образовании",
    "dpo_certificate": "Документ о дополнительном профессиональном образовании",
    "recommendation": "Рекомендация (представление)",
    "employment_record": "Трудовая книжка или сведения о трудовой деятельности (СТД-Р)",
    "no_criminal_record": "Справка о наличии (отсутствии) судимости",
    "consent": "Согласие на обработку персональных данных",
    "other": "Иной документ",
}


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    description: str = ""
    years: int = 0  # readiness levels: ready within this many years
    readiness: tuple[str, ...] = ()  # categories: the readiness levels they admit


@dataclass(frozen=True)
class EligibilityRoute:
    """One way to meet the qualification requirements; every condition of it must hold."""

    code: str
    title: str
    education_fields: tuple[str, ...]  # higher education in one of these; empty = any field
    dpo_fields: tuple[str, ...]  # DPO in one of these; empty = DPO not required
    dpo_min_hours: int
    experience_kinds: tuple[str, ...]  # which posts count toward the experience
    min_experience_years: int
    act: str = "761n"  # a key of ACTS
    education_levels: tuple[str, ...] = ()  # levels of that education (DEGREES); empty = any
    # A second higher education: levels and fields; empty = not required.
    second_levels: tuple[str, ...] = ()
    second_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class EligibilityRule:
    """The routes open to candidates for the listed position kinds (any route suffices)."""

    position_kinds: tuple[str, ...]
    title: str
    routes: tuple[EligibilityRoute, ...]


@dataclass(frozen=True)
class Regulation:
    """Every parameter of the Regulation, typed."""

    reserve_term_years: int
    extension_term_years: int
    max_extensions: int
    categories: tuple[Choice, ...]
    readiness_levels: tuple[Choice, ...]
    required_documents: tuple[str, ...]
    exclusion_grounds: tuple[Choice, ...]
    reporting_dates: tuple[tuple[int, int], ...]  # (month, day)
    eligibility: tuple[EligibilityRule, ...]
    assessment_weights: dict[str, int]
    pass_threshold: int
    max_offer_refusals: int
    commission_quorum_percent: int
    commission_tie_rule: str = "chair_decides"
    municipal_approval: bool = True
    regional_order_relation: str = ""
    retraining_min_hours: int = 250
    retraining_source: str = ""
    appeal_days: int = 10
    appeal_review_days: int = 15
    reapply_months: int = 12
    change_report_days: int = 10
    # Confirmed hours of meetings a mentoring pair is to hold in a year: the programme's modules
    # and the mentoring pages both read it from here.
    mentoring_hours_per_year: int = 36

    def category(self, code: str) -> Choice | None:
        """Return the category with the code, None when the Regulation has no such category."""
        return next((choice for choice in self.categories if choice.code == code), None)

    def readiness_allowed(self, category: str) -> tuple[Choice, ...]:
        """Return the readiness levels the category admits (all, when it names none)."""
        choice = self.category(category)
        if choice is None:
            return ()
        if not choice.readiness:
            return self.readiness_levels
        return tuple(level for level in self.readiness_levels if level.code in choice.readiness)

    def terms_problem(self, category: str, readiness: str) -> str:
        """Return why the category and readiness cannot go together, "" when they can."""
        if self.category(category) is None:
            return "Выберите категорию резерва из Положения."
        if readiness not in {level.code for level in self.readiness_levels}:
            return "Выберите уровень готовности из Положения."
        allowed = self.readiness_allowed(category)
        if readiness not in {level.code for level in allowed}:
            names = ", ".join(f"«{level.name}»" for level in allowed)
            return (
                f"Категория «{self.category_name(category)}» допускает только уровни "
                f"готовности {names}."
            )
        return ""

    def rule_for(self, position_kind_code: str) -> EligibilityRule | None:
        """Return the eligibility rule for a position kind."""
        for rule in self.eligibility:
            if position_kind_code in rule.position_kinds:
                return rule
        return None

    def category_name(self, code: str) -> str:
        return _name(self.categories, code)

    def readiness_name(self, code: str) -> str:
        return _name(self.readiness_levels, code)

    def exclusion_ground_name(self, code: str) -> str:
        return _name(self.exclusion_grounds, code)

    def term_end(self, start: datetime.date, years: int | None = None) -> datetime.date:
        """Return the day a term that starts on `start` ends."""
        years = self.reserve_term_years if years is None else years
        try:
            return start.replace(year=start.year + years) - datetime.timedelta(days=1)
        except ValueError:  # 29 February
            return start.replace(year=start.year + years, day=28)


def _name(choices: tuple[Choice, ...], code: str) -> str:
    for choice in choices:
        if choice.code == code:
            return choice.name
    return code


def _choices(items: list[dict]) -> tuple[Choice, ...]:
    return tuple(
        Choice(
            code=item["code"],
            name=item["name"],
            description=item.get("description", ""),
            years=int(item.get("years", 0)),
            readiness=tuple(item.get("readiness", ())),
        )
        for item in items
    )


def parse_regulation(parameters: dict) -> Regulation:
    """Return the typed Regulation; raise ValidationError when a parameter is missing or mistyped.

    The invariants a version keeps are checked when it is made (governance.services).
    """
    try:
        eligibility = tuple(
            EligibilityRule(
                position_kinds=tuple(rule["position_kinds"]),
                title=rule["title"],
                routes=tuple(
                    EligibilityRoute(
                        code=route["code"],
                        title=route["title"],
                        act=route.get("act", "761n"),
                        education_fields=tuple(route.get("education_fields", [])),
                        education_levels=tuple(route.get("education_levels", [])),
                        second_levels=tuple(route.get("second_levels", [])),
                        second_fields=tuple(route.get("second_fields", [])),
                        dpo_fields=tuple(route.get("dpo_fields", [])),
                        dpo_min_hours=int(route.get("dpo_min_hours", 0)),
                        experience_kinds=tuple(route["experience_kinds"]),
                        min_experience_years=int(route["min_experience_years"]),
                    )
                    for route in rule["routes"]
                ),
            )
            for rule in parameters["eligibility"]
        )
        regulation = Regulation(
            reserve_term_years=int(parameters["reserve_term_years"]),
            extension_term_years=int(parameters["extension_term_years"]),
            max_extensions=int(parameters["max_extensions"]),
            categories=_choices(parameters["categories"]),
            readiness_levels=_choices(parameters["readiness_levels"]),
            required_documents=tuple(parameters["required_documents"]),
            exclusion_grounds=_choices(parameters["exclusion_grounds"]),
            reporting_dates=tuple(
                (int(month), int(day)) for month, day in parameters["reporting_dates"]
            ),
            eligibility=eligibility,
            assessment_weights={k: int(v) for k, v in parameters["assessment_weights"].items()},
            pass_threshold=int(parameters["pass_threshold"]),
            max_offer_refusals=int(parameters["max_offer_refusals"]),
            commission_quorum_percent=int(parameters["commission_quorum_percent"]),
            # Parameters added later: a version made before them reads the defaults.
            **{
                name: type(DEFAULT_PARAMETERS[name])(parameters.get(name, DEFAULT_PARAMETERS[name]))
                for name in LATER_PARAMETERS
            },
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationError(f"Параметры Положения неполны или неверны: {error}") from error
    return regulation

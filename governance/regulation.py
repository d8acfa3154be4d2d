"""The Regulation's parameters as typed values, read from the version in force."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError


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
    "pedagogy": "образование и педагогические науки",
    "economics": "экономика",
    "law": "юриспруденция",
    "other": "другое",
}

DOCUMENT_KINDS = {
    "application": "Заявление",
    "questionnaire": "Анкета",
    "diploma": "Документ об образовании",
    "dpo_certificate": "Документ о дополнительном профессиональном образовании",
    "recommendation": "Рекомендация (представление)",
    "consent": "Согласие на обработку персональных данных",
    "other": "Иной документ",
}


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    description: str = ""


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
        Choice(code=item["code"], name=item["name"], description=item.get("description", ""))
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
                        education_fields=tuple(route.get("education_fields", [])),
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
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationError(f"Параметры Положения неполны или неверны: {error}") from error
    return regulation


_MANAGEMENT_FIELDS = ["state_municipal_management", "management", "hr_management"]
_DPO_FIELDS = ["state_municipal_management", "management_economics", "management"]

_DIRECTOR_ROUTES = [
    {
        "code": "management_degree",
        "title": (
            "Высшее образование по направлениям подготовки «Государственное и муниципальное "
            "управление», «Менеджмент», «Управление персоналом» и стаж работы на педагогических "
            "должностях"
        ),
        "education_fields": _MANAGEMENT_FIELDS,
        "dpo_fields": [],
        "dpo_min_hours": 0,
        "experience_kinds": ["pedagogical"],
        "min_experience_years": 5,
    },
    {
        "code": "degree_and_dpo",
        "title": (
            "Высшее образование и дополнительное профессиональное образование в области "
            "государственного и муниципального управления или менеджмента и экономики и стаж "
            "работы на педагогических или руководящих должностях"
        ),
        "education_fields": [],
        "dpo_fields": _DPO_FIELDS,
        "dpo_min_hours": 250,
        "experience_kinds": ["pedagogical", "management"],
        "min_experience_years": 5,
    },
]


def _deputy_routes() -> list[dict]:
    """Return the director's routes where management experience also counts on the first."""
    first, second = (dict(route) for route in _DIRECTOR_ROUTES)
    first["experience_kinds"] = ["pedagogical", "management"]
    first["title"] = first["title"].replace(
        "на педагогических должностях", "на педагогических или руководящих должностях"
    )
    return [first, second]


DEFAULT_PARAMETERS: dict = {
    "reserve_term_years": 3,
    "extension_term_years": 1,
    "max_extensions": 2,
    "categories": [
        {
            "code": "operational",
            "name": "оперативный",
            "description": "готов к назначению на должность в течение года",
        },
        {
            "code": "prospective",
            "name": "перспективный",
            "description": "готов к назначению после прохождения программы развития",
        },
    ],
    "readiness_levels": [
        {"code": "ready_now", "name": "готов сейчас"},
        {"code": "one_two_years", "name": "готов через 1–2 года"},
        {"code": "three_plus_years", "name": "готов через 3 года и более"},
    ],
    "required_documents": ["application", "questionnaire", "diploma", "recommendation", "consent"],
    "exclusion_grounds": [
        {
            "code": "appointed",
            "name": "назначение на должность, для замещения которой сформирован резерв",
        },
        {"code": "own_request", "name": "личное заявление"},
        {"code": "offer_refusals", "name": "отказ от предложенных должностей два и более раза"},
        {
            "code": "plan_not_completed",
            "name": "невыполнение индивидуального образовательного маршрута",
        },
        {"code": "no_report", "name": "непредставление отчёта о выполнении индивидуального плана"},
        {"code": "term_expired", "name": "истечение срока пребывания в резерве"},
        {
            "code": "incompatible",
            "name": "обстоятельства, препятствующие замещению должности руководителя",
        },
    ],
    "reporting_dates": [[7, 1], [12, 10]],
    "eligibility": [
        {
            "position_kinds": [
                "director-general",
                "head-preschool",
                "director-additional",
                "director-vocational",
            ],
            "title": "Руководитель образовательной организации",
            "routes": _DIRECTOR_ROUTES,
        },
        {
            "position_kinds": ["deputy-general", "deputy-preschool", "deputy-vocational"],
            "title": "Заместитель руководителя образовательной организации",
            "routes": _deputy_routes(),
        },
    ],
    "assessment_weights": {
        "self_assessment": 10,
        "feedback_360": 15,
        "knowledge_test": 20,
        "case": 20,
        "interview": 20,
        "management_project": 15,
        "portfolio": 0,
    },
    "pass_threshold": 60,
    "max_offer_refusals": 2,
    "commission_quorum_percent": 50,
}

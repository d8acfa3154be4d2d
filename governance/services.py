"""Writes of the governance app: versions of the Regulation, and the rules every version keeps.

Whoever makes a version — the portal's form, a command, a test — goes through
regulation_version_create, which refuses parameters that break the Regulation's invariants with
Russian messages keyed by the parameter they concern ("reserve_term_years", "categories", …;
"eligibility" and "assessment_weights" for the nested ones), so a form can show each one next
to its field.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit.models import AuditSource
from audit.services import audit_record
from governance import wording
from governance.models import RegulationVersion
from governance.regulation import (
    DOCUMENT_KINDS,
    EDUCATION_FIELDS,
    ExperienceKind,
    Regulation,
    parse_regulation,
)


@dataclass(frozen=True)
class Limits:
    """The range a number of the Regulation may take, and how a value outside it is refused."""

    low: int
    high: int
    message: str  # formatted with {low} and {high}

    def refusal(self, value: int) -> str | None:
        """Return the refusal for a value outside the range, None for a value inside."""
        if self.low <= value <= self.high:
            return None
        return self.message.format(low=self.low, high=self.high)


# The Regulation's numbers and their ranges; the form's inputs carry the same bounds.
NUMBER_LIMITS = {
    "reserve_term_years": Limits(
        1, 10, "Срок пребывания в резерве должен быть от {low} до {high} лет."
    ),
    "extension_term_years": Limits(0, 5, "Срок продления должен быть от {low} до {high} лет."),
    "max_extensions": Limits(0, 5, "Число продлений должно быть от {low} до {high}."),
    "pass_threshold": Limits(1, 100, "Проходной балл должен быть от {low} до {high}."),
    "commission_quorum_percent": Limits(
        1, 100, "Кворум комиссии задаётся в процентах от {low} до {high}."
    ),
    "max_offer_refusals": Limits(
        1, 10, "Отказов от предложенных должностей до исключения — от {low} до {high}."
    ),
    "mentoring_hours_per_year": Limits(
        1, 200, "Норма наставничества — от {low} до {high} часов в год на пару."
    ),
}
ROUTE_YEARS = Limits(0, 50, "стаж должен быть от {low} до {high} лет")
ROUTE_DPO_HOURS = Limits(0, 2000, "объём ДПО должен быть от {low} до {high} часов")
WEIGHT = Limits(0, 100, "вес должен быть от {low} до {high} %")
# The lists of choices, named as the refusals name them.
CHOICE_LISTS = {
    "categories": "Категории резерва",
    "readiness_levels": "Уровни готовности",
    "exclusion_grounds": "Основания исключения",
}
CHOICE_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
# The expiry command records this ground; the Regulation must keep it.
REQUIRED_GROUNDS = ("term_expired",)


def _choice_problems(label: str, choices) -> list[str]:
    problems, seen = [], set()
    if not choices:
        return [f"{label}: нужен хотя бы один пункт."]
    for choice in choices:
        if not CHOICE_CODE.match(choice.code):
            problems.append(
                f"{label}: код «{choice.code}» — только латинские строчные буквы, цифры и «_»."
            )
        elif choice.code in seen:
            problems.append(f"{label}: код «{choice.code}» повторяется.")
        elif not choice.name.strip():
            problems.append(f"{label}: у кода «{choice.code}» нет названия.")
        seen.add(choice.code)
    return problems


def _eligibility_problems(regulation: Regulation) -> list[str]:
    problems = []
    for rule in regulation.eligibility:
        for route in rule.routes:
            fields = set(route.education_fields) | set(route.dpo_fields)
            if fields - set(EDUCATION_FIELDS):
                problems.append(f"Маршрут «{route.title}»: неизвестное направление подготовки.")
            if set(route.experience_kinds) - set(ExperienceKind.LABELS):
                problems.append(f"Маршрут «{route.title}»: неизвестный вид стажа.")
            for limits, value in (
                (ROUTE_YEARS, route.min_experience_years),
                (ROUTE_DPO_HOURS, route.dpo_min_hours),
            ):
                if refusal := limits.refusal(value):
                    problems.append(f"Маршрут «{route.title}»: {refusal}.")
    return problems


def _weight_problems(weights: dict[str, int]) -> list[str]:
    problems = [
        f"{wording.weight_label(code).capitalize()}: {refusal}."
        for code, weight in wording.ordered_weights(weights)
        if (refusal := WEIGHT.refusal(weight))
    ]
    total = sum(weights.values())
    if total != 100:
        problems.append(f"Сумма весов инструментов оценки должна быть равна 100, сейчас {total}.")
    return problems


def regulation_parameters_check(parameters: dict) -> Regulation:
    """Return the typed Regulation; raise ValidationError keyed by parameter for each problem."""
    regulation = parse_regulation(parameters)
    problems: dict[str, list[str]] = defaultdict(list)
    for name, limits in NUMBER_LIMITS.items():
        if refusal := limits.refusal(getattr(regulation, name)):
            problems[name].append(refusal)
    if regulation.max_extensions > 0 and regulation.extension_term_years < 1:
        problems["extension_term_years"].append(
            "Если продление допускается, укажите его срок не меньше 1 года."
        )
    for name, label in CHOICE_LISTS.items():
        problems[name] += _choice_problems(label, getattr(regulation, name))
    missing = set(REQUIRED_GROUNDS) - {ground.code for ground in regulation.exclusion_grounds}
    if missing:
        problems["exclusion_grounds"].append(
            f"Оставьте основание {', '.join(sorted(missing))}: его записывает закрытие "
            "истёкших сроков."
        )
    if not regulation.required_documents:
        problems["required_documents"].append("Укажите хотя бы один обязательный документ.")
    unknown_documents = set(regulation.required_documents) - set(DOCUMENT_KINDS)
    if unknown_documents:
        problems["required_documents"].append(
            f"Неизвестные виды документов: {', '.join(sorted(unknown_documents))}."
        )
    if not regulation.reporting_dates:
        problems["reporting_dates"].append("Укажите хотя бы одну дату отчётности.")
    for month, day in regulation.reporting_dates:
        try:
            datetime.date(2024, month, day)  # a leap year: 29.02 is a real date
        except ValueError:
            problems["reporting_dates"].append(
                f"Несуществующая дата отчётности: {day:02d}.{month:02d}."
            )
    problems["eligibility"] += _eligibility_problems(regulation)
    problems["assessment_weights"] += _weight_problems(regulation.assessment_weights)
    problems = {name: messages for name, messages in problems.items() if messages}
    if problems:
        raise ValidationError(problems)
    return regulation


def regulation_version_create(
    *,
    author,
    parameters: dict,
    reason: str,
    base_number: int | None = None,
    effective_from: datetime.date | None = None,
    source: AuditSource = AuditSource.WEB,
    request=None,
) -> RegulationVersion:
    """Put a new version of the Regulation in force; the previous one stays in the history.

    `base_number` is the version the edit started from: when another version came into force
    meanwhile, the edit is refused rather than silently undoing that version's changes.
    """
    try:
        regulation_parameters_check(parameters)
        problems = {}
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise  # the parameters are not a Regulation's at all
        problems = error.message_dict
    reason = reason.strip()
    if not reason:
        problems["reason"] = ["Укажите основание изменения Положения."]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        # Serialise concurrent edits: the current version is the lock.
        current = RegulationVersion.objects.select_for_update().filter(in_force=True).first()
        if base_number is not None and current is not None and current.number != base_number:
            raise ValidationError(
                f"Пока вы редактировали, вступила в силу редакция № {current.number}. "
                "Откройте форму заново: изменения не сохранены."
            )
        number = (RegulationVersion.objects.aggregate(top=Max("number"))["top"] or 0) + 1
        if current is not None:
            current.in_force = False
            current.save(update_fields=["in_force"])
        version = RegulationVersion.objects.create(
            number=number,
            in_force=True,
            effective_from=effective_from or timezone.localdate(),
            parameters=parameters,
            reason=reason,
            author=author if getattr(author, "is_authenticated", False) else None,
        )
        changed = {
            key: (current.parameters.get(key) if current else None, value)
            for key, value in parameters.items()
            if current is None or current.parameters.get(key) != value
        }
        audit_record(
            actor=author,
            action="regulation.version_create",
            obj=version,
            changes=changed,
            source=source,
            request=request,
        )
    return version

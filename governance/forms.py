"""The form that makes a new version of the Regulation from the version in force.

The form only reads its fields: lines «код: название», dates «дд.мм», whole numbers within the
bounds the service states. Whether the result is a valid Regulation is the service's question
(governance.services); the form shows each of its refusals next to the field it concerns.
"""

import copy
import re

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from governance import wording
from governance.models import RegulationVersion
from governance.regulation import DEFAULT_PARAMETERS, DOCUMENT_KINDS
from governance.services import (
    NUMBER_LIMITS,
    ROUTE_DPO_HOURS,
    ROUTE_YEARS,
    WEIGHT,
    Limits,
    regulation_parameters_check,
    regulation_version_create,
)

DAY_MONTH = re.compile(r"^(\d{1,2})\.(\d{1,2})$")
# Fields that are not parameters of the Regulation.
NOT_PARAMETERS = ("base_version", "reason")


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def parse_choices(value: str, *, with_description: bool = False) -> list[dict]:
    """Read lines «код: название» (and « — описание») into choices; raise in Russian."""
    items, problems = [], []
    for number, line in enumerate(_lines(value), start=1):
        code, separator, rest = line.partition(":")
        code, rest = code.strip(), rest.strip()
        if not separator or not rest:
            problems.append(f"Строка {number}: запишите «код: название».")
            continue
        item = {"code": code, "name": rest}
        if with_description:
            name, _, description = rest.partition(" — ")
            item = {"code": code, "name": name.strip(), "description": description.strip()}
        items.append(item)
    if problems:
        raise ValidationError(problems)
    return items


def format_choices(items: list[dict]) -> str:
    """Write choices back as lines «код: название — описание»."""
    lines = []
    for item in items:
        line = f"{item['code']}: {item['name']}"
        if item.get("description"):
            line += f" — {item['description']}"
        lines.append(line)
    return "\n".join(lines)


def parse_reporting_dates(value: str) -> list[list[int]]:
    """Read «01.07, 10.12» into [[7, 1], [12, 10]]; raise in Russian."""
    dates, problems = [], []
    for part in re.split(r"[,;\s]+", value.strip()):
        if not part:
            continue
        match = DAY_MONTH.match(part)
        if not match:
            problems.append(f"«{part}»: запишите дату как дд.мм, например 01.07.")
            continue
        day, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            problems.append(f"«{part}»: месяца с номером {month} нет.")
            continue
        dates.append([month, day])
    if problems:
        raise ValidationError(problems)
    return sorted(dates)


def _number(label: str, limits: Limits, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label, min_value=limits.low, max_value=limits.high, help_text=help_text
    )


class RegulationVersionForm(forms.Form):
    """Every number and list of the Regulation, prefilled from the version in force."""

    base_version = forms.IntegerField(widget=forms.HiddenInput)
    reserve_term_years = _number(
        "Срок пребывания в резерве, лет", NUMBER_LIMITS["reserve_term_years"]
    )
    extension_term_years = _number("Продление срока, лет", NUMBER_LIMITS["extension_term_years"])
    max_extensions = _number("Наибольшее число продлений", NUMBER_LIMITS["max_extensions"])
    categories = forms.CharField(
        label="Категории резерва",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="По одной в строке: «код: название — описание».",
    )
    readiness_levels = forms.CharField(
        label="Уровни готовности к назначению",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="По одному в строке: «код: название».",
    )
    required_documents = forms.MultipleChoiceField(
        label="Обязательные документы заявки",
        choices=list(DOCUMENT_KINDS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    exclusion_grounds = forms.CharField(
        label="Основания исключения из резерва",
        widget=forms.Textarea(attrs={"rows": 11}),
        help_text="По одному в строке: «код: название». Основание term_expired обязательно: "
        "его записывает ежедневное закрытие истёкших сроков.",
    )
    reporting_dates = forms.CharField(
        label="Даты отчётности",
        max_length=100,
        help_text="Через запятую, дд.мм — например: 01.07, 10.12.",
    )
    pass_threshold = _number("Проходной балл оценки (из 100)", NUMBER_LIMITS["pass_threshold"])
    commission_quorum_percent = _number(
        "Кворум комиссии, % членов", NUMBER_LIMITS["commission_quorum_percent"]
    )
    max_offer_refusals = _number(
        "Отказов от предложенных должностей до исключения", NUMBER_LIMITS["max_offer_refusals"]
    )
    mentoring_hours_per_year = _number(
        "Норма наставничества, часов подтверждённых встреч в год на пару",
        NUMBER_LIMITS["mentoring_hours_per_year"],
    )
    reason = forms.CharField(
        label="Основание изменения",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Например: приказ министерства, протокол совещания.",
    )

    def __init__(self, *args, version: RegulationVersion, **kwargs) -> None:
        self.version = version
        parameters = version.parameters
        initial = {
            "base_version": version.number,
            "reserve_term_years": parameters["reserve_term_years"],
            "extension_term_years": parameters["extension_term_years"],
            "max_extensions": parameters["max_extensions"],
            "categories": format_choices(parameters["categories"]),
            "readiness_levels": format_choices(parameters["readiness_levels"]),
            "required_documents": parameters["required_documents"],
            "exclusion_grounds": format_choices(parameters["exclusion_grounds"]),
            "reporting_dates": ", ".join(
                wording.day_month_numeric(month, day)
                for month, day in parameters["reporting_dates"]
            ),
            "pass_threshold": parameters["pass_threshold"],
            "commission_quorum_percent": parameters["commission_quorum_percent"],
            "max_offer_refusals": parameters["max_offer_refusals"],
            "mentoring_hours_per_year": parameters.get(
                "mentoring_hours_per_year", DEFAULT_PARAMETERS["mentoring_hours_per_year"]
            ),
        }
        self.route_fields: list[dict] = []
        self.weight_fields: list[str] = []
        super().__init__(*args, initial=initial, **kwargs)
        for rule_index, rule in enumerate(parameters["eligibility"]):
            for route_index, route in enumerate(rule["routes"]):
                prefix = f"route_{rule_index}_{route_index}"
                group = {"rule": rule["title"], "route": route["title"], "years": "", "dpo": ""}
                self.fields[f"{prefix}_years"] = _number("Стаж, не менее лет", ROUTE_YEARS)
                self.initial[f"{prefix}_years"] = route["min_experience_years"]
                group["years"] = f"{prefix}_years"
                if route.get("dpo_fields"):
                    self.fields[f"{prefix}_dpo_hours"] = _number(
                        "ДПО, не менее часов", ROUTE_DPO_HOURS
                    )
                    self.initial[f"{prefix}_dpo_hours"] = route.get("dpo_min_hours", 0)
                    group["dpo"] = f"{prefix}_dpo_hours"
                self.route_fields.append(group)
        for code, weight in wording.ordered_weights(parameters["assessment_weights"]):
            name = f"weight_{code}"
            self.fields[name] = _number(wording.weight_label(code).capitalize() + ", %", WEIGHT)
            self.initial[name] = weight
            self.weight_fields.append(name)

    def route_groups(self) -> list[dict]:
        """Return the route fields grouped for the template: rule, route, bound fields."""
        return [
            {
                "rule": group["rule"],
                "route": group["route"],
                "years": self[group["years"]],
                "dpo": self[group["dpo"]] if group["dpo"] else None,
            }
            for group in self.route_fields
        ]

    def weights(self) -> list:
        """Return the bound weight fields."""
        return [self[name] for name in self.weight_fields]

    def clean_categories(self) -> list[dict]:
        return parse_choices(self.cleaned_data["categories"], with_description=True)

    def clean_readiness_levels(self) -> list[dict]:
        return parse_choices(self.cleaned_data["readiness_levels"])

    def clean_exclusion_grounds(self) -> list[dict]:
        return parse_choices(self.cleaned_data["exclusion_grounds"])

    def clean_reporting_dates(self) -> list[list[int]]:
        return parse_reporting_dates(self.cleaned_data["reporting_dates"])

    def clean(self) -> dict:
        data = super().clean()
        parameters_read = not any(
            name in self.errors for name in self.fields if name not in NOT_PARAMETERS
        )
        if parameters_read:
            # The service's refusals now, beside any problem with the reason, not after it.
            try:
                regulation_parameters_check(self.parameters())
            except ValidationError as error:
                self.show_refusal(error)
        return data

    def show_refusal(self, error: ValidationError) -> None:
        """Show the service's refusal next to the fields it names, the rest above the form."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, messages in error.message_dict.items():
            self.add_error(name if name in self.fields else None, messages)

    def parameters(self) -> dict:
        """Return the new version's parameters: the version in force with the edited values."""
        data = self.cleaned_data
        parameters = copy.deepcopy(self.version.parameters)
        for name in (
            "reserve_term_years",
            "extension_term_years",
            "max_extensions",
            "categories",
            "readiness_levels",
            "required_documents",
            "exclusion_grounds",
            "reporting_dates",
            "pass_threshold",
            "commission_quorum_percent",
            "max_offer_refusals",
            "mentoring_hours_per_year",
        ):
            parameters[name] = data[name]
        for rule_index, rule in enumerate(parameters["eligibility"]):
            for route_index, route in enumerate(rule["routes"]):
                prefix = f"route_{rule_index}_{route_index}"
                route["min_experience_years"] = data[f"{prefix}_years"]
                if f"{prefix}_dpo_hours" in data:
                    route["dpo_min_hours"] = data[f"{prefix}_dpo_hours"]
        parameters["assessment_weights"] = {
            name.removeprefix("weight_"): data[name] for name in self.weight_fields
        }
        return parameters

    def save(self, *, author, request: HttpRequest | None = None) -> RegulationVersion | None:
        """Put the new version in force unless the version in force changed meanwhile."""
        try:
            return regulation_version_create(
                author=author,
                parameters=self.parameters(),
                reason=self.cleaned_data["reason"],
                base_number=self.cleaned_data["base_version"],
                request=request,
            )
        except ValidationError as error:
            self.show_refusal(error)
            return None

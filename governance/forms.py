"""The form that makes a new version of the Regulation from the version in force."""

import copy
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from governance import wording
from governance.models import RegulationVersion
from governance.regulation import DOCUMENT_KINDS
from governance.services import regulation_version_create

CODE = re.compile(r"^[a-z][a-z0-9_]*$")
DAY_MONTH = re.compile(r"^(\d{1,2})\.(\d{1,2})$")
# The expiry command records this ground; the Regulation must keep it.
REQUIRED_GROUNDS = ("term_expired",)


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def parse_choices(value: str, *, with_description: bool = False) -> list[dict]:
    """Parse lines «код: название» (and « — описание») into choices; raise in Russian."""
    items, problems, seen = [], [], set()
    for number, line in enumerate(_lines(value), start=1):
        code, separator, rest = line.partition(":")
        code, rest = code.strip(), rest.strip()
        if not separator or not rest:
            problems.append(f"Строка {number}: запишите «код: название».")
            continue
        if not CODE.match(code):
            problems.append(
                f"Строка {number}: код «{code}» — только латинские строчные буквы, цифры и «_»."
            )
            continue
        if code in seen:
            problems.append(f"Строка {number}: код «{code}» повторяется.")
            continue
        seen.add(code)
        item = {"code": code, "name": rest}
        if with_description:
            name, _, description = rest.partition(" — ")
            item = {"code": code, "name": name.strip(), "description": description.strip()}
        items.append(item)
    if problems:
        raise ValidationError(problems)
    if not items:
        raise ValidationError("Нужна хотя бы одна строка.")
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
    """Parse «01.07, 10.12» into [[7, 1], [12, 10]]; raise in Russian."""
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
    if not dates:
        raise ValidationError("Укажите хотя бы одну дату отчётности.")
    return sorted(dates)


def _number(label: str, minimum: int, maximum: int, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label, min_value=minimum, max_value=maximum, help_text=help_text
    )


class RegulationVersionForm(forms.Form):
    """Every number and list of the Regulation, prefilled from the version in force."""

    base_version = forms.IntegerField(widget=forms.HiddenInput)
    reserve_term_years = _number("Срок пребывания в резерве, лет", 1, 10)
    extension_term_years = _number("Продление срока, лет", 0, 5)
    max_extensions = _number("Наибольшее число продлений", 0, 5)
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
    pass_threshold = _number("Проходной балл оценки (из 100)", 1, 100)
    commission_quorum_percent = _number("Кворум комиссии, % членов", 1, 100)
    max_offer_refusals = _number("Отказов от предложенных должностей до исключения", 1, 10)
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
        }
        self.route_fields: list[dict] = []
        self.weight_fields: list[str] = []
        super().__init__(*args, initial=initial, **kwargs)
        for rule_index, rule in enumerate(parameters["eligibility"]):
            for route_index, route in enumerate(rule["routes"]):
                prefix = f"route_{rule_index}_{route_index}"
                group = {"rule": rule["title"], "route": route["title"], "years": "", "dpo": ""}
                self.fields[f"{prefix}_years"] = _number("Стаж, не менее лет", 0, 50)
                self.initial[f"{prefix}_years"] = route["min_experience_years"]
                group["years"] = f"{prefix}_years"
                if route.get("dpo_fields"):
                    self.fields[f"{prefix}_dpo_hours"] = _number("ДПО, не менее часов", 0, 2000)
                    self.initial[f"{prefix}_dpo_hours"] = route.get("dpo_min_hours", 0)
                    group["dpo"] = f"{prefix}_dpo_hours"
                self.route_fields.append(group)
        for code, weight in wording.ordered_weights(parameters["assessment_weights"]):
            name = f"weight_{code}"
            self.fields[name] = _number(wording.weight_label(code).capitalize() + ", %", 0, 100)
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
        grounds = parse_choices(self.cleaned_data["exclusion_grounds"])
        missing = set(REQUIRED_GROUNDS) - {ground["code"] for ground in grounds}
        if missing:
            raise ValidationError(
                f"Оставьте основание {', '.join(sorted(missing))}: его записывает закрытие "
                "истёкших сроков."
            )
        return grounds

    def clean_reporting_dates(self) -> list[list[int]]:
        return parse_reporting_dates(self.cleaned_data["reporting_dates"])

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError("Укажите основание изменения Положения.")
        return reason

    def clean(self) -> dict:
        data = super().clean()
        weights = [data.get(name) for name in self.weight_fields]
        if all(weight is not None for weight in weights) and sum(weights) != 100:
            self.add_error(
                None,
                f"Сумма весов инструментов оценки должна быть равна 100, сейчас {sum(weights)}.",
            )
        if (data.get("max_extensions") or 0) > 0 and data.get("extension_term_years") == 0:
            self.add_error(
                "extension_term_years",
                "Если продление допускается, укажите его срок не меньше 1 года.",
            )
        return data

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
            with transaction.atomic():
                # Lock the version in force so that a concurrent edit waits, then compare.
                current = RegulationVersion.objects.select_for_update().get(in_force=True)
                if current.number != self.cleaned_data["base_version"]:
                    raise ValidationError(
                        f"Пока вы редактировали, вступила в силу редакция № {current.number}. "
                        "Откройте форму заново: изменения не сохранены."
                    )
                return regulation_version_create(
                    author=author,
                    parameters=self.parameters(),
                    reason=self.cleaned_data["reason"],
                    request=request,
                )
        except ValidationError as error:
            self.add_error(None, error)
            return None

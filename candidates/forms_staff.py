"""Forms of the staff side of the selection: pipeline filters, review actions, nomination."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from candidates.access import can_choose_municipality, can_nominate_in
from candidates.models import (
    MembershipStatus,
    Nomination,
    NominationSource,
    NominationStatus,
)
from candidates.selectors import months_ahead, search_by_candidate_name
from core.names import validate_person_name
from governance.selectors import regulation_in_force
from registry.access import organizations_to_choose
from registry.fields import OrganizationField
from registry.models import Municipality, PositionKind

PAGE_SIZE = 50
NAME_RULES = [validate_person_name]
TERM_MONTHS_CHOICES = [
    ("", "любой"),
    ("3", "в ближайшие 3 месяца"),
    ("6", "в ближайшие 6 месяцев"),
    ("12", "в ближайшие 12 месяцев"),
]
SORTS = {
    "date": ("created_at", "id"),
    "-date": ("-created_at", "-id"),
    "name": ("candidate__last_name", "candidate__first_name", "candidate__middle_name", "id"),
    "-name": ("-candidate__last_name", "-candidate__first_name", "-candidate__middle_name", "-id"),
}
DEFAULT_SORT = "-date"
STAFF_SOURCES = [
    (NominationSource.ORGANIZATION_HEAD.value, NominationSource.ORGANIZATION_HEAD.label),
    (NominationSource.MUNICIPAL_AUTHORITY.value, NominationSource.MUNICIPAL_AUTHORITY.label),
]


def _choices_of(items) -> list[tuple[str, str]]:
    return [("", "все"), *[(item.code, item.name) for item in items]]


class PipelineFilterForm(forms.Form):
    """The filters of the list of nominations; every field is optional."""

    q = forms.CharField(label="ФИО кандидата", required=False, max_length=200)
    municipality = forms.ModelChoiceField(
        label="Муниципальное образование",
        queryset=Municipality.objects.all(),
        required=False,
        empty_label="все",
    )
    status = forms.ChoiceField(
        label="Статус", required=False, choices=[("", "все"), *NominationStatus.choices]
    )
    position_kind = forms.ModelChoiceField(
        label="Целевая должность",
        queryset=PositionKind.objects.all(),
        required=False,
        empty_label="все",
    )
    source = forms.ChoiceField(
        label="Кто выдвинул", required=False, choices=[("", "все"), *NominationSource.choices]
    )
    category = forms.ChoiceField(label="Категория резерва", required=False)
    readiness = forms.ChoiceField(label="Готовность", required=False)
    term_months = forms.ChoiceField(
        label="Срок в резерве истекает",
        required=False,
        choices=TERM_MONTHS_CHOICES,
    )
    sort = forms.ChoiceField(
        required=False, choices=[(key, key) for key in SORTS], widget=forms.HiddenInput
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        regulation = regulation_in_force()
        self.fields["category"].choices = _choices_of(regulation.categories)
        self.fields["readiness"].choices = _choices_of(regulation.readiness_levels)
        if not can_choose_municipality(user):
            # A coordinator's list is their municipality's; the choice would only mislead.
            del self.fields["municipality"]

    def sort_key(self) -> str:
        """Return the chosen order, the default when none or an unknown one is asked."""
        if self.is_valid() and self.cleaned_data.get("sort"):
            return self.cleaned_data["sort"]
        return DEFAULT_SORT

    def describe(self) -> str:
        """Return the filters in force in words, for the record of an export."""
        if not self.is_valid():
            return ""
        parts = []
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if name == "sort" or value in (None, ""):
                continue
            if isinstance(field, forms.ChoiceField) and not isinstance(
                field, forms.ModelChoiceField
            ):
                value = dict(field.choices).get(value, value)
            parts.append(f"{field.label}: {value}")
        return "; ".join(parts)

    def filter(self, nominations: QuerySet[Nomination], *, with_status: bool = True) -> QuerySet:
        """Apply the valid filters; the status one only when asked (the counts go without it)."""
        if not self.is_valid():
            return nominations.none()
        data = self.cleaned_data
        if data.get("municipality"):
            nominations = nominations.filter(municipality=data["municipality"])
        if with_status and data.get("status"):
            nominations = nominations.filter(status=data["status"])
        if data.get("position_kind"):
            nominations = nominations.filter(position_kind=data["position_kind"])
        if data.get("source"):
            nominations = nominations.filter(source=data["source"])
        if data.get("category"):
            nominations = nominations.filter(membership__category=data["category"])
        if data.get("readiness"):
            nominations = nominations.filter(membership__readiness=data["readiness"])
        if data.get("term_months"):
            today = timezone.localdate()
            nominations = nominations.filter(
                membership__status=MembershipStatus.ACTIVE,
                membership__term_ends_on__gte=today,
                membership__term_ends_on__lte=months_ahead(today, int(data["term_months"])),
            )
        return search_by_candidate_name(nominations, data.get("q") or "")


# The staff's review actions, in the order the buttons appear. Commission decisions are not here.
REVIEW_ACTIONS: dict[NominationStatus, str] = {
    NominationStatus.DOCUMENT_CHECK: "Принять на проверку документов",
    NominationStatus.RETURNED: "Вернуть на доработку",
    NominationStatus.ADMITTED: "Допустить",
    NominationStatus.NOT_ADMITTED: "Не допустить",
    NominationStatus.ASSESSMENT: "Направить на оценку",
    NominationStatus.COMMISSION_REVIEW: "Передать на рассмотрение комиссии",
}
REASON_LABELS: dict[NominationStatus, str] = {
    NominationStatus.RETURNED: "Что исправить",
    NominationStatus.NOT_ADMITTED: "Причина отказа в допуске",
}


class TransitionForm(forms.Form):
    """One review action: the status to move to and, where the rule asks, a reason."""

    to_status = forms.ChoiceField(
        choices=[(status.value, label) for status, label in REVIEW_ACTIONS.items()]
    )
    reason = forms.CharField(
        label="Причина", required=False, widget=forms.Textarea, max_length=4000
    )
    # «Направить на оценку»: the campaign the nomination joins in the same step.
    campaign = forms.IntegerField(required=False, min_value=1)


class OverrideForm(forms.Form):
    """The attestation commission's recommendation: the exception of 761н (разд. I, п. 9)."""

    recommendation_number = forms.CharField(
        label="Номер протокола аттестационной комиссии", max_length=50
    )
    recommendation_date = forms.DateField(
        label="Дата рекомендации",
        input_formats=["%d.%m.%Y"],
        widget=forms.DateInput(format="%d.%m.%Y", attrs={"placeholder": "дд.мм.гггг"}),
    )
    reason = forms.CharField(
        label="Текст рекомендации",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text="Как в протоколе: «рекомендовать … в порядке исключения, обладает достаточным "
        "практическим опытом и компетентностью…».",
    )


class MunicipalDecisionForm(forms.Form):
    """The municipality's согласование of a nomination."""

    approved = forms.TypedChoiceField(
        label="Решение",
        choices=[("1", "согласовано"), ("0", "не согласовано")],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Причина (если не согласовано)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RefusalGroundsForm(forms.Form):
    """The grounds of a refusal below the pass mark, picked from the assessment result."""

    grounds = forms.MultipleChoiceField(
        label="Основания из результата оценки", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, deficits: tuple[str, ...], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["grounds"].choices = [(text, text) for text in deficits]


class NameFormsForm(forms.Form):
    """Staff's correction of the gender and the case forms of a person's name."""

    gender = forms.ChoiceField(label="Пол", choices=[("male", "мужской"), ("female", "женский")])
    name_genitive = forms.CharField(label="Родительный падеж (кого?)", max_length=460)
    name_dative = forms.CharField(label="Дательный падеж (кому?)", max_length=460)
    name_accusative = forms.CharField(label="Винительный падеж (кого?)", max_length=460)
    name_instrumental = forms.CharField(label="Творительный падеж (кем?)", max_length=460)


class NominateForm(forms.Form):
    """«Выдвинуть кандидата»: the person, their workplace and the post they are nominated for."""

    last_name = forms.CharField(label="Фамилия", max_length=150, validators=NAME_RULES)
    first_name = forms.CharField(label="Имя", max_length=150, validators=NAME_RULES)
    middle_name = forms.CharField(
        label="Отчество", max_length=150, required=False, validators=NAME_RULES
    )
    email = forms.EmailField(
        label="Email", help_text="На этот адрес придёт приглашение с ссылкой для входа."
    )
    birth_date = forms.DateField(
        label="Дата рождения",
        required=False,
        help_text="дд.мм.гггг",
        widget=forms.DateInput(format="%d.%m.%Y"),
    )
    phone = forms.CharField(label="Телефон", max_length=50, required=False)
    organization = OrganizationField(
        label="Место работы",
        help_text="Образовательная организация из реестра: наименование, краткое наименование "
        "или ИНН.",
    )
    position = forms.CharField(label="Должность", max_length=255)
    position_kind = forms.ModelChoiceField(
        label="Целевая должность в резерве",
        queryset=PositionKind.objects.all(),
        empty_label="— выберите —",
    )
    source = forms.ChoiceField(label="Кто выдвигает", choices=STAFF_SOURCES)
    motivation = forms.CharField(
        label="Обоснование выдвижения",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organization"].queryset = (
            organizations_to_choose(user).filter(is_active=True).select_related("municipality")
        )
        if not can_choose_municipality(user):
            self.initial.setdefault("source", NominationSource.MUNICIPAL_AUTHORITY.value)

    def clean(self) -> dict:
        cleaned = super().clean()
        organization = cleaned.get("organization")
        if organization is not None and not can_nominate_in(
            self.user, organization.municipality_id
        ):
            raise ValidationError("Выдвигать можно только работников организаций своего МО.")
        return cleaned

    def clean_birth_date(self) -> datetime.date | None:
        birth_date = self.cleaned_data["birth_date"]
        if birth_date and not 18 <= (timezone.localdate() - birth_date).days // 365 <= 80:
            raise ValidationError("Проверьте дату рождения.")
        return birth_date

    def profile(self) -> dict:
        """Return the profile fields candidate_nominate expects."""
        data = self.cleaned_data
        organization = data["organization"]
        return {
            "last_name": data["last_name"].strip(),
            "first_name": data["first_name"].strip(),
            "middle_name": data["middle_name"].strip(),
            "birth_date": data["birth_date"],
            "phone": data["phone"].strip(),
            "municipality": organization.municipality,
            "organization": organization,
            "position": data["position"].strip(),
        }

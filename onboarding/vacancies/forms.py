"""Forms of the vacancy pages: recording a vacancy, closing it, the filters of the lists."""

from django import forms
from django.db.models import QuerySet

from candidates.forms_commission import DATE_HELP, RussianDateInput
from onboarding.models import ClosureReason, VacancyReason, VacancyStatus
from onboarding.vacancies import forecast
from registry.fields import OrganizationField
from registry.models import Municipality, Organization, OrganizationKind, PositionKind


def style_filters(form: forms.Form) -> None:
    """Give a filter form's widgets Bootstrap's classes (its template lays the fields out)."""
    for field in form.fields.values():
        select = isinstance(field.widget, forms.Select)
        field.widget.attrs.setdefault("class", "form-select" if select else "form-control")


def posts_with_organizations() -> QuerySet[PositionKind]:
    """Return the posts of an organization's head or deputy (not of a municipal authority)."""
    return PositionKind.objects.exclude(organization_kinds=[]).order_by("sort_order", "pk")


class VacancyForm(forms.Form):
    organization = OrganizationField(
        label="Организация",
        help_text="Наименование, краткое наименование или ИНН из реестра.",
        error_messages={
            "out_of_scope": (
                "Организация с ИНН {inn} есть в реестре, но здесь вакансию её руководителя "
                "не записать: её ведёт другой учредитель, или она закрыта."
            ),
        },
    )
    position_kind = forms.ModelChoiceField(
        label="Должность", queryset=PositionKind.objects.none(), empty_label="— выберите —"
    )
    opens_on = forms.DateField(label="Вакантна с", widget=RussianDateInput(), help_text=DATE_HELP)
    reason = forms.ChoiceField(label="Причина", choices=VacancyReason.choices)
    reason_note = forms.CharField(
        label="Пояснение",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Обязательно для причины «иная причина».",
    )

    def __init__(self, *args, organizations: QuerySet[Organization], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["position_kind"].queryset = posts_with_organizations()


class CloseForm(forms.Form):
    closure_reason = forms.ChoiceField(
        label="Причина закрытия", choices=[("", "— выберите —"), *ClosureReason.choices]
    )
    note = forms.CharField(
        label="Пояснение",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Если должность замещена не из резерва — кто назначен и каким приказом.",
    )


class VacancyFilterForm(forms.Form):
    STATUS_CHOICES = [("open", "открытые"), *VacancyStatus.choices, ("all", "все")]

    status = forms.ChoiceField(label="Статус", choices=STATUS_CHOICES, required=False)
    municipality = forms.ModelChoiceField(
        label="Муниципальное образование",
        queryset=Municipality.objects.all(),
        required=False,
        empty_label="все",
    )
    position_kind = forms.ModelChoiceField(
        label="Должность", queryset=PositionKind.objects.none(), required=False, empty_label="все"
    )

    def __init__(self, *args, region_wide: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position_kind"].queryset = posts_with_organizations()
        if not region_wide:
            del self.fields["municipality"]
        style_filters(self)


class ForecastForm(forms.Form):
    REASONS = [
        ("", "обе причины"),
        (forecast.RETIREMENT, "возраст руководителя"),
        (forecast.CONTRACT_END, "окончание трудового договора"),
    ]

    months = forms.TypedChoiceField(
        label="Горизонт",
        coerce=int,
        choices=[(months, f"{months} месяцев") for months in forecast.HORIZONS],
        initial=forecast.DEFAULT_HORIZON,
        required=False,
    )
    age = forms.TypedChoiceField(
        label="Возраст руководителя",
        coerce=int,
        choices=[(age, f"{age} лет и старше") for age in forecast.AGES],
        initial=forecast.DEFAULT_AGE,
        required=False,
    )
    reason = forms.ChoiceField(label="Причина", choices=REASONS, required=False)
    municipality = forms.ModelChoiceField(
        label="Муниципальное образование",
        queryset=Municipality.objects.all(),
        required=False,
        empty_label="все",
    )
    kind = forms.ChoiceField(
        label="Тип организации", choices=[("", "все"), *OrganizationKind.choices], required=False
    )

    def __init__(self, *args, region_wide: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not region_wide:
            del self.fields["municipality"]
        style_filters(self)

    def values(self) -> dict:
        """Return the chosen filters, the defaults where nothing (or nothing valid) was chosen."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "months": data.get("months") or forecast.DEFAULT_HORIZON,
            "age": data.get("age") or forecast.DEFAULT_AGE,
            "reason": data.get("reason", ""),
            "municipality": data.get("municipality"),
            "kind": data.get("kind", ""),
        }

"""Forms of the applicant's side: registration, the application's sections, documents, consent."""

import datetime
import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.db.models import Q
from django.utils import timezone

from candidates.models import (
    Candidate,
    DocumentKind,
    Education,
    ProfessionalDevelopment,
    WorkRecord,
)
from candidates.models.people import kind_of_post
from candidates.services.profiles import PROFILE_FIELDS
from core.names import validate_person_name
from core.views import parse_id
from registry.fields import OrganizationField
from registry.models import Municipality, Organization, PositionKind

DATE_WIDGET_ATTRS = {"placeholder": "дд.мм.гггг", "inputmode": "numeric", "autocomplete": "off"}
PHONE_DIGITS_MIN = 10
PHONE_PATTERN = re.compile(r"^[0-9+()\-\s]+$")
MIN_AGE, MAX_AGE = 18, 80
ACCEPTED_UPLOADS = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


def _date_widget() -> forms.DateInput:
    return forms.DateInput(format="%d.%m.%Y", attrs=DATE_WIDGET_ATTRS)


def _layout(*rows: tuple[str, ...]) -> FormHelper:
    """Return a crispy helper that lays the fields out in responsive rows, without a form tag."""
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(
        *(
            Row(*(Column(name, css_class=f"col-md-{12 // len(row)}") for name in row))
            for row in rows
        )
    )
    return helper


def name_blank_choices(form: forms.BaseForm) -> None:
    """Replace Django's «---------» blank choice with a Russian prompt."""
    for field in form.fields.values():
        choices = getattr(field, "choices", None)
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            field.choices = [
                (value, "— выберите —" if value == "" else label) for value, label in choices
            ]


def clean_phone(value: str) -> str:
    """Return the phone as typed when it looks like a Russian phone number."""
    value = " ".join(value.split())
    if not PHONE_PATTERN.match(value) or len(re.sub(r"\D", "", value)) < PHONE_DIGITS_MIN:
        raise forms.ValidationError(
            "Укажите телефон с кодом города или оператора, например +7 (3532) 12-34-56."
        )
    return value


NAME_RULES = [validate_person_name]


class PersonNameMixin(forms.Form):
    """Surname, name and patronymic as people write them."""

    last_name = forms.CharField(label="Фамилия", max_length=150, validators=NAME_RULES)
    first_name = forms.CharField(label="Имя", max_length=150, validators=NAME_RULES)
    middle_name = forms.CharField(
        label="Отчество", max_length=150, required=False, validators=NAME_RULES
    )


class RegistrationForm(PersonNameMixin, forms.Form):
    """Create the account of a person applying to the reserve."""

    email = forms.EmailField(
        label="Email",
        help_text="Будет вашим логином для входа.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label="Пароль",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Пароль ещё раз",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    municipality = forms.ModelChoiceField(
        label="Муниципальное образование",
        queryset=Municipality.objects.order_by("name"),
        empty_label="— выберите —",
    )
    phone = forms.CharField(
        label="Контактный телефон",
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    position_kind = forms.ModelChoiceField(
        label="На какую должность вы претендуете",
        queryset=PositionKind.objects.order_by("sort_order", "name"),
        empty_label="— выберите —",
    )

    field_order = [
        "last_name",
        "first_name",
        "middle_name",
        "email",
        "phone",
        "municipality",
        "position_kind",
        "password1",
        "password2",
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _layout(
            ("last_name", "first_name", "middle_name"),
            ("email", "phone"),
            ("municipality", "position_kind"),
            ("password1", "password2"),
        )

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data["phone"])

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self) -> dict:
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "Пароли не совпадают.")
        elif password1:
            # The validators compare the password with the person's name and email.
            probe = get_user_model()(
                username=cleaned.get("email") or "",
                email=cleaned.get("email") or "",
                first_name=cleaned.get("first_name") or "",
                last_name=cleaned.get("last_name") or "",
            )
            try:
                password_validation.validate_password(password1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def profile(self) -> dict:
        """Return the profile fields the registration service takes."""
        data = self.cleaned_data
        return {
            field: data[field]
            for field in ("last_name", "first_name", "middle_name", "municipality", "phone")
        }


class NominationStartForm(forms.Form):
    """Open a new application for a position kind."""

    position_kind = forms.ModelChoiceField(
        label="Должность",
        queryset=PositionKind.objects.order_by("sort_order", "name"),
        empty_label="— выберите —",
    )
    municipality = forms.ModelChoiceField(
        label="Муниципальное образование",
        queryset=Municipality.objects.order_by("name"),
        empty_label="— выберите —",
        help_text="Где вы хотите работать руководителем.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _layout(("position_kind", "municipality"))


class ProfileForm(forms.ModelForm):
    """The анкета: personal data, current place of work and post."""

    organization = OrganizationField(
        label="Текущее место работы",
        required=False,
        municipality_field="municipality",
        help_text="Образовательная организация выбранного муниципального образования из реестра: "
        "начните вводить наименование или ИНН.",
        error_messages={
            "out_of_scope": "Организация с ИНН {inn} — из другого муниципального образования "
            "(или закрыта): выберите организацию того, что указано выше."
        },
    )

    class Meta:
        model = Candidate
        fields = list(PROFILE_FIELDS)
        widgets = {
            "birth_date": _date_widget(),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        labels = {"position": "Текущая должность"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("birth_date", "phone"):
            self.fields[name].required = True
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["municipality"].empty_label = "— выберите —"
        self.fields["organization"].queryset = self._organizations()
        self.helper = _layout(
            ("last_name", "first_name", "middle_name"),
            ("birth_date", "phone"),
            ("municipality",),
            ("organization",),
            ("position",),
        )

    def _organizations(self):
        """Return the organizations the анкета may name: the chosen municipality's active ones.

        Names repeat across the region («СОШ № 5» is in most municipalities), so a name is
        looked up within the municipality the person chose; the current one stays choosable.
        """
        municipality_id = self.instance.municipality_id
        if self.is_bound:
            submitted = self.data.get(self.add_prefix("municipality"), "")
            municipality_id = parse_id(submitted) or municipality_id
        shown = Q(is_active=True)
        if self.instance.organization_id:
            shown |= Q(pk=self.instance.organization_id)
        return Organization.objects.filter(shown, municipality_id=municipality_id)

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data["phone"])

    def clean_birth_date(self) -> datetime.date:
        birth_date = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        birthday_passed = (today.month, today.day) >= (birth_date.month, birth_date.day)
        age = today.year - birth_date.year - (0 if birthday_passed else 1)
        if not MIN_AGE <= age <= MAX_AGE:
            raise forms.ValidationError(
                f"Проверьте дату рождения: возраст должен быть от {MIN_AGE} до {MAX_AGE} лет."
            )
        return birth_date


class EducationForm(forms.ModelForm):
    class Meta:
        model = Education
        fields = ["level", "degree", "field", "speciality", "institution", "graduation_year"]
        help_texts = {"field": "Укрупнённое направление, к которому относится специальность."}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        name_blank_choices(self)
        self.helper = _layout(
            ("level", "degree"), ("field",), ("speciality",), ("institution",), ("graduation_year",)
        )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("level") != "higher":
            data["degree"] = ""  # levels of higher education only
        return data


class DpoForm(forms.ModelForm):
    class Meta:
        model = ProfessionalDevelopment
        fields = ["programme", "field", "hours", "year", "provider"]
        labels = {"programme": "Название программы", "provider": "Кто проводил обучение"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        name_blank_choices(self)
        self.helper = _layout(("programme",), ("field", "hours", "year"), ("provider",))


class WorkForm(forms.ModelForm):
    is_current = forms.BooleanField(label="по настоящее время", required=False)

    class Meta:
        model = WorkRecord
        fields = [
            "organization_name",
            "post",
            "post_code",
            "kind",
            "started_on",
            "ended_on",
            "is_current",
        ]
        widgets = {"started_on": _date_widget(), "ended_on": _date_widget()}
        labels = {
            "started_on": "Дата начала работы",
            "ended_on": "Дата окончания работы",
            "kind": "Вид должности",
            "post_code": "Должность по перечню",
        }
        help_texts = {
            "ended_on": "",
            "post_code": "Выберите из номенклатуры педагогических должностей — вид стажа "
            "определится по ней.",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.ended_on is None:
            self.initial["is_current"] = True
        self.fields["is_current"].widget.attrs["data-current-toggles"] = self.add_prefix("ended_on")
        name_blank_choices(self)
        self.fields["kind"].required = False
        self.helper = _layout(("organization_name",), ("post",), ("post_code", "kind"))
        self.helper.layout.append(
            Row(
                Column("started_on", css_class="col-md-6"),
                Column("ended_on", "is_current", css_class="col-md-6"),
            )
        )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("post_code"):
            cleaned["kind"] = kind_of_post(cleaned["post_code"])
        elif not cleaned.get("kind"):
            self.add_error("post_code", "Выберите должность по перечню или вид должности.")
        if cleaned.get("is_current"):
            cleaned["ended_on"] = None
            self.errors.pop("ended_on", None)
        elif not cleaned.get("ended_on") and "ended_on" not in self.errors:
            self.add_error("ended_on", "Укажите дату окончания или отметьте «по настоящее время».")
        return cleaned

    def record_data(self) -> dict:
        """Return the fields the work record service takes."""
        return {k: v for k, v in self.cleaned_data.items() if k != "is_current"}


class DocumentUploadForm(forms.Form):
    kind = forms.ChoiceField(label="Вид документа")
    file = forms.FileField(
        label="Файл",
        help_text="PDF, JPEG или PNG.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_UPLOADS}),
    )

    def __init__(self, *args, required_kinds: tuple[str, ...] = (), max_megabytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "— выберите —")] + [
            (value, f"{label} — обязательный" if value in required_kinds else label)
            for value, label in DocumentKind.choices
        ]
        self.fields["file"].help_text = f"PDF, JPEG или PNG, не больше {max_megabytes} МБ."
        self.helper = _layout(("kind", "file"))


class ConsentGiveForm(forms.Form):
    agree = forms.BooleanField(
        label="Я прочитал(а) текст согласия и даю согласие на обработку моих персональных данных",
        error_messages={"required": "Отметьте, что даёте согласие."},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _layout(("agree",))

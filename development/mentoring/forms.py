"""Forms of mentoring: the mentor's record and profile, pairs, sessions and the mentee's answer."""

import datetime

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Role, User
from assessment.models import Competency, CompetencyLevel
from development.form_fields import RussianDateInput, current_competencies
from development.models import Mentor, MentorshipStatus, SessionFormat
from registry.fields import OrganizationField
from registry.models import Municipality, Organization, OrganizationKind

NO_STRENGTH = ""


class StrengthFieldsMixin:
    """Adds one «level 1–4 or none» field per competency of the framework in force."""

    def add_strength_fields(self, mentor: Mentor | None) -> None:
        """Add the fields, filled in from the mentor's current strengths."""
        self.competencies = list(current_competencies())
        titles: dict[tuple[int, int], str] = {
            (competency_id, level): title
            for competency_id, level, title in CompetencyLevel.objects.filter(
                competency__in=self.competencies
            ).values_list("competency_id", "level", "title")
        }
        held = {}
        if mentor is not None and mentor.pk:
            held = {strength.competency_id: strength.level for strength in mentor.strengths.all()}
        for competency in self.competencies:
            choices = [(NO_STRENGTH, "— не сильная сторона —")] + [
                (str(level), f"{level} — {titles.get((competency.pk, level), '')}".rstrip(" —"))
                for level in range(1, 5)
            ]
            self.fields[self.strength_field(competency)] = forms.ChoiceField(
                label=competency.name,
                choices=choices,
                required=False,
                initial=str(held[competency.pk]) if competency.pk in held else NO_STRENGTH,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    @staticmethod
    def strength_field(competency: Competency) -> str:
        return f"strength_{competency.code}"

    def strength_bound_fields(self) -> list:
        """Return the strength fields, for the template's table."""
        return [self[self.strength_field(competency)] for competency in self.competencies]

    def strengths(self) -> dict[Competency, int | None]:
        """Return {competency: level or None} from the cleaned data."""
        return {
            competency: int(value)
            if (value := self.cleaned_data.get(self.strength_field(competency)))
            else None
            for competency in self.competencies
        }


class MentorForm(StrengthFieldsMixin, forms.Form):
    """The staff's form of a mentor's record."""

    user = forms.ModelChoiceField(
        label="Учётная запись наставника",
        queryset=User.objects.none(),
        empty_label="— выберите —",
        help_text="Пользователи с ролью «Наставник», ещё не внесённые в реестр. "
        "Учётную запись создаёт администратор портала.",
    )
    organization = OrganizationField(
        label="Организация",
        help_text="Организация, которой руководит наставник, из реестра: наименование, краткое "
        "наименование или ИНН.",
        error_messages={
            "out_of_scope": "Организация с ИНН {inn} — из другого муниципального образования: "
            "вы ведёте реестр только своего."
        },
    )
    position = forms.CharField(label="Должность", max_length=255)
    years_as_head = forms.IntegerField(label="Стаж руководителя, лет", min_value=0, max_value=60)
    capacity = forms.IntegerField(
        label="Наставляемых не более",
        min_value=1,
        max_value=10,
        initial=2,
        help_text="Сколько резервистов наставник может вести одновременно.",
    )
    is_available = forms.BooleanField(label="Принимает наставляемых", required=False, initial=True)
    about = forms.CharField(
        label="О наставнике", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self,
        *args,
        organizations: QuerySet[Organization],
        mentor: Mentor | None = None,
        **kwargs,
    ):
        self.mentor = mentor
        if mentor is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "organization": mentor.organization,
                "position": mentor.position,
                "years_as_head": mentor.years_as_head,
                "capacity": mentor.capacity,
                "is_available": mentor.is_available,
                "about": mentor.about,
            }
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations.select_related("municipality")
        if mentor is None:
            self.fields["user"].queryset = User.objects.filter(
                role=Role.MENTOR, is_active=True, mentor_profile__isnull=True
            ).order_by("last_name", "first_name", "username")
            self.fields["user"].label_from_instance = lambda user: (
                f"{user.get_full_name() or user.username} ({user.email or user.username})"
            )
        else:
            del self.fields["user"]
        self.add_strength_fields(mentor)

    def record(self) -> dict:
        """Return the record's fields as the registry services take them."""
        data = self.cleaned_data
        fields = ("position", "years_as_head", "capacity", "is_available", "about")
        return {"organization": data["organization"], **{name: data[name] for name in fields}}


class MentorProfileForm(StrengthFieldsMixin, forms.Form):
    """The mentor's own profile: whether they take mentees now, a word about them, strengths."""

    is_available = forms.BooleanField(label="Принимаю наставляемых", required=False)
    about = forms.CharField(
        label="О себе", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, mentor: Mentor, **kwargs):
        kwargs.setdefault("initial", {"is_available": mentor.is_available, "about": mentor.about})
        super().__init__(*args, **kwargs)
        self.add_strength_fields(mentor)


class MentorFilterForm(forms.Form):
    """Filters of the mentor registry."""

    municipality = forms.ModelChoiceField(
        label="Муниципальное образование",
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label="— все —",
    )
    kind = forms.ChoiceField(
        label="Тип организации",
        choices=[("", "— все —"), *OrganizationKind.choices],
        required=False,
    )
    competency = forms.ModelChoiceField(
        label="Сильная сторона",
        queryset=Competency.objects.none(),
        required=False,
        empty_label="— любая —",
    )
    min_level = forms.TypedChoiceField(
        label="Уровень не ниже",
        choices=[(level, level) for level in range(1, 5)],
        coerce=int,
        initial=3,
        required=False,
    )
    free = forms.BooleanField(label="Есть свободные места", required=False)

    def __init__(self, *args, region_wide: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = current_competencies()
        if not region_wide:
            del self.fields["municipality"]


class ProposeForm(forms.Form):
    """Propose a pair with one of the ranked mentors."""

    mentor = forms.IntegerField(widget=forms.HiddenInput)
    goals = forms.CharField(
        label="Цели пары",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Необязательно: над чем паре работать в первую очередь.",
    )


class EndPairForm(forms.Form):
    """Complete or cancel a pair, with the reason."""

    outcome = forms.ChoiceField(
        label="Что сделать",
        choices=[
            (MentorshipStatus.COMPLETED, "Завершить пару"),
            (MentorshipStatus.CANCELLED, "Отменить пару"),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Причина", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, can_complete: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_complete:
            # A proposed pair can only be cancelled: no choice to offer.
            self.fields["outcome"].choices = [(MentorshipStatus.CANCELLED, "Отменить пару")]
            self.fields["outcome"].initial = MentorshipStatus.CANCELLED
            self.fields["outcome"].widget = forms.HiddenInput()


class BulkFilterForm(forms.Form):
    """Which cohort to match: reservists of a municipality without a mentor."""

    municipality = forms.ModelChoiceField(
        label="Муниципальное образование",
        queryset=Municipality.objects.order_by("name"),
        empty_label="— выберите —",
    )


class SessionForm(forms.Form):
    """A meeting as the mentor logs it."""

    date = forms.DateField(label="Дата встречи", widget=RussianDateInput())
    duration_minutes = forms.IntegerField(
        label="Продолжительность, минут", min_value=10, max_value=480, initial=60
    )
    format = forms.ChoiceField(
        label="Формат", choices=SessionFormat.choices, widget=forms.RadioSelect
    )
    topics = forms.CharField(
        label="Темы", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    competencies = forms.ModelMultipleChoiceField(
        label="Над какими компетенциями работали",
        queryset=Competency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    agreed_actions = forms.CharField(
        label="Договорённости",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text="Что наставляемый сделает до следующей встречи.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competencies"].queryset = current_competencies()
        self.fields["date"].help_text = "В формате дд.мм.гггг, не позже сегодняшнего дня."

    def clean_date(self) -> datetime.date:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError("Дата встречи не может быть в будущем.")
        return date


CONFIRM, DISPUTE = "confirm", "dispute"


class SessionAnswerForm(forms.Form):
    """The mentee's answer: confirm and rate, or dispute with a comment."""

    decision = forms.ChoiceField(
        label="Встреча состоялась так, как записано?",
        choices=[(CONFIRM, "Да, подтверждаю"), (DISPUTE, "Нет, оспариваю")],
        widget=forms.RadioSelect,
    )
    usefulness = forms.TypedChoiceField(
        label="Насколько встреча была полезна",
        choices=[(value, str(value)) for value in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text="1 — бесполезна, 5 — очень полезна. Обязательно, если подтверждаете.",
    )
    comment = forms.CharField(
        label="Комментарий",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="Обязателен, если оспариваете: что записано не так.",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == CONFIRM and cleaned.get("usefulness") is None:
            self.add_error("usefulness", "Оцените пользу встречи от 1 до 5.")
        if decision == DISPUTE and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Напишите, что не так со встречей.")
        return cleaned

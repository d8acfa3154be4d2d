"""Forms of the plans: items of a draft, a comment, evidence, the list's filter."""

from django import forms

from assessment.models import Competency
from development.form_fields import (
    DATE_HELP,
    CompetencyChoiceField,
    RussianDateInput,
    current_competencies,
)
from development.models import Activity, PlanStatus
from registry.models import Municipality

ACCEPTED_EVIDENCE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Activity) -> str:
        dates = f", с {obj.starts_on:%d.%m.%Y}" if obj.starts_on else ""
        return f"{obj.title} ({obj.get_kind_display()}, {obj.hours} ч{dates})"


class PlanItemActivityForm(forms.Form):
    """Add an activity from the catalogue to a draft."""

    activity = ActivityChoiceField(
        label="Мероприятие из каталога",
        queryset=Activity.objects.none(),
        empty_label="— выберите —",
    )
    competency = CompetencyChoiceField(
        label="Какую компетенцию развивает в вашем плане",
        queryset=Competency.objects.none(),
        required=False,
        empty_label="— не указана —",
    )
    due_date = forms.DateField(label="Срок", widget=RussianDateInput(), help_text=DATE_HELP)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Activity.objects.filter(is_active=True).order_by(
            "kind", "title"
        )
        self.fields["competency"].queryset = current_competencies()

    def clean(self) -> dict:
        data = super().clean()
        activity, competency = data.get("activity"), data.get("competency")
        develops = activity and activity.competencies.filter(code=getattr(competency, "code", ""))
        if competency and activity and not develops.exists():
            self.add_error("competency", "Это мероприятие не развивает выбранную компетенцию.")
        return data


class PlanItemCustomForm(forms.Form):
    """Add the reservist's own task to a draft (not from the catalogue)."""

    title = forms.CharField(label="Что сделать", max_length=300)
    competency = CompetencyChoiceField(
        label="Компетенция",
        queryset=Competency.objects.none(),
        required=False,
        empty_label="— не указана —",
    )
    reason = forms.CharField(
        label="Зачем (обоснование)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Если оставить пустым, для компетенции с дефицитом подставится вывод оценки.",
    )
    due_date = forms.DateField(label="Срок", widget=RussianDateInput(), help_text=DATE_HELP)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = current_competencies()


class RedateForm(forms.Form):
    due_date = forms.DateField(label="Новый срок", widget=RussianDateInput(), help_text=DATE_HELP)


class CommentForm(forms.Form):
    reason = forms.CharField(
        label="Комментарий", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CompletionEvidenceForm(forms.Form):
    file = forms.FileField(
        label="Сертификат, удостоверение или отчёт тьютора (PDF, JPEG, PNG)",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_EVIDENCE}),
    )
    note = forms.CharField(
        label="Что пройдено (необязательно)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PracticeEvidenceForm(forms.Form):
    confirmer = forms.TypedChoiceField(
        label="Кто подтвердит применение",
        coerce=int,
        empty_value=None,
        help_text="Тот, кто видел это в вашей работе: наставник, руководитель вашей организации "
        "или тьютор стажировки. Пункт будет выполнен, когда он подтвердит.",
    )
    description = forms.CharField(
        label="Что изменилось в вашей работе",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Что вы сделали по-новому, для кого и с каким результатом.",
    )
    file = forms.FileField(
        label="Документ (PDF, JPEG, PNG): приказ, положение, протокол, фото",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_EVIDENCE}),
    )
    link = forms.URLField(
        label="или ссылка на результат",
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text="Страница на сайте организации, публикация, материалы педсовета.",
    )

    def __init__(self, *args, confirmers: list[tuple[object, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.confirmers = {user.pk: user for user, _ in confirmers}
        self.fields["confirmer"].choices = [
            ("", "— выберите —"),
            *[(user.pk, f"{user} — {capacity}") for user, capacity in confirmers],
        ]
        self.order_fields(["description", "file", "link", "confirmer"])

    def clean_confirmer(self):
        """Return the chosen account (one of those offered)."""
        chosen = self.cleaned_data["confirmer"]
        if chosen not in self.confirmers:
            raise forms.ValidationError("Выберите, кто подтвердит применение, из списка.")
        return self.confirmers[chosen]


class PlanFilterForm(forms.Form):
    STATUS_CHOICES = [("", "все"), *PlanStatus.choices]

    q = forms.CharField(label="Резервист", required=False, max_length=200)
    status = forms.ChoiceField(label="Статус", choices=STATUS_CHOICES, required=False)
    municipality = forms.ModelChoiceField(
        label="Муниципальное образование",
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label="все",
    )

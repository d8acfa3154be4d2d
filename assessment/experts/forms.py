"""Forms of the expert panels: assigning an expert, a profile, the declaration, the rubric,
the agreed score."""

from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError

from assessment.models import RubricCriterion
from registry.fields import OrganizationField


class ExpertAssignForm(forms.Form):
    """Assign one expert to a participant's expert-rated instrument."""

    expert = forms.ModelChoiceField(label="Эксперт", queryset=None, empty_label="— выберите —")

    def __init__(self, *args, experts, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts
        self.fields["expert"].label_from_instance = lambda user: (
            user.get_full_name() or user.username
        )


class ExpertProfileForm(forms.Form):
    """An expert's place of work, an organization of the registry found by its name or INN."""

    expert = forms.ModelChoiceField(label="Эксперт", queryset=None, empty_label="— выберите —")
    organization = OrganizationField(
        label="Место работы",
        required=False,
        help_text="Организация из реестра (наименование или ИНН); пусто — эксперт не работает "
        "в образовательной организации области.",
    )
    position = forms.CharField(label="Должность", max_length=255, required=False)

    def __init__(self, *args, experts, organizations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts
        self.fields["expert"].label_from_instance = lambda user: (
            user.get_full_name() or user.username
        )
        self.fields["organization"].queryset = organizations


class DeclarationForm(forms.Form):
    """The expert's conflict-of-interest declaration before seeing the materials."""

    no_conflict = forms.BooleanField(
        label=(
            "Заявляю, что не работаю в одной организации с кандидатом, не состою с ним в родстве, "
            "отношениях подчинённости или иной личной заинтересованности и оценю его "
            "беспристрастно."
        ),
        required=False,
    )
    relation = forms.CharField(
        label="Если связь с кандидатом есть, опишите её",
        help_text="Например: «работали в одной школе до 2023 г.», «родственник». Назначение будет "
        "снято, а министерство назначит другого эксперта.",
        max_length=255,
        required=False,
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("no_conflict") and cleaned.get("relation", "").strip():
            raise ValidationError(
                "Либо подтвердите отсутствие конфликта интересов, либо опишите связь — не то и "
                "другое сразу."
            )
        return cleaned


SCORE_CHOICES = [(str(level), str(level)) for level in (1, 2, 3, 4)]


class RubricForm(forms.Form):
    """The expert's scores 1–4 per rubric criterion and a comment."""

    comment = forms.CharField(
        label="Комментарий эксперта",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Сильные стороны и что развивать — кандидат увидит комментарий в отчёте.",
    )

    def __init__(self, *args, criteria: Iterable[RubricCriterion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.ChoiceField(
                label=str(criterion.competency),
                choices=SCORE_CHOICES,
                widget=forms.RadioSelect,
                required=False,
            )

    def scores(self) -> dict[int, int | None]:
        """Return {criterion id: score or None} from the cleaned data."""
        return {
            criterion.pk: int(value)
            if (value := self.cleaned_data.get(f"criterion_{criterion.pk}"))
            else None
            for criterion in self.criteria
        }


class CalibrationForm(forms.Form):
    agreed_score = forms.TypedChoiceField(
        label="Согласованная оценка", choices=SCORE_CHOICES, coerce=int
    )
    reason = forms.CharField(
        label="Обоснование", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

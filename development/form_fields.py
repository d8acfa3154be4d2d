"""Form pieces every feature of the development stage uses: dates дд.мм.гггг, competencies."""

from django import forms
from django.db.models import QuerySet

from assessment.models import Competency

DATE_HELP = "В формате дд.мм.гггг."


class RussianDateInput(forms.DateInput):
    """A text date field written дд.мм.гггг."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            format="%d.%m.%Y",
            attrs={"placeholder": "дд.мм.гггг", "inputmode": "numeric", "autocomplete": "off"},
            **kwargs,
        )


def current_competencies() -> QuerySet[Competency]:
    """Return the competencies of the model in force, in their order."""
    return Competency.objects.filter(framework__is_current=True).order_by("sort_order", "code")


class CompetencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Competency) -> str:
        return f"{obj.code}. {obj.name}"

"""Forms of the half-yearly reports: the reservist's texts, comments, the list's filter."""

from django import forms

from monitoring.halfyear.selectors import STATES
from monitoring.halfyear.services import TEXT_LIMIT
from monitoring.models import HalfYearReport


class ReportForm(forms.ModelForm):
    class Meta:
        model = HalfYearReport
        fields = ["done", "applied", "difficulties"]
        labels = {
            "done": "Что выполнено по плану развития за полугодие",
            "applied": "Что из пройденного применено в работе и с каким результатом",
            "difficulties": "Трудности и какая помощь нужна",
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": 6, "maxlength": TEXT_LIMIT})
            for name in ("done", "applied", "difficulties")
        }


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="Комментарий",
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": TEXT_LIMIT}),
        max_length=TEXT_LIMIT,
        required=False,
    )


class ReportListFilterForm(forms.Form):
    due_on = forms.TypedChoiceField(label="Срок сдачи", required=False, coerce=str)
    municipality = forms.TypedChoiceField(
        label="Муниципальное образование", required=False, coerce=int, empty_value=None
    )
    state = forms.ChoiceField(
        label="Отчёты", required=False, choices=[("", "все"), *STATES.items()]
    )

    def __init__(self, *args, dates: list, municipalities: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_on"].choices = [(d.isoformat(), f"{d:%d.%m.%Y}") for d in dates]
        self.fields["municipality"].choices = [("", "все"), *municipalities]

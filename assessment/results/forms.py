"""Forms of the talent review: a performance rating with its basis, a calibration note."""

from django import forms

from assessment.models import PerformanceRating


class PerformanceForm(forms.Form):
    rating = forms.TypedChoiceField(
        label="Результативность текущей работы",
        choices=[
            (str(value), label)
            for value, label in PerformanceRating._meta.get_field("rating").choices
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    basis = forms.CharField(
        label="Основание оценки",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Показатели организации, результаты проверок и мониторингов, "
        "отзывы руководителя.",
        max_length=2000,
    )


class TalentNoteForm(forms.Form):
    note = forms.CharField(
        label="Заметка калибровки",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )

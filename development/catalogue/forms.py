"""Forms of the catalogue: the list's filter and the file to import."""

from django import forms

from assessment.models import Competency
from development.form_fields import (
    CompetencyChoiceField,
    RussianDateInput,
    current_competencies,
)
from development.models import ActivityFormat, ActivityKind

ACCEPTED_SPREADSHEETS = (
    ".xlsx,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
    "application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
)


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label="Поиск", required=False, max_length=200)
    kind = forms.ChoiceField(
        label="Вид", choices=[("", "все"), *ActivityKind.choices], required=False
    )
    competency = CompetencyChoiceField(
        label="Компетенция", queryset=Competency.objects.none(), required=False, empty_label="все"
    )
    format = forms.ChoiceField(
        label="Формат", choices=[("", "все"), *ActivityFormat.choices], required=False
    )
    date_from = forms.DateField(label="Начало с", required=False, widget=RussianDateInput())
    date_to = forms.DateField(label="по", required=False, widget=RussianDateInput())
    past = forms.BooleanField(label="и прошедшие", required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = current_competencies()


class CatalogueUploadForm(forms.Form):
    file = forms.FileField(
        label="Файл каталога (.xlsx, .xls или .ods)",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_SPREADSHEETS}),
    )

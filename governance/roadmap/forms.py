"""Forms of the roadmap pages: the filter, the status of an item, the file to import."""

from django import forms

from governance.roadmap.models import RoadmapStage, RoadmapStatus
from governance.roadmap.selectors import OVERDUE

ACCEPTED_SPREADSHEETS = (
    ".xlsx,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
    "application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
)


class RoadmapFilterForm(forms.Form):
    q = forms.CharField(label="Поиск", required=False, max_length=200)
    stage = forms.ChoiceField(
        label="Этап", choices=[("", "все"), *RoadmapStage.choices], required=False
    )
    status = forms.ChoiceField(
        label="Статус",
        choices=[("", "все"), (OVERDUE, "просроченные"), *RoadmapStatus.choices],
        required=False,
    )
    year = forms.TypedChoiceField(label="Год", coerce=int, empty_value=None, required=False)

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "все"), *((year, str(year)) for year in years)]

    def filters(self) -> dict:
        """Return the valid filters as keyword arguments of roadmap_items_filtered."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "stage": data["stage"],
            "status": data["status"],
            "year": data["year"],
            "query": data["q"],
        }


class RoadmapStatusForm(forms.Form):
    status = forms.ChoiceField(label="Статус", choices=RoadmapStatus.choices)


class RoadmapUploadForm(forms.Form):
    file = forms.FileField(
        label="Файл дорожной карты (.xlsx, .xls или .ods)",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_SPREADSHEETS}),
    )

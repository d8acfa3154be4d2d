"""Forms of the campaign pages: the settings with weights, the cohort filter, the lists' filters."""

from collections.abc import Iterable

from django import forms

from assessment.campaigns.services.setup import CampaignSettings, InstrumentChoice
from assessment.models import Instrument, PositionGroup
from assessment.models.results import FINAL_PARTICIPANT
from candidates.selectors import search_by_candidate_name
from registry.models import Municipality, PositionKind

DATE_WIDGET = forms.DateInput(format="%d.%m.%Y", attrs={"placeholder": "дд.мм.гггг"})
PAGE_SIZE = 50


class CampaignForm(forms.Form):
    """The campaign's settings and, per instrument of the model, use, weight and deadline."""

    name = forms.CharField(label="Наименование кампании", max_length=255)
    starts_on = forms.DateField(label="Начало", widget=DATE_WIDGET)
    ends_on = forms.DateField(label="Окончание", widget=DATE_WIDGET)
    pass_threshold = forms.IntegerField(
        label="Проходной балл (из 100)",
        min_value=1,
        max_value=100,
        help_text="По умолчанию — из Положения о кадровом резерве, действующего сейчас.",
    )
    disagreement_threshold = forms.IntegerField(
        label="Допустимое расхождение экспертов, баллов шкалы 1–4",
        min_value=0,
        max_value=3,
        initial=1,
        help_text="Если оценки двух экспертов по критерию различаются больше, нужна калибровка.",
    )

    def __init__(
        self,
        *args,
        instruments: Iterable[Instrument],
        default_weights: dict[int, int],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instruments = list(instruments)
        for instrument in self.instruments:
            self.fields[f"use_{instrument.pk}"] = forms.BooleanField(
                label=f"Использовать «{instrument.name}»",
                required=False,
                initial=default_weights.get(instrument.pk, 0) > 0,
                widget=forms.CheckboxInput(
                    attrs={"class": "form-check-input", "data-instrument-use": ""}
                ),
            )
            self.fields[f"weight_{instrument.pk}"] = forms.IntegerField(
                label=f"Вес «{instrument.name}», %",
                min_value=0,
                max_value=100,
                required=False,
                initial=default_weights.get(instrument.pk, 0),
                widget=forms.NumberInput(
                    attrs={
                        "class": "form-control form-control-sm",
                        "data-instrument-weight": "",
                        "aria-label": f"Вес «{instrument.name}», %",
                    }
                ),
            )
            self.fields[f"deadline_{instrument.pk}"] = forms.DateField(
                label=f"Срок «{instrument.name}»",
                required=False,
                widget=forms.DateInput(
                    format="%d.%m.%Y",
                    attrs={
                        "class": "form-control form-control-sm",
                        "placeholder": "дд.мм.гггг",
                        "aria-label": f"Срок «{instrument.name}»",
                    },
                ),
            )

    def instrument_rows(self) -> list[dict]:
        """Return the per-instrument bound fields for the template's table."""
        return [
            {
                "instrument": instrument,
                "use": self[f"use_{instrument.pk}"],
                "weight": self[f"weight_{instrument.pk}"],
                "deadline": self[f"deadline_{instrument.pk}"],
            }
            for instrument in self.instruments
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        ends_on = cleaned.get("ends_on")
        choices = []
        for instrument in self.instruments:
            if not cleaned.get(f"use_{instrument.pk}"):
                continue
            weight = cleaned.get(f"weight_{instrument.pk}") or 0
            deadline = cleaned.get(f"deadline_{instrument.pk}") or ends_on
            if deadline is None:
                continue
            choices.append(InstrumentChoice(instrument, weight, deadline))
        cleaned["instrument_choices"] = choices
        return cleaned

    def settings(self) -> CampaignSettings:
        """Return the campaign settings from the cleaned data."""
        data = self.cleaned_data
        return CampaignSettings(
            name=data["name"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            pass_threshold=data["pass_threshold"],
            disagreement_threshold=data["disagreement_threshold"],
        )


def _municipality_field(by_municipality: bool) -> forms.ModelChoiceField | None:
    if not by_municipality:
        return None
    return forms.ModelChoiceField(
        label="Муниципальное образование",
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label="все",
    )


class CohortFilterForm(forms.Form):
    """Narrow the nominations and reservists offered for the cohort."""

    municipality = forms.ModelChoiceField(queryset=Municipality.objects.none(), required=False)
    position_kind = forms.ModelChoiceField(
        label="Должность",
        queryset=PositionKind.objects.order_by("sort_order", "name"),
        required=False,
        empty_label="все",
    )

    def __init__(self, *args, by_municipality: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = _municipality_field(by_municipality)
        if field is None:
            del self.fields["municipality"]
        else:
            self.fields["municipality"] = field

    def apply(self, rows, *, position_lookup: str = "position_kind"):
        """Return the rows matching the filter."""
        if not self.is_valid():
            return rows
        if self.cleaned_data.get("municipality"):
            rows = rows.filter(municipality=self.cleaned_data["municipality"])
        if self.cleaned_data.get("position_kind"):
            rows = rows.filter(**{position_lookup: self.cleaned_data["position_kind"]})
        return rows


STATE_FILTERS = [("", "все"), ("unfinished", "не завершили"), ("finished", "завершили всё")]
PASSED_FILTERS = [("", "все"), ("yes", "прошли порог"), ("no", "не прошли порог")]


class ParticipantFilterForm(forms.Form):
    """Filters of the progress page and the ranking table."""

    q = forms.CharField(label="ФИО", required=False, max_length=100)
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.none(), required=False)
    position_group = forms.ChoiceField(
        label="Группа должностей",
        choices=[("", "все"), *PositionGroup.choices],
        required=False,
    )
    state = forms.ChoiceField(label="Ход оценки", choices=STATE_FILTERS, required=False)
    passed = forms.ChoiceField(label="Проходной балл", choices=PASSED_FILTERS, required=False)

    def __init__(self, *args, by_municipality: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = _municipality_field(by_municipality)
        if field is None:
            del self.fields["municipality"]
        else:
            self.fields["municipality"] = field

    def apply(self, participants):
        """Return the participants matching the filters that the database can answer."""
        if not self.is_valid():
            return participants
        data = self.cleaned_data
        participants = search_by_candidate_name(participants, data.get("q", ""))
        if data.get("municipality"):
            participants = participants.filter(municipality=data["municipality"])
        if data.get("position_group"):
            participants = participants.filter(position_group=data["position_group"])
        if data.get("passed") in ("yes", "no"):
            # Only a final result has passed or not; a running one has not finished yet.
            participants = participants.filter(
                FINAL_PARTICIPANT, result__passed=data["passed"] == "yes"
            )
        return participants

    def describe(self) -> str:
        """Return the filters in words, for the export's log record."""
        if not self.is_valid():
            return ""
        parts = []
        for name, value in self.cleaned_data.items():
            if value:
                field = self.fields[name]
                shown = (
                    dict(field.choices).get(value, value) if hasattr(field, "choices") else value
                )
                parts.append(f"{field.label}: {shown}")
        return "; ".join(parts)

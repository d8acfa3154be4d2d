"""Forms of the well-being pulse: the five answers, the withdrawal, the staff's quarter."""

import datetime

from django import forms

from development.wellbeing.questionnaire import PULSE_ITEMS, SCALE_MAX, SCALE_MIN
from development.wellbeing.selectors import Quarter, recent_quarters

SCALE_CHOICES = [(value, str(value)) for value in range(SCALE_MIN, SCALE_MAX + 1)]


class PulseForm(forms.Form):
    """The five questions, each answered 0–5."""

    def __init__(self, *args, answers: list[int] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for position, item in enumerate(PULSE_ITEMS):
            self.fields[item.key] = forms.TypedChoiceField(
                label=item.question,
                choices=SCALE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                initial=answers[position] if answers else None,
                error_messages={"required": f"Ответьте на вопрос «{item.topic}»."},
            )

    def rows(self) -> list[dict]:
        """Return each question with its bound field and the words at the ends of its scale."""
        return [{"item": item, "field": self[item.key]} for item in PULSE_ITEMS]

    def answers(self) -> list[int]:
        """Return the cleaned answers in the order of the questions."""
        return [self.cleaned_data[item.key] for item in PULSE_ITEMS]


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label="Я понимаю, что все мои ответы будут удалены и восстановить их будет нельзя.",
        error_messages={"required": "Подтвердите, что понимаете: ответы будут удалены."},
    )


class QuarterForm(forms.Form):
    """The quarter whose aggregates staff look at."""

    quarter = forms.ChoiceField(label="Квартал", required=False)

    def __init__(self, *args, today: datetime.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.quarters = recent_quarters(today)
        self.fields["quarter"].choices = [(q.key, q.label) for q in self.quarters]

    def selected(self) -> Quarter:
        """Return the chosen quarter, or the current one when none (or a foreign one) is given."""
        if self.is_valid() and self.cleaned_data["quarter"]:
            return Quarter.from_key(self.cleaned_data["quarter"]) or self.quarters[0]
        return self.quarters[0]


class SupportForm(forms.Form):
    contact = forms.CharField(
        label="Как с вами связаться",
        max_length=300,
        help_text="Телефон или адрес почты и удобное время.",
    )
    consent = forms.BooleanField(
        label="Согласен(на), чтобы координатор моего муниципалитета увидел моё имя и этот "
        "контакт. Ответы опроса и индекс он не увидит.",
        required=False,
    )

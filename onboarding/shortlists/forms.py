"""Forms of shortlists and offers: moving a reservist, offering, answering, relocation."""

import datetime

from django import forms
from django.utils import timezone

from candidates.forms_commission import DATE_HELP, RussianDateInput

DEFAULT_ANSWER_DAYS = 10


class MoveForm(forms.Form):
    to_position = forms.IntegerField(label="На место", min_value=1)
    reason = forms.CharField(
        label="Почему",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Причина сохраняется в истории списка.",
    )


class OfferForm(forms.Form):
    respond_by = forms.DateField(
        label="Ответить до", widget=RussianDateInput(), help_text=DATE_HELP
    )
    message = forms.CharField(
        label="Текст предложения",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Например, условия и с кем связаться. Резервист получит его письмом.",
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault(
            "initial",
            {"respond_by": timezone.localdate() + datetime.timedelta(days=DEFAULT_ANSWER_DAYS)},
        )
        super().__init__(*args, **kwargs)


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Почему предложение отзывается",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AnswerForm(forms.Form):
    ANSWERS = [("accept", "Принимаю предложение"), ("refuse", "Отказываюсь")]

    answer = forms.ChoiceField(label="Ваш ответ", choices=ANSWERS, widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Причина отказа",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Обязательна при отказе. Её увидит тот, кто сделал предложение.",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("answer") == "refuse" and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Укажите причину отказа.")
        return cleaned


class RelocationForm(forms.Form):
    ready_to_relocate = forms.BooleanField(
        label="Готов(а) к переезду в другое муниципальное образование",
        required=False,
        help_text=(
            "Тогда вас включают в списки кандидатов и на вакансии в других муниципальных "
            "образованиях, не только в своём и соседних."
        ),
    )


class ExclusionForm(forms.Form):
    comment = forms.CharField(
        label="Комментарий",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Например, реквизиты документа о рассмотрении.",
    )

"""Forms of the appointment: the attestation, the founder's order, cancelling."""

from django import forms

from candidates.forms_commission import DATE_HELP, RussianDateInput
from core.uploads import document_max_bytes, size_label
from onboarding.models import AttestationDecision, AttestationKind


class AttestationForm(forms.Form):
    kind = forms.ChoiceField(
        label="Как проведена", choices=AttestationKind.choices, widget=forms.RadioSelect
    )
    decision = forms.ChoiceField(label="Решение", choices=AttestationDecision.choices)
    held_on = forms.DateField(label="Дата", widget=RussianDateInput(), help_text=DATE_HELP)
    commission = forms.CharField(
        label="Аттестационная комиссия",
        required=False,
        max_length=500,
        help_text="Комиссия учредителя, которая провела аттестацию.",
    )
    protocol_number = forms.CharField(label="Номер протокола", required=False, max_length=50)
    reason = forms.CharField(
        label="Основание",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=(
            "Если учредитель засчитал оценку кадрового резерва как аттестацию — каким актом и "
            "почему (обязательно)."
        ),
    )


class OrderForm(forms.Form):
    order_number = forms.CharField(label="Номер приказа", max_length=50)
    order_date = forms.DateField(
        label="Дата приказа", widget=RussianDateInput(), help_text=DATE_HELP
    )
    order_issuer = forms.CharField(label="Кто издал приказ", max_length=255, required=False)
    starts_on = forms.DateField(
        label="В должности с", widget=RussianDateInput(), help_text=DATE_HELP
    )
    contract_ends_on = forms.DateField(
        label="Срочный трудовой договор до",
        required=False,
        widget=RussianDateInput(),
        help_text="Пусто — если договор бессрочный или дата неизвестна.",
    )
    order_file = forms.FileField(
        label="Приказ (скан)",
        required=False,
        help_text=f"PDF, JPEG или PNG, не больше {size_label(document_max_bytes())}.",
    )

    def __init__(self, *args, has_file: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if has_file:
            self.fields[
                "order_file"
            ].help_text = "Скан уже приложен; выберите файл, только чтобы заменить его."


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Причина отмены",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Например, кандидат не прошёл аттестацию или отказался до приказа.",
    )

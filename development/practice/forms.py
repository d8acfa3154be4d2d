"""The confirmer's form: a comment, required when the practice is returned."""

from django import forms


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label="Комментарий",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Обязателен, если возвращаете: что нужно доработать или уточнить.",
    )


class ProposeForm(forms.Form):
    title = forms.CharField(label="Название практики", max_length=300)
    summary = forms.CharField(
        label="Описание практики",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Задача, ваши действия и их порядок, кто участвовал, результат и как его "
        "проверить, что нужно, чтобы повторить практику в другой организации.",
    )
    consent = forms.BooleanField(
        label="Согласен(на), чтобы описание практики с моими фамилией, именем, отчеством и "
        "местом работы видели пользователи портала «Кадровый резерв». Согласие можно отозвать "
        "в любой момент — практика сразу исчезнет из банка.",
        required=False,
    )


class BankReviewForm(forms.Form):
    comment = forms.CharField(
        label="Заключение для автора",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Обязательно, если не все критерии выполнены: чего не хватает.",
    )

    def __init__(self, *args, criteria, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criteria"] = forms.MultipleChoiceField(
            label="Выполненные критерии",
            choices=[(criterion.code, criterion.text) for criterion in criteria],
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.order_fields(["criteria", "comment"])


class BankFilterForm(forms.Form):
    def __init__(self, *args, competencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competency"] = forms.ModelChoiceField(
            label="Компетенция", queryset=competencies, required=False, empty_label="все"
        )

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

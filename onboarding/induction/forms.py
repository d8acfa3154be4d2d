"""Forms of the induction plan and its templates."""

from django import forms

from onboarding.models import CheckpointMonth, ProbationOutcome


class TaskDoneForm(forms.Form):
    note = forms.CharField(
        label="Что сделано",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CheckpointForm(forms.Form):
    comment = forms.CharField(
        label="Комментарий к контрольной точке",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Как идёт адаптация: что получилось, что требует внимания.",
    )


class MentorForm(forms.Form):
    mentor = forms.IntegerField(widget=forms.HiddenInput)


class ProbationForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Итог испытания", choices=ProbationOutcome.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label="Заключение",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TemplateTaskForm(forms.Form):
    month = forms.TypedChoiceField(
        label="Контрольная точка", coerce=int, choices=CheckpointMonth.choices
    )
    title = forms.CharField(label="Задача", max_length=255)
    description = forms.CharField(
        label="Что сделать",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

"""Forms of the participant's pages and of the colleague's 360° form."""

from django import forms
from django.http import QueryDict

from assessment.models import FeedbackRelation
from assessment.models.work import MAX_TEXT_LENGTH
from core.names import validate_person_name

RATING_PREFIX = "i-"
QUESTION_PREFIX = "q-"


def ratings_from_post(data: QueryDict) -> dict[str, str]:
    """Return {indicator id: rating} from «i-<id>» fields; the service checks the values."""
    return {
        key.removeprefix(RATING_PREFIX): value
        for key, value in data.items()
        if key.startswith(RATING_PREFIX) and value != ""
    }


def displayed_ratings(answers: dict[str, str]) -> dict[int, int]:
    """Return the well-formed ratings of a refused form, to show them again."""
    return {
        int(key): int(value)
        for key, value in answers.items()
        if key.isdigit() and value in {"1", "2", "3", "4"}
    }


def test_answers_from_post(data: QueryDict, question_ids: list[int]) -> dict[str, list[str]]:
    """Return {question id: [choice ids]} for the attempt's questions from «q-<id>» fields."""
    return {
        str(question_id): data.getlist(f"{QUESTION_PREFIX}{question_id}")
        for question_id in question_ids
    }


class InvitationForm(forms.Form):
    respondent_name = forms.CharField(
        label="Фамилия, имя, отчество коллеги",
        max_length=255,
        strip=True,
        validators=[validate_person_name],
    )
    respondent_email = forms.EmailField(label="Электронная почта", max_length=254)
    relation = forms.ChoiceField(
        label="Кем вам приходится", choices=[("", "— выберите —"), *FeedbackRelation.choices]
    )


class FeedbackCommentForm(forms.Form):
    comment = forms.CharField(
        label="Что коллеге стоит развивать в первую очередь? (необязательно)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Комментарий увидит оцениваемый — без вашего имени и вместе с другими "
        "комментариями группы. Не указывайте в нём сведения, по которым вас можно узнать.",
    )


class WorkTextForm(forms.Form):
    """The text of a written work; it may stay empty when the work is a file."""

    text = forms.CharField(
        label="Текст работы",
        required=False,
        strip=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 18, "class": "form-control", "spellcheck": "true"}),
    )


class WorkFileForm(forms.Form):
    file = forms.FileField(
        label="Файл с работой",
        error_messages={"required": "Выберите файл.", "empty": "Файл пустой."},
    )

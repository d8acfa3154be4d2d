"""Names of people: letters, spaces, hyphens and apostrophes; markup is refused, never stored."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from accounts.models import Role, User
from accounts.services import user_create
from candidates.bulk_nomination.columns import COLUMNS
from candidates.models import Candidate
from core.names import PERSON_NAME_MESSAGE, is_person_name
from registry.fields import organization_label
from registry.models import PositionKind

pytestmark = pytest.mark.django_db

MARKUP = "<script>alert(1)</script>"


@pytest.mark.parametrize(
    "name", ["Иванова", "Салтыков-Щедрин", "Д’Арк", "O'Connor", "Мамед оглы", "Ёлкина", "Jean-Luc"]
)
def test_names_people_have_pass(name):
    assert is_person_name(name)


@pytest.mark.parametrize(
    "text", [MARKUP, "Иванова2", "Анна!", "<b>Анна</b>", "Анна;DROP", "-", "  ", "Анна\u200b"]
)
def test_markup_digits_and_signs_do_not(text):
    assert not is_person_name(text)


def test_self_registration_refuses_markup_in_a_name_and_stores_nothing(client, municipality):
    response = client.post(
        reverse("candidates:applicant_register"),
        {
            "last_name": MARKUP,
            "first_name": "Ольга",
            "email": "olga@example.org",
            "phone": "+7 (3532) 44-55-66",
            "municipality": municipality.pk,
            "position_kind": PositionKind.objects.get(code="director-general").pk,
            "password1": "Tyomny-les-2031",
            "password2": "Tyomny-les-2031",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["last_name"] == [PERSON_NAME_MESSAGE]
    assert not User.objects.filter(email="olga@example.org").exists()
    assert MARKUP not in response.content.decode()  # shown escaped, never as markup


def test_staff_nomination_refuses_a_patronymic_with_digits(client, municipal_user, organization):
    client.force_login(municipal_user)

    response = client.post(
        reverse("candidates:nominate"),
        {
            "last_name": "Кузнецова",
            "first_name": "Мария",
            "middle_name": "Сергеевна2",
            "email": "m.k@example.org",
            "organization": organization_label(organization),
            "position": "Учитель",
            "position_kind": PositionKind.objects.get(code="director-general").pk,
            "source": "organization_head",
        },
    )

    assert response.context["form"].errors["middle_name"] == [PERSON_NAME_MESSAGE]
    assert not Candidate.objects.exists()


def test_the_account_service_refuses_a_name_with_markup():
    with pytest.raises(ValidationError) as refused:
        user_create(
            username="markup", password=None, role=Role.EXPERT, first_name=MARKUP, actor=None
        )

    assert PERSON_NAME_MESSAGE in refused.value.messages
    assert not User.objects.filter(username="markup").exists()


def test_a_spreadsheet_row_with_markup_in_a_name_is_an_error(client, municipal_user, organization):
    headers = [column.header for column in COLUMNS]
    values = {
        "Фамилия": MARKUP,
        "Имя": "Анна",
        "Email": "anna@example.org",
        "ИНН организации": organization.inn,
        "Должность": "Учитель",
        "Целевая должность": "Директор общеобразовательной организации",
        "Кто выдвинул": "руководитель организации",
    }
    workbook = Workbook()
    workbook.active.append(headers)
    workbook.active.append([values.get(header) for header in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(municipal_user)

    response = client.post(
        reverse("candidates:bulk_nominate"),
        {"file": SimpleUploadedFile("list.xlsx", buffer.getvalue())},
    )

    errors = [str(error) for error in response.context["plan"].errors]
    assert errors == [
        f"строка 2, столбец «Фамилия»: «{MARKUP}»: в имени допустимы только буквы, пробелы, "
        "дефис и апостроф"
    ]
    assert not Candidate.objects.exists()

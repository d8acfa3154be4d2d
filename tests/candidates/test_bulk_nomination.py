"""Mass nomination from a spreadsheet: template, preview, row errors, all-or-nothing, confirm."""

import datetime
import io

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from accounts.models import User
from candidates.bulk_nomination import COLUMNS
from candidates.models import Candidate, Nomination, NominationSource, NominationStatus
from tests.candidates.factories import PDF_BYTES, make_candidate, make_nomination
from tests.factories import UserFactory, letters

URL = reverse("candidates:bulk_nominate")
CONFIRM_URL = reverse("candidates:bulk_nominate_confirm")
TEMPLATE_URL = reverse("candidates:bulk_nominate_template")
HEADER = [column.header for column in COLUMNS]
DIRECTOR = "Директор общеобразовательной организации"
DEPUTY = "Заместитель директора общеобразовательной организации"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _person(organization, index: int = 1, **overrides) -> list:
    values = {
        "Фамилия": f"Иванова-{letters(index)}",
        "Имя": "Анна",
        "Отчество": "Петровна",
        "Email": f"ivanova{index}@example.org",
        "Телефон": "+7 (3532) 11-22-33",
        "Дата рождения": datetime.datetime(1984, 5, 17),
        "ИНН организации": int(organization.inn),  # Excel keeps the INN as a number
        "Должность": "Учитель математики",
        "Целевая должность": DIRECTOR,
        "Кто выдвинул": "руководитель организации",
    }
    values.update(overrides)
    return [values[header] for header in HEADER]


def _xlsx(rows: list[list], *, title_rows: int = 0) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    for _ in range(title_rows):
        sheet.append(["Список кандидатов для выдвижения в кадровый резерв"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("spisok.xlsx", buffer.getvalue())


def _upload(client, upload):
    return client.post(URL, {"file": upload})


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _pending_files(media) -> list:
    directory = media / "bulk_nominations"
    return list(directory.iterdir()) if directory.exists() else []


@pytest.mark.django_db
def test_it_sends_anonymous_visitors_to_login(client):
    for url in (URL, TEMPLATE_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response.url


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["candidate_user", "expert_user", "mentor_user"])
def test_it_is_not_found_for_those_who_do_not_nominate(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == 404
    assert client.get(TEMPLATE_URL).status_code == 404
    assert client.post(CONFIRM_URL, {"token": "0" * 32}).status_code == 404


@pytest.mark.django_db
def test_the_template_has_the_columns_and_the_allowed_values(client, municipal_user):
    client.force_login(municipal_user)

    response = client.get(TEMPLATE_URL)

    workbook = load_workbook(io.BytesIO(response.content))
    assert [cell.value for cell in workbook["Кандидаты"][1]] == [
        "Фамилия",
        "Имя",
        "Отчество",
        "Email",
        "Телефон",
        "Дата рождения",
        "ИНН организации",
        "Должность",
        "Целевая должность",
        "Кто выдвинул",
    ]
    lists = list(workbook["Справочники"].iter_rows(min_row=2, values_only=True))
    assert DIRECTOR in [kind for kind, _ in lists]
    assert "муниципальный орган" in [source for _, source in lists]


@pytest.mark.django_db
def test_the_filled_template_passes(client, municipal_user, organization, _media):
    client.force_login(municipal_user)
    template = load_workbook(io.BytesIO(client.get(TEMPLATE_URL).content))
    template["Кандидаты"].append(_person(organization))
    buffer = io.BytesIO()
    template.save(buffer)

    response = _upload(client, SimpleUploadedFile("shablon.xlsx", buffer.getvalue()))

    assert response.context["plan"].is_valid, response.context["plan"].errors


@pytest.mark.django_db
def test_a_good_file_is_previewed_then_created_on_confirm(
    client, municipal_user, organization, _media, django_capture_on_commit_callbacks
):
    client.force_login(municipal_user)
    upload = _xlsx(
        [
            _person(organization, 1),
            [None] * len(HEADER),  # a blank row in the middle is skipped
            _person(
                organization,
                2,
                **{
                    "Дата рождения": "03.11.1990",
                    "Целевая должность": DEPUTY.upper(),
                    "Кто выдвинул": "Муниципальный орган",
                    "ИНН организации": f" {organization.inn} ",
                },
            ),
        ],
        title_rows=2,
    )

    preview = _upload(client, upload)

    content = preview.content.decode()
    assert "Будет создано заявок: <strong>2</strong>" in content
    assert "ivanova2@example.org" in content
    assert not Nomination.objects.exists()
    assert len(_pending_files(_media)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONFIRM_URL, {"token": preview.context["token"]})

    assert response.status_code == 302
    assert "Создано заявок: 2" in " ".join(_messages(response))
    nominations = Nomination.objects.order_by("candidate__last_name")
    assert [
        (n.candidate.full_name, n.position_kind.name, n.source, n.status) for n in nominations
    ] == [
        ("Иванова-Б Анна Петровна", DIRECTOR, NominationSource.ORGANIZATION_HEAD, "draft"),
        ("Иванова-В Анна Петровна", DEPUTY, NominationSource.MUNICIPAL_AUTHORITY, "draft"),
    ]
    second = nominations[1].candidate
    assert second.birth_date == datetime.date(1990, 11, 3)
    assert (second.organization, second.municipality) == (organization, organization.municipality)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ivanova1@example.org",
        "ivanova2@example.org",
    ]
    assert all("/accounts/password/reset/" in message.body for message in mail.outbox)
    assert _pending_files(_media) == []


@pytest.mark.django_db
def test_every_row_error_is_reported_with_its_row_and_nothing_is_written(
    client, municipal_user, organization, _media
):
    client.force_login(municipal_user)
    upload = _xlsx(
        [
            _person(organization, 1),
            _person(organization, 2, **{"Целевая должность": "Завуч"}),
            _person(organization, 3, Email="не-почта"),
            _person(organization, 4, **{"Дата рождения": "31.02.1985"}),
            _person(organization, 5, Email="ivanova1@example.org"),
            _person(organization, 6, Фамилия=None),
            _person(organization, 7, **{"ИНН организации": "5610000001"}),
            _person(organization, 8, **{"Кто выдвинул": "сосед"}),
        ],
        title_rows=1,
    )

    response = _upload(client, upload)

    errors = [str(error) for error in response.context["plan"].errors]
    # The title is row 1 and the header row 2, so the first person is on row 3.
    assert errors[0].startswith(
        "строка 4, столбец «Целевая должность»: неизвестная должность «Завуч»"
    )
    assert "строка 5, столбец «Email»: неверный адрес электронной почты «не-почта»" in errors
    assert "строка 6, столбец «Дата рождения»: даты 31.02.1985 не существует" in errors
    assert "строка 7, столбец «Email»: этот email уже указан в строке 3" in errors
    assert "строка 8, столбец «Фамилия»: не заполнено" in errors
    assert any(error.startswith("строка 9, столбец «ИНН организации»:") for error in errors)
    assert any(error.startswith("строка 10, столбец «Кто выдвинул»:") for error in errors)
    assert len(errors) == 7
    content = response.content.decode()
    assert "Список не принят" in content
    assert "строка 8, столбец «Фамилия»: не заполнено" in content
    assert not Nomination.objects.exists()
    assert not Candidate.objects.exists()
    assert _pending_files(_media) == []
    assert "token" not in response.context


@pytest.mark.django_db
def test_a_coordinator_cannot_name_another_municipalitys_organization(
    client, municipal_user, ministry_user, organization, other_organization
):
    upload = _xlsx([_person(organization, 1), _person(other_organization, 2)])
    client.force_login(municipal_user)

    errors = [str(error) for error in _upload(client, upload).context["plan"].errors]

    assert len(errors) == 1
    assert errors[0].startswith("строка 3, столбец «ИНН организации»: организация")
    assert "в другом муниципальном образовании (город Орск)" in errors[0]

    upload.seek(0)
    client.force_login(ministry_user)
    assert _upload(client, upload).context["plan"].is_valid


@pytest.mark.django_db
def test_an_existing_open_nomination_of_the_person_is_an_error(
    client, municipal_user, organization
):
    existing = make_nomination(status=NominationStatus.SUBMITTED, documents=False)
    client.force_login(municipal_user)

    response = _upload(client, _xlsx([_person(organization, 1, Email=existing.candidate.email)]))

    errors = [str(error) for error in response.context["plan"].errors]
    assert len(errors) == 1
    assert errors[0].startswith("строка 2, столбец «Целевая должность»: у кандидата")
    assert "уже есть незавершённая заявка" in errors[0]


@pytest.mark.django_db
def test_an_existing_candidate_gets_a_new_nomination_for_another_post(
    client, municipal_user, organization
):
    candidate = make_candidate()
    make_nomination(candidate=candidate, status=NominationStatus.SUBMITTED, documents=False)
    client.force_login(municipal_user)
    row = _person(organization, 1, Email=candidate.email, **{"Целевая должность": DEPUTY})

    preview = _upload(client, _xlsx([row]))
    assert "уже есть" in preview.content.decode()
    client.post(CONFIRM_URL, {"token": preview.context["token"]})

    assert candidate.nominations.count() == 2
    assert Candidate.objects.count() == 1


@pytest.mark.django_db
def test_a_staff_members_email_is_an_error(client, municipal_user, organization, ministry_user):
    client.force_login(municipal_user)

    response = _upload(client, _xlsx([_person(organization, 1, Email=ministry_user.email)]))

    assert [str(error) for error in response.context["plan"].errors] == [
        "строка 2, столбец «Email»: этот email нельзя указать при выдвижении. Уточните адрес у "
        "кандидата; если он уже пользуется порталом, он может подать заявку сам, или обратитесь "
        "в министерство."
    ]


@pytest.mark.django_db
def test_a_second_confirm_creates_nothing_more(client, municipal_user, organization, _media):
    client.force_login(municipal_user)
    preview = _upload(client, _xlsx([_person(organization, 1)]))
    token = preview.context["token"]
    client.post(CONFIRM_URL, {"token": token})

    response = client.post(CONFIRM_URL, {"token": token})

    assert Nomination.objects.count() == 1
    assert "уже обработан" in " ".join(_messages(response))
    assert _pending_files(_media) == []


@pytest.mark.django_db
def test_a_token_from_another_session_is_refused(
    client, municipal_user, organization, _media, django_user_model
):
    client.force_login(municipal_user)
    token = _upload(client, _xlsx([_person(organization, 1)])).context["token"]
    other = UserFactory(role="municipal", municipality=organization.municipality)
    client.force_login(other)

    response = client.post(CONFIRM_URL, {"token": token})

    assert not Nomination.objects.exists()
    assert "уже обработан или его просмотр устарел" in " ".join(_messages(response))


@pytest.mark.django_db
def test_if_the_data_changed_since_the_preview_nothing_is_created(
    client, municipal_user, organization
):
    client.force_login(municipal_user)
    preview = _upload(client, _xlsx([_person(organization, 1), _person(organization, 2)]))
    # Meanwhile the second person gets an account some other way.
    UserFactory(email="ivanova2@example.org", role="candidate")

    response = client.post(CONFIRM_URL, {"token": preview.context["token"]})

    assert response.status_code == 200
    assert "строка 3, столбец «Email»" in response.content.decode()
    assert not Nomination.objects.exists()
    assert not User.objects.filter(email="ivanova1@example.org").exists()


@pytest.mark.django_db
def test_cancel_removes_the_upload(client, municipal_user, organization, _media):
    client.force_login(municipal_user)
    token = _upload(client, _xlsx([_person(organization, 1)])).context["token"]

    client.post(CONFIRM_URL, {"token": token, "cancel": "1"})

    assert _pending_files(_media) == []
    assert client.post(CONFIRM_URL, {"token": token}).status_code == 302
    assert not Nomination.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF_BYTES, "не похож на таблицу (PDF-документ)"),
        (b"", "пуст"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(
    client, municipal_user, content, expected, _media
):
    client.force_login(municipal_user)

    response = _upload(client, SimpleUploadedFile("spisok.xlsx", content))

    text = response.content.decode()
    assert expected in text
    assert not Nomination.objects.exists()
    assert _pending_files(_media) == []


@pytest.mark.django_db
def test_a_spreadsheet_without_the_header_is_refused(client, municipal_user):
    client.force_login(municipal_user)
    workbook = Workbook()
    workbook.active.append(["ФИО", "Школа"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    response = _upload(client, SimpleUploadedFile("other.xlsx", buffer.getvalue()))

    assert "не найдена строка заголовков" in response.content.decode()

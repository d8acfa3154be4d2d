"""The comprehensive programme: its page for everyone signed in and its .docx from the data."""

import io

import pytest
from django.urls import reverse
from docx import Document

from development.models import ProgrammeModule
from development.programme.selectors import TITLE

URL = "/development/programme/"


def _document_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


@pytest.mark.parametrize(
    "persona", ["ministry_user", "municipal_user", "candidate_user", "mentor_user", "admin_user"]
)
def test_everyone_signed_in_reads_the_programme(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Итоговый управленческий проект" in page
    assert "1-й год пребывания в резерве" in page


def test_anonymous_users_are_sent_to_sign_in(client):
    assert "/accounts/login/" in client.get(reverse("development:programme_download")).url


def test_the_page_totals_the_hours_of_each_year_from_the_modules(client, ministry_user):
    client.force_login(ministry_user)

    programme = client.get(URL).context["programme"]

    common = ProgrammeModule.objects.filter(position_kinds__isnull=True)
    for year in programme.years:
        expected = sum(common.filter(year=year.year).values_list("hours", flat=True))
        assert year.hours == expected
    assert programme.hours == sum(common.values_list("hours", flat=True))


def test_the_document_carries_the_title_and_every_modules_hours(client, candidate_user):
    module = ProgrammeModule.objects.get(
        title="Правовые основы, финансы и закупки в образовательной организации"
    )
    module.hours = 77  # an unusual number, so it can only come from the data
    module.save()
    client.force_login(candidate_user)

    response = client.get(reverse("development:programme_download"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    text = _document_text(response.content)
    assert TITLE in text
    rows = [line for line in text.splitlines() if " | " in line]
    common = ProgrammeModule.objects.filter(position_kinds__isnull=True)
    for item in common:
        assert any(f"| {item.title} | {item.hours} |" in row for row in rows), item.title
    for item in ProgrammeModule.objects.filter(position_kinds__isnull=False).distinct():
        assert f"{item.title} ({item.hours} час" in text, item.title  # in a track's row
    assert any("Правовые основы, финансы и закупки" in row and "| 77 |" in row for row in rows)
    year_one = sum(common.filter(year=1).values_list("hours", flat=True))
    assert f"Итого за год | {year_one} |" in text
    total = sum(common.values_list("hours", flat=True))
    assert f"общим объёмом {total} час" in text
    for section in (
        "УТВЕРЖДЕНА",
        "Паспорт программы",
        "Нормативные правовые основания",
        "Цель и задачи",
        "Целевая группа",
        "Сроки и этапы реализации",
        "Треки по должностям",
        "Формы сопровождения",
        "Карьерная траектория резервиста",
        "Этап адаптации после назначения",
        "Ответственные исполнители и партнёры",
        "Ресурсное обеспечение",
        "Управление и контроль реализации программы",
        "Ожидаемые результаты",
        "Показатели реализации",
    ):
        assert section in text, section


def test_the_document_counts_the_competency_hours_from_the_modules(client, ministry_user):
    client.force_login(ministry_user)

    text = _document_text(client.get(reverse("development:programme_download")).content)

    finance = sum(
        ProgrammeModule.objects.filter(
            competencies__code="K05", position_kinds__isnull=True
        ).values_list("hours", flat=True)
    )
    assert any(
        line.startswith("K05.") and line.endswith(f"| {finance}") for line in text.splitlines()
    )


def test_an_expert_reads_it_too_but_cannot_edit(client, expert_user):
    client.force_login(expert_user)

    response = client.get(URL)

    assert response.status_code == 200
    assert "Изменить модули" not in response.content.decode()


def test_the_document_names_its_executors_partners_and_resources(client, ministry_user):
    client.force_login(ministry_user)

    text = _document_text(client.get(reverse("development:programme_download")).content)

    for name in ("ИРО", "ОГПУ", "ЦНППМ", "Министерство образования Оренбургской области"):
        assert name in text, name
    assert "«Институт развития образования Оренбургской области»" in text
    assert "Оренбургский государственный педагогический университет" in text
    for kind in ("Кадровое обеспечение", "Финансовое обеспечение", "Методическое обеспечение"):
        assert kind in text, kind
    assert "приказом Минтруда России от 19.04.2021 № 250н" in text
    assert "часть 4 статьи 51 Федерального закона № 273-ФЗ" in text  # attestation of heads
    assert "от «___» ____________ 20___ г. № _______" in text  # signed on paper, filled in later


@pytest.mark.parametrize(
    ("post", "expected", "absent"),
    [
        (
            "deputy-preschool",
            [
                "Управление дошкольной образовательной организацией",
                "Заместитель руководителя: образовательный процесс и методическая работа",
                "Переход от заместителя к руководителю",
            ],
            ["Управление профессиональной образовательной организацией"],
        ),
        (
            "director-vocational",
            ["Управление профессиональной образовательной организацией"],
            ["Переход от заместителя к руководителю", "Муниципальное управление образованием"],
        ),
        ("head-municipal-authority", ["Муниципальное управление образованием"], []),
    ],
)
def test_the_track_of_a_post_adds_its_own_modules(client, candidate_user, post, expected, absent):
    client.force_login(candidate_user)

    response = client.get(URL, {"track": post})

    track = response.context["track"]
    titles = [row.module.title for row in track.modules]
    assert track.post.code == post
    for title in expected:
        assert title in titles
    for title in absent:
        assert title not in titles
    assert track.hours == response.context["programme"].hours + sum(r.hours for r in track.modules)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("post", "module"),
    [
        ("deputy-preschool", "Управление дошкольной образовательной организацией"),
        ("director-vocational", "Управление профессиональной образовательной организацией"),
    ],
)
def test_a_reservist_first_sees_the_track_of_their_own_post(client, post, module):
    from tests.development.plans_factories import make_reservist

    membership = make_reservist(position_code=post)
    client.force_login(membership.candidate.user)

    own = client.get(URL)
    every = client.get(URL, {"track": ""})

    assert own.context["track"].post.code == post and own.context["own_track"]
    assert module in [row.module.title for row in own.context["track"].modules]
    assert "Показан трек вашей должности резерва" in own.content.decode()
    assert every.context["track"] is None and not every.context["own_track"]


def test_staff_see_every_track_until_they_choose_one(client, ministry_user):
    client.force_login(ministry_user)

    response = client.get(URL)

    assert response.context["track"] is None
    assert "Показан трек вашей должности резерва" not in response.content.decode()

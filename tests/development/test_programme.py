"""The comprehensive programme: its page for everyone signed in and its .docx from the data."""

import io

import pytest
from django.urls import reverse
from docx import Document

from development.catalogue.selectors import TITLE
from development.models import ProgrammeModule

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

    for year in programme.years:
        expected = sum(
            ProgrammeModule.objects.filter(year=year.year).values_list("hours", flat=True)
        )
        assert year.hours == expected
    assert programme.hours == sum(ProgrammeModule.objects.values_list("hours", flat=True))


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
    for item in ProgrammeModule.objects.all():
        assert any(f"| {item.title} | {item.hours} |" in row for row in rows), item.title
    assert any("Правовые основы, финансы и закупки" in row and "| 77 |" in row for row in rows)
    year_one = sum(ProgrammeModule.objects.filter(year=1).values_list("hours", flat=True))
    assert f"Итого за год | {year_one} |" in text
    total = sum(ProgrammeModule.objects.values_list("hours", flat=True))
    assert f"общим объёмом {total} час" in text
    for section in (
        "Цель и задачи",
        "Целевая группа",
        "Формы сопровождения",
        "Ожидаемые результаты",
        "Показатели реализации",
    ):
        assert section in text


def test_the_document_counts_the_competency_hours_from_the_modules(client, ministry_user):
    client.force_login(ministry_user)

    text = _document_text(client.get(reverse("development:programme_download")).content)

    finance = sum(
        ProgrammeModule.objects.filter(competencies__code="K05").values_list("hours", flat=True)
    )
    assert any(
        line.startswith("K05.") and line.endswith(f"| {finance}") for line in text.splitlines()
    )


def test_an_expert_reads_it_too_but_cannot_edit(client, expert_user):
    client.force_login(expert_user)

    response = client.get(URL)

    assert response.status_code == 200
    assert "Изменить модули" not in response.content.decode()

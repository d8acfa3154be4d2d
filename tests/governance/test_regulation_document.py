"""The Regulation document is generated from a version: change the version, the text follows."""

import io

import docx
import pytest
from django.urls import reverse

from governance.documents import regulation_document
from governance.models import RegulationVersion
from governance.regulation import DEFAULT_PARAMETERS
from governance.selectors import regulation_version_in_force
from governance.services import regulation_version_create

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def test_the_document_has_every_section_and_number_of_the_version():
    text = _text(regulation_document(regulation_version_in_force()))

    assert (
        "о системе работы с кадровым резервом руководителей образовательных организаций "
        "Оренбургской области" in text
    )
    for heading in [
        "1. Общие положения",
        "2. Выдвижение кандидатов",
        "3. Квалификационные требования",
        "4. Отбор и оценка кандидатов",
        "5. Комиссия",
        "6. Включение в резерв и срок пребывания",
        "7. Развитие резервистов",
        "8. Назначение на должность",
        "9. Исключение из резерва",
        "10. Отчётность",
    ]:
        assert heading in text
    assert "Срок пребывания в кадровом резерве — 3 года." in text
    assert "продлён решением комиссии на 1 год, но не более 2 раз." in text
    assert "«оперативный» — готов к назначению на должность в течение года" in text
    assert "«готов через 1–2 года»" in text
    assert "Рекомендация (представление)" in text
    assert "личное заявление" in text
    assert "стаж работы на педагогических должностях не менее 5 лет" in text
    assert "объёмом не менее 250 часов" in text
    assert "Заместитель директора общеобразовательной организации" in text
    assert "не менее 50 % членов комиссии" in text
    assert "итоговый балл не ниже 60." in text
    assert "Тест профессиональных знаний\n20" in text
    assert "Отказ 2 раза и более" in text
    assert "до 1 июля и до 10 декабря" in text


def test_a_new_version_changes_the_document(ministry_user):
    before = _text(regulation_document(regulation_version_in_force()))
    parameters = {
        **DEFAULT_PARAMETERS,
        "reserve_term_years": 5,
        "commission_quorum_percent": 67,
        "reporting_dates": [[6, 15], [12, 1]],
        "required_documents": ["application", "questionnaire", "diploma", "consent"],
    }
    regulation_version_create(author=ministry_user, parameters=parameters, reason="Приказ № 7")

    after = _text(regulation_document(regulation_version_in_force()))

    assert "Срок пребывания в кадровом резерве — 3 года." in before
    assert "Срок пребывания в кадровом резерве — 5 лет." in after
    assert "3 года." not in after.split("Срок пребывания в кадровом резерве — ")[1][:10]
    assert "не менее 67 % членов комиссии" in after
    assert "до 15 июня и до 1 декабря" in after
    assert "Рекомендация (представление)" in before
    assert "Рекомендация (представление)" not in after


def test_the_document_of_each_version_is_downloadable(client, municipal_user, ministry_user):
    regulation_version_create(
        author=ministry_user,
        parameters={**DEFAULT_PARAMETERS, "reserve_term_years": 5},
        reason="Приказ № 7",
    )
    client.force_login(municipal_user)

    current = client.get(reverse("governance:document"))
    first = client.get(reverse("governance:version_document", args=[1]))

    assert current.status_code == first.status_code == 200
    assert current["Content-Disposition"] == (
        'attachment; filename="polozhenie-kadrovy-rezerv-red-2.docx"'
    )
    assert "— 5 лет." in _text(current.content)
    assert "— 3 года." in _text(first.content)
    assert client.get(reverse("governance:version_document", args=[99])).status_code == 404
    assert RegulationVersion.objects.count() == 2

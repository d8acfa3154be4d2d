"""The Regulation document is generated from a version: change the version, the text follows."""

import datetime
import io

import docx
import pytest
from django.urls import reverse

from governance.documents import regulation_document
from governance.models import OrderKind, RegulationVersion
from governance.orders import order_create
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
    assert text.startswith("УТВЕРЖДЕНО\nприказом министерства образования")
    for heading in [
        "1. Общие положения",
        "2. Цели и задачи формирования резерва",
        "3. Основные понятия",
        "4. Выдвижение кандидатов",
        "5. Требования к кандидатам",
        "6. Комплексная оценка кандидатов",
        "7. Комиссия",
        "8. Включение в резерв и срок пребывания в резерве",
        "9. Права и обязанности резервиста",
        "10. Развитие резервистов",
        "11. Назначение на должность",
        "12. Исключение из резерва",
        "13. Обжалование результатов оценки и решений комиссии",
        "14. Отчётность",
        "15. Персональные данные",
        "16. Заключительные положения",
    ]:
        assert heading in text
    for act in ["статьями 331 и 351.1", "частью 4 статьи 51", "№ 761н", "№ 250н", "№ 152-ФЗ"]:
        assert act in text
    assert "от 08.09.2023 № 01-21/1458" in text
    assert "Срок пребывания в кадровом резерве — 3 года." in text
    assert "продлён решением комиссии на 1 год, но не более двух раз." in text
    assert "Срок исчисляется со дня издания приказа министерства о включении в резерв." in text
    assert "«оперативный» — готов к назначению на должность в течение года" in text
    assert "категория «оперативный» устанавливается при уровне готовности «готов сейчас», " in text
    assert "— рекомендация (представление);" in text  # lists in lower case
    assert "— справка о наличии (отсутствии) судимости;" in text
    assert "стаж работы на педагогических должностях не менее 5 лет" in text
    assert "вариант 3 (профессиональный стандарт (приказ Минтруда России" in text
    assert "не менее 250 часов (пункт 12 Порядка" in text
    assert "«заместитель директора общеобразовательной организации»" in text
    assert "присутствует не менее половины членов комиссии" in text
    assert "решающим является голос председательствующего" in text
    assert "итоговый балл не ниже 60." in text
    assert "— тест профессиональных знаний — 20 %;" in text
    assert "Отказ два раза и более" in text
    assert "до 1 июля и до 10 декабря" in text
    assert "в течение 10 рабочих дней со дня ознакомления" in text
    # One term throughout: the individual route is «ИОМ», never «индивидуальный план».
    assert "индивидуальный план" not in text.split("Приложение 1")[0]
    for number in range(1, 7):
        assert f"Приложение {number}" in text


def test_the_approval_block_names_the_order_once_recorded(ministry_user):
    version = regulation_version_in_force()
    version.approval_order = order_create(
        number="01-21/900",
        date=datetime.date(2026, 8, 25),
        kind=OrderKind.REGULATION,
        signatory_name="Соколова Т. В.",
        signatory_post="Министр образования Оренбургской области",
        actor=ministry_user,
    )
    version.save(update_fields=["approval_order"])

    text = _text(regulation_document(version))

    assert "Оренбургской области\nот 25.08.2026 № 01-21/900\nПОЛОЖЕНИЕ" in text


def test_a_new_version_changes_the_document(ministry_user):
    before = _text(regulation_document(regulation_version_in_force()))
    parameters = {
        **DEFAULT_PARAMETERS,
        "reserve_term_years": 5,
        "commission_quorum_percent": 60,
        "reporting_dates": [[6, 15], [12, 1]],
        "required_documents": ["application", "questionnaire", "diploma", "consent"],
    }
    regulation_version_create(author=ministry_user, parameters=parameters, reason="Приказ № 7")

    after = _text(regulation_document(regulation_version_in_force()))

    assert "Срок пребывания в кадровом резерве — 3 года." in before
    assert "Срок пребывания в кадровом резерве — 5 лет." in after
    assert "3 года." not in after.split("Срок пребывания в кадровом резерве — ")[1][:10]
    assert "не менее 60 % членов комиссии" in after
    assert "до 15 июня и до 1 декабря" in after
    assert "рекомендация (представление)" in before
    assert "рекомендация (представление)" not in after


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

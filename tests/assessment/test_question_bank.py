"""Test-bank import from Excel: template, preview, row-level errors, all-or-nothing."""

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from assessment.framework.question_bank import TEMPLATE_HEADERS
from assessment.models import Choice, InstrumentKind, Question
from audit.models import AuditEvent
from tests.assessment.factories import seeded_instrument

pytestmark = pytest.mark.django_db
URL = "/assessment/staff/bank/"


def _xlsx(rows, *, title_rows=(), headers=TEMPLATE_HEADERS) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    for row in title_rows:
        sheet.append(row)
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "bank.xlsx"
    return buffer


SOURCE = "Трудовой кодекс Российской Федерации, ч. 5 ст. 334 (ред. на 01.01.2025)"


def _row(
    code="K03",
    text="Сколько дней длится отпуск учителя?",
    kind="один",
    options=None,
    correct="2",
    section=None,
    source=SOURCE,
):
    options = options if options is not None else ["28", "56", "42"]
    return (code, text, kind, *options, *[None] * (6 - len(options)), correct, section, source)


GOOD = [
    _row(),
    _row(
        code="k07",
        text="Какие сведения относятся к персональным данным?",
        kind="несколько",
        options=["ФИО", "Номер кабинета", "Адрес"],
        correct="1; 3",
    ),
    # «1,3» typed into a Russian Excel becomes the number 1.3.
    _row(
        code="K09",
        text="Что входит в паспорт проекта?",
        kind="несколько",
        options=["Цель", "Меню столовой", "Сроки"],
        correct=1.3,
    ),
]


@pytest.fixture
def test_instrument():
    return seeded_instrument(InstrumentKind.KNOWLEDGE_TEST)


def _upload(client, instrument, buffer):
    return client.post(URL, {"instrument": instrument.pk, "file": buffer})


def test_a_good_file_is_previewed_then_imported(client, ministry_user, test_instrument):
    client.force_login(ministry_user)
    before = Question.objects.count()
    reply = _upload(client, test_instrument, _xlsx(GOOD, title_rows=[("Банк вопросов, 2026",), ()]))
    assert reply.status_code == 200
    page = reply.content.decode()
    assert "ошибок нет, вопросов 3" in page
    assert Question.objects.count() == before  # nothing is written by the preview
    reply = client.post(reverse("assessment:bank_import_confirm"), follow=True)
    assert "добавлено вопросов: 3" in reply.content.decode()
    assert Question.objects.count() == before + 3
    multiple = Question.objects.get(text="Какие сведения относятся к персональным данным?")
    assert multiple.kind == "multiple"
    assert multiple.competency.code == "K07"
    assert [(c.text, c.is_correct) for c in multiple.choices.all()] == [
        ("ФИО", True),
        ("Номер кабинета", False),
        ("Адрес", True),
    ]
    number_typed = Question.objects.get(text="Что входит в паспорт проекта?")
    assert list(number_typed.choices.filter(is_correct=True).values_list("text", flat=True)) == [
        "Цель",
        "Сроки",
    ]
    assert AuditEvent.objects.filter(action="assessment.question_bank.import").count() == 1
    # A second confirm has nothing left to write.
    reply = client.post(reverse("assessment:bank_import_confirm"), follow=True)
    assert "Нечего загружать" in reply.content.decode()
    assert Question.objects.count() == before + 3


def test_bad_rows_are_listed_and_nothing_is_written(client, ministry_user, test_instrument):
    client.force_login(ministry_user)
    before = (Question.objects.count(), Choice.objects.count())
    rows = [
        _row(),  # good, but the file is refused as a whole
        _row(code="K99", text="Вопрос 1"),
        _row(text="Вопрос 2", kind="любой"),
        _row(text="Вопрос 3", correct="1,2"),
        _row(text="Вопрос 4", options=["Только один"], correct="1"),
        _row(text="Вопрос 5", correct="5"),
        _row(text="Вопрос 6", correct="первый"),
        _row(),  # repeats row 2
        _row(
            code="K05",
            text="Сколько действует лицензия на осуществление образовательной деятельности?",
        ),  # already in the bank
    ]
    reply = _upload(client, test_instrument, _xlsx(rows))
    assert reply.status_code == 400
    page = reply.content.decode()
    assert "Ничего не загружено" in page
    for expected in [
        "строка 3, столбец «Компетенция»: компетенции с кодом «K99» нет среди компетенций",
        "строка 4, столбец «Тип»: укажите «один» или «несколько», а не «любой»",
        "строка 5, столбец «Верные»: у вопроса типа «один» должен быть ровно один верный вариант",
        "строка 6, столбец «Вариант 1»: нужно не меньше двух вариантов ответа",
        "строка 7, столбец «Верные»: нет варианта с номером 5",
        "строка 8, столбец «Верные»: укажите номера верных вариантов",
        "строка 9, столбец «Вопрос»: вопрос повторяет строку 2",
        "строка 10, столбец «Вопрос»: такой вопрос уже есть в банке",
    ]:
        assert expected in page, expected
    assert "Загрузить вопросы:" not in page
    reply = client.post(reverse("assessment:bank_import_confirm"), follow=True)
    assert "Нечего загружать" in reply.content.decode()
    assert (Question.objects.count(), Choice.objects.count()) == before


def test_a_file_that_is_not_a_spreadsheet_is_refused(client, ministry_user, test_instrument):
    client.force_login(ministry_user)
    fake = io.BytesIO(b"%PDF-1.4 not a table")
    fake.name = "bank.xlsx"
    reply = _upload(client, test_instrument, fake)
    assert reply.status_code == 400
    assert "Файл не принят" in reply.content.decode()
    assert "PDF" in reply.content.decode()


def test_a_file_without_the_header_is_refused(client, ministry_user, test_instrument):
    client.force_login(ministry_user)
    reply = _upload(client, test_instrument, _xlsx(GOOD, headers=("Код", "Текст")))
    assert reply.status_code == 400
    assert "не найдена строка заголовков банка вопросов" in reply.content.decode()


def test_the_template_downloads_and_imports_as_is(client, ministry_user, test_instrument):
    client.force_login(ministry_user)
    reply = client.get(reverse("assessment:bank_template"))
    assert reply.status_code == 200
    workbook = load_workbook(io.BytesIO(reply.content))
    assert tuple(cell.value for cell in workbook["Вопросы"][1]) == TEMPLATE_HEADERS
    assert workbook["Компетенции"]["A2"].value == "K01"
    buffer = io.BytesIO(reply.content)
    buffer.name = "template.xlsx"
    page = _upload(client, test_instrument, buffer).content.decode()
    assert "ошибок нет, вопросов 2" in page


def test_the_bank_page_counts_questions_by_competency_and_section(client, ministry_user):
    client.force_login(ministry_user)
    page = client.get(URL).content.decode()
    # The seed's six and the anti-corruption questions (two, and the gift question).
    assert "K05. Финансы, право и закупки</td>\n                <td>9</td>" in page
    assert "Дошкольная образовательная организация</td><td>6</td>" in page
    assert "Муниципальный орган управления образованием</td><td>5</td>" in page
    # Staff see where each right answer comes from.
    assert "ч. 1 ст. 13.3" in page
    assert "Hersey P., Blanchard K. H." in page


def test_a_row_names_its_section_and_must_name_its_source(client, ministry_user, test_instrument):
    client.force_login(ministry_user)
    rows = [
        _row(text="Вопрос для детского сада", section="детский сад"),
        _row(text="Вопрос без источника", source=None),
        _row(text="Вопрос неизвестного раздела", section="вуз"),
    ]

    page = _upload(client, test_instrument, _xlsx(rows)).content.decode()

    assert "строка 3, столбец «Источник»: укажите источник" in page
    assert "строка 4, столбец «Раздел»: раздела «вуз» нет" in page
    assert "строка 2" not in page

    _upload(client, test_instrument, _xlsx(rows[:1]))
    client.post(reverse("assessment:bank_import_confirm"))
    question = Question.objects.get(text="Вопрос для детского сада")
    assert (question.section, question.source) == ("preschool", SOURCE)


@pytest.mark.parametrize("persona", ["municipal_user", "candidate_user", "expert_user"])
def test_only_the_ministry_manages_the_bank(client, persona, request, test_instrument):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 404
    assert client.get(reverse("assessment:bank_template")).status_code == 404
    assert _upload(client, test_instrument, _xlsx(GOOD)).status_code == 404
    assert client.post(reverse("assessment:bank_import_confirm")).status_code == 404


def test_anonymous_users_are_sent_to_login(client):
    reply = client.get(URL)
    assert reply.status_code == 302
    assert reply["Location"].startswith(reverse("accounts:login"))

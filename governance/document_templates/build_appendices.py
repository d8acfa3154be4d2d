"""The appendices of the Положение: the forms a candidate, a nominator and a reservist fill in."""

from docx.enum.text import WD_BREAK
from docx.shared import Cm

from core.docx import add_table
from governance.document_templates.layout import centered, heading, right, text

BLANK = "_" * 60
SHORT_BLANK = "_" * 25


def _new_page(document, number: int, title: str) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    right(document, f"Приложение {number}")
    right(document, "к Положению о системе работы с кадровым")
    right(document, "резервом руководителей образовательных")
    right(document, "организаций Оренбургской области")
    heading(document, title)


def _addressee(document, lines: list[str]) -> None:
    for line in lines:
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.left_indent = Cm(9)


def _signature_line(document, who: str = "подпись") -> None:
    text(document, f"«___» __________ 20__ г.\t\t{SHORT_BLANK} / {SHORT_BLANK}", indent=False)
    text(document, f"\t\t\t\t\t\t({who})\t\t(расшифровка)", indent=False)


def _application(document) -> None:
    _new_page(document, 1, "Заявление о включении в кадровый резерв")
    _addressee(
        document,
        ["Министру образования", "Оренбургской области", f"от {SHORT_BLANK}", "(ФИО полностью)"],
    )
    centered(document, "ЗАЯВЛЕНИЕ", bold=True)
    text(
        document,
        "Прошу включить меня в кадровый резерв руководителей образовательных организаций "
        f"Оренбургской области на должность {BLANK}.",
    )
    text(
        document,
        "С Положением о системе работы с кадровым резервом ознакомлен(а). Подтверждаю, что "
        "ограничений для занятия педагогической деятельностью, установленных статьями 331 и "
        "351.1 Трудового кодекса Российской Федерации, не имею.",
    )
    _signature_line(document)


def _questionnaire(document) -> None:
    _new_page(document, 2, "Анкета кандидата в кадровый резерв")
    add_table(
        document,
        ["Сведения", "Содержание"],
        [
            ("Фамилия, имя, отчество", ""),
            ("Дата рождения", ""),
            ("Контактный телефон, адрес электронной почты", ""),
            ("Образование (уровень, направление подготовки, организация, год окончания)", ""),
            ("Дополнительное профессиональное образование (программа, объём, год)", ""),
            ("Трудовая деятельность (периоды, организации, должности)", ""),
            ("Место работы и должность в настоящее время", ""),
            ("Должность, на которую претендует кандидат", ""),
        ],
        widths_cm=[8, 8.5],
    )
    _signature_line(document)


def _recommendation(document) -> None:
    _new_page(document, 3, "Представление кандидата в кадровый резерв")
    text(
        document,
        f"{BLANK} (наименование органа или организации) представляет кандидатуру "
        f"{BLANK} (ФИО, место работы, должность) для включения в кадровый резерв на "
        f"должность {BLANK}.",
    )
    text(document, f"Характеристика профессиональных и управленческих качеств: {BLANK}{BLANK}")
    text(document, f"Основные достижения за последние три года: {BLANK}{BLANK}")
    _signature_line(document, "подпись руководителя")


def _consent(document) -> None:
    _new_page(document, 4, "Согласие на обработку персональных данных")
    text(document, "{{ consent_text }}")
    _signature_line(document)


def _plan(document) -> None:
    _new_page(document, 5, "Индивидуальный образовательный маршрут резервиста")
    text(document, f"Резервист: {BLANK}", indent=False)
    text(document, f"Должность, на которую сформирован резерв: {BLANK}", indent=False)
    text(document, f"Наставник: {BLANK}", indent=False)
    add_table(
        document,
        [
            "№ п/п",
            "Компетенция (дефицит)",
            "Мероприятие",
            "Срок",
            "Подтверждение выполнения и применения в практике",
        ],
        [("1", "", "", "", ""), ("2", "", "", "", "")],
        widths_cm=[1.2, 4, 4.5, 2.3, 4.5],
    )
    text(document, "Согласовано: резервист ____________  наставник ____________", indent=False)


def _report(document) -> None:
    _new_page(
        document, 6, "Отчёт резервиста о выполнении индивидуального образовательного маршрута"
    )
    text(document, f"Резервист: {BLANK}", indent=False)
    text(
        document,
        "Отчётный период: с «___» ________ 20__ г. по «___» ________ 20__ г.",
        indent=False,
    )
    add_table(
        document,
        ["№ п/п", "Мероприятие ИОМ", "Результат", "Применение в практике"],
        [("1", "", "", ""), ("2", "", "", "")],
        widths_cm=[1.2, 5, 5, 5.3],
    )
    text(document, f"Изменения места работы, должности, персональных данных: {BLANK}")
    _signature_line(document)


def appendices(document) -> None:
    """Add the six forms, each on its own page."""
    for form in (_application, _questionnaire, _recommendation, _consent, _plan, _report):
        form(document)

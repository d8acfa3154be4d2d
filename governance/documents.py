"""The Regulation document (.docx), every number and list taken from one version."""

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from core.docx import (
    add_centered,
    add_heading,
    add_right,
    add_table,
    add_text,
    new_document,
    to_bytes,
)
from governance import wording
from governance.models import RegulationVersion
from governance.regulation import Regulation, parse_regulation
from registry.models import PositionKind

SUBTITLE = (
    "о системе работы с кадровым резервом руководителей образовательных организаций "
    "Оренбургской области"
)
TITLE = f"Положение {SUBTITLE}"


class _Numbered:
    """Writes the numbered clauses of one section: 3.1., 3.2., …"""

    def __init__(self, document: DocxDocument, section: int, title: str) -> None:
        self.document = document
        self.section = section
        self.clause = 0
        add_heading(document, f"{section}. {title}")

    def __call__(self, text: str) -> None:
        self.clause += 1
        add_text(self.document, text, bold_prefix=f"{self.section}.{self.clause}. ")

    def item(self, text: str) -> None:
        # Left-aligned: a justified short list line stretches its words across the page.
        add_text(self.document, text, align=WD_ALIGN_PARAGRAPH.LEFT)


def _position_names(regulation: Regulation) -> dict[str, str]:
    codes = {code for rule in regulation.eligibility for code in rule.position_kinds}
    return dict(PositionKind.objects.filter(code__in=codes).values_list("code", "name"))


def _bullets(clause: _Numbered, lines: list[str]) -> None:
    for index, line in enumerate(lines):
        ending = ";" if index < len(lines) - 1 else "."
        clause.item(f"— {line}{ending}")


def _general(document, regulation: Regulation, positions: dict[str, str]) -> None:
    section = _Numbered(document, 1, "Общие положения")
    section(
        "Настоящее Положение определяет порядок формирования кадрового резерва руководителей "
        "образовательных организаций Оренбургской области (далее — резерв), работы с ним и его "
        "использования для замещения должностей руководителей и их заместителей."
    )
    section(
        "Резерв формируется министерством образования Оренбургской области (далее — "
        "министерство) во взаимодействии с органами местного самоуправления, осуществляющими "
        "управление в сфере образования. Работа с резервом ведётся на портале «Кадровый резерв»."
    )
    section("Резерв формируется на следующие должности:")
    _bullets(
        section,
        [
            positions.get(code, code)
            for rule in regulation.eligibility
            for code in rule.position_kinds
        ],
    )
    section("Резерв формируется по категориям:")
    _bullets(
        section,
        [
            f"«{choice.name}»" + (f" — {choice.description}" if choice.description else "")
            for choice in regulation.categories
        ],
    )
    section("Для каждого резервиста определяется уровень готовности к назначению:")
    _bullets(section, [f"«{choice.name}»" for choice in regulation.readiness_levels])


def _nomination(document, regulation: Regulation) -> None:
    section = _Numbered(document, 2, "Выдвижение кандидатов")
    section(
        "Кандидаты в резерв выдвигаются в порядке самовыдвижения, руководителем образовательной "
        "организации или муниципальным органом управления образованием. Кандидат, выдвинутый "
        "руководителем или муниципальным органом, приглашается на портал для заполнения анкеты."
    )
    section("Кандидат может иметь не более одной незавершённой заявки на каждую должность.")
    section("К заявке прилагаются следующие документы:")
    _bullets(section, wording.document_names(regulation.required_documents))
    section(
        "Документы представляются в форматах PDF, JPEG или PNG. Согласие на обработку "
        "персональных данных оформляется отдельно; при его отзыве заявка не рассматривается."
    )


def _requirements(document, regulation: Regulation, positions: dict[str, str]) -> None:
    section = _Numbered(document, 3, "Квалификационные требования")
    for rule in regulation.eligibility:
        names = ", ".join(positions.get(code, code) for code in rule.position_kinds)
        section(
            f"К кандидатам на должности группы «{rule.title}» ({names}) предъявляются "
            "требования по одному из следующих вариантов (достаточно выполнения любого из них):"
        )
        for number, route in enumerate(rule.routes, start=1):
            section.item(f"вариант {number}: " + "; ".join(wording.route_conditions(route)) + ".")
    section(
        "Соответствие кандидата требованиям проверяется по сведениям анкеты с пояснением "
        "результата по каждому условию. Решение о соответствии вопреки результату проверки "
        "принимается специалистом министерства с письменным обоснованием."
    )


def _assessment(document, regulation: Regulation) -> None:
    section = _Numbered(document, 4, "Отбор и оценка кандидатов")
    section(
        "Отбор включает проверку документов, проверку соответствия квалификационным "
        "требованиям, комплексную оценку управленческих компетенций и рассмотрение кандидатуры "
        "комиссией."
    )
    section(
        "Итоговый балл комплексной оценки (из 100) складывается из результатов инструментов "
        "оценки с весами:"
    )
    weights = [
        (code, weight)
        for code, weight in wording.ordered_weights(regulation.assessment_weights)
        if weight
    ]
    add_table(
        document,
        ["Инструмент оценки", "Вес, %"],
        [(wording.weight_label(code).capitalize(), str(weight)) for code, weight in weights],
        widths_cm=[12, 4],
    )
    section(
        "Кандидат успешно прошёл оценку, если его итоговый балл не ниже "
        f"{regulation.pass_threshold}."
    )


def _commission(document, regulation: Regulation) -> None:
    section = _Numbered(document, 5, "Комиссия")
    section(
        "Решения о включении кандидатов в резерв, об отказе во включении и о продлении срока "
        "пребывания в резерве принимает комиссия министерства, состав которой утверждается "
        "приказом министерства."
    )
    section(
        "Заседание комиссии правомочно, если на нём присутствует не менее "
        f"{regulation.commission_quorum_percent} % членов комиссии."
    )
    section(
        "Решение принимается большинством голосов присутствующих членов комиссии. Если "
        "предложение не набрало большинства голосов, принимается решение об отказе с "
        "обоснованием."
    )
    section(
        "Решения комиссии оформляются протоколом, в котором указываются присутствующие члены "
        "комиссии и результаты голосования по каждому вопросу."
    )


def _membership(document, regulation: Regulation) -> None:
    section = _Numbered(document, 6, "Включение в резерв и срок пребывания")
    section(
        "Кандидат включается в резерв приказом министерства на основании решения комиссии с "
        "указанием категории резерва и уровня готовности к назначению."
    )
    section(wording.term_sentence(regulation) + " Срок исчисляется со дня решения комиссии.")
    section("По истечении срока пребывания резервист выбывает из резерва.")


def _development(document) -> None:
    section = _Numbered(document, 7, "Развитие резервистов")
    section(
        "Для каждого резервиста по результатам оценки составляется индивидуальный "
        "образовательный маршрут, направленный на развитие выявленных дефицитов компетенций."
    )
    section(
        "Маршрут включает программы дополнительного профессионального образования, стажировки, "
        "наставничество и участие в проектах; выполнение подтверждается свидетельствами "
        "применения полученных компетенций в практике."
    )


def _appointment(document, regulation: Regulation) -> None:
    section = _Numbered(document, 8, "Назначение на должность")
    section(
        "При появлении вакансии министерство формирует ранжированный список резервистов с "
        "обоснованием места каждого и предлагает должность резервистам в порядке списка."
    )
    section(
        "Отказ резервиста от предложенной должности фиксируется. Отказ "
        f"{wording.times(regulation.max_offer_refusals)} и более является основанием для "
        "исключения из резерва."
    )
    section(
        "Назначенному резервисту составляется план адаптации с контрольными точками и "
        "назначается наставник."
    )


def _exclusion(document, regulation: Regulation) -> None:
    section = _Numbered(document, 9, "Исключение из резерва")
    section("Резервист исключается из резерва по следующим основаниям:")
    _bullets(section, [choice.name for choice in regulation.exclusion_grounds])
    section(
        "Исключение оформляется с указанием основания; резервист уведомляется о нём через портал."
    )


def _reporting(document, regulation: Regulation) -> None:
    section = _Numbered(document, 10, "Отчётность")
    section(
        "Резервисты представляют отчёт о выполнении индивидуального образовательного маршрута "
        f"в муниципальный орган управления образованием ежегодно "
        f"{wording.reporting_sentence(regulation)}."
    )
    section(
        "Министерство обобщает сведения о формировании резерва, его использовании и развитии "
        "резервистов в те же сроки и публикует показатели на портале."
    )


def regulation_document(version: RegulationVersion) -> bytes:
    """Return the Regulation of the version as a .docx file."""
    regulation = parse_regulation(version.parameters)
    positions = _position_names(regulation)
    document = new_document()
    document.core_properties.title = TITLE
    add_right(document, f"Редакция № {version.number}")
    add_right(document, f"действует с {version.effective_from:%d.%m.%Y}")
    add_centered(document, "ПОЛОЖЕНИЕ", bold=True).paragraph_format.space_before = Pt(24)
    add_centered(document, SUBTITLE, bold=True)
    _general(document, regulation, positions)
    _nomination(document, regulation)
    _requirements(document, regulation, positions)
    _assessment(document, regulation)
    _commission(document, regulation)
    _membership(document, regulation)
    _development(document)
    _appointment(document, regulation)
    _exclusion(document, regulation)
    _reporting(document, regulation)
    return to_bytes(document)


def regulation_filename(version: RegulationVersion) -> str:
    """Return the download name of the version's document."""
    return f"polozhenie-kadrovy-rezerv-red-{version.number}.docx"

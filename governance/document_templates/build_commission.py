"""The shipped templates of the commission's protocol and of the ministry's orders."""

from core.docx import add_landscape_section, add_page_numbers, add_signature, new_document
from governance.document_templates.layout import (
    centered,
    heading,
    loop,
    loop_table,
    right,
    space_before,
    tag,
    text,
)


def protocol():
    """Return the protocol of a commission meeting as a template."""
    document = new_document()
    centered(document, "{{ ministry|upper }}", bold=True)
    space_before(centered(document, "ПРОТОКОЛ № {{ protocol.number }}", bold=True))
    centered(document, "заседания {{ commission_genitive }}")
    space_before(text(document, "{{ protocol.date }}\t\t\t\t\t\t\t{{ city }}", indent=False))
    space_before(text(document, "Время проведения: {{ protocol.time }}.", indent=False, left=True))
    text(document, "Место проведения: {{ protocol.place }}.", indent=False, left=True)

    heading(document, "Присутствовали:")
    loop(
        document,
        "for member in present",
        lambda: text(
            document,
            "{{ member.name }} — {{ member.role }}{{ member.position }}"
            "{{ '.' if loop.last else ';' }}",
            indent=False,
        ),
    )
    text(document, "{{ quorum }}", indent=False)
    tag(document, "if invited")
    heading(document, "Приглашённые:")
    loop(document, "for person in invited", lambda: text(document, "{{ person }}", indent=False))
    tag(document, "endif")

    heading(document, "Повестка дня:")
    loop(
        document,
        "for item in items",
        lambda: text(document, "{{ item.number }}. {{ item.question }}", indent=False, left=True),
    )

    def question() -> None:
        heading(document, "{{ item.number }}. {{ item.question }}")
        text(document, "{{ item.speaker }}, {{ item.report }}", lead="СЛУШАЛИ: ")
        text(document, "{{ item.votes_line }}", lead="ГОЛОСОВАЛИ: ")
        loop_table(
            document,
            ["Член комиссии", "Голос"],
            "for vote in item.votes",
            ["{{ vote.name }}", "{{ vote.choice }}"],
            [11, 5],
        )
        tag(document, "if item.tie_note")
        text(document, "{{ item.tie_note }}")
        tag(document, "endif")
        space_before(text(document, "{{ item.resolution }}", lead="РЕШИЛИ: "), 6)

    loop(document, "for item in items", question)

    add_signature(document, "{{ presiding.post }}", "{{ presiding.name }}")
    add_signature(document, "Секретарь комиссии", "{{ secretary_name }}")
    space_before(text(document, "Протокол составлен {{ protocol.drawn_up }}.", indent=False))
    add_page_numbers(document)
    return document


def _order_head(document) -> None:
    centered(document, "{{ ministry|upper }}", bold=True)
    space_before(centered(document, "ПРИКАЗ", bold=True, size=16))
    space_before(text(document, "{{ order.date }}\t\t\t\t\t\t\t№ {{ order.number }}", indent=False))
    centered(document, "{{ city }}")
    space_before(centered(document, "{{ order.title }}", bold=True))
    space_before(text(document, "{{ preamble }} п р и к а з ы в а ю:"))
    loop(
        document,
        "for point in points",
        lambda: text(document, "{{ point.text }}", lead="{{ point.number }}. "),
    )
    add_signature(document, "{{ signatory.post }}", "{{ signatory.name }}")


def _distribution(document) -> None:
    tag(document, "if distribution")
    space_before(text(document, "Разослать: {{ distribution|join(', ') }}.", indent=False), 24)
    tag(document, "endif")


def _appendix_head(document) -> None:
    add_landscape_section(document)
    right(document, "Приложение")
    right(document, "к приказу министерства образования")
    right(document, "Оренбургской области")
    right(document, "от {{ order.date }} № {{ order.number }}")
    heading(document, "{{ appendix_title }}")


PERSON_COLUMNS = {
    "inclusion": (
        [
            "№ п/п",
            "Фамилия, имя, отчество",
            "Место работы, должность",
            "Должность, на которую сформирован резерв",
            "Категория резерва",
            "Уровень готовности",
        ],
        [
            "{{ row.number }}",
            "{{ row.name }}",
            "{{ row.workplace }}",
            "{{ row.position_kind }}",
            "{{ row.category }}",
            "{{ row.readiness }}",
        ],
        [1.3, 5.0, 7.0, 6.0, 3.2, 3.2],
    ),
    "exclusion": (
        [
            "№ п/п",
            "Фамилия, имя, отчество",
            "Место работы, должность",
            "Должность, на которую сформирован резерв",
            "Основание исключения",
            "Дата исключения",
        ],
        [
            "{{ row.number }}",
            "{{ row.name }}",
            "{{ row.workplace }}",
            "{{ row.position_kind }}",
            "{{ row.ground }}",
            "{{ row.date }}",
        ],
        [1.3, 5.0, 6.5, 5.5, 5.0, 2.4],
    ),
    "extension": (
        [
            "№ п/п",
            "Фамилия, имя, отчество",
            "Место работы, должность",
            "Должность, на которую сформирован резерв",
            "Срок пребывания в резерве продлён до",
        ],
        [
            "{{ row.number }}",
            "{{ row.name }}",
            "{{ row.workplace }}",
            "{{ row.position_kind }}",
            "{{ row.new_term_end }}",
        ],
        [1.3, 5.5, 7.5, 6.5, 4.9],
    ),
    "commission": (
        ["№ п/п", "Фамилия, имя, отчество", "Должность", "Роль в комиссии"],
        ["{{ row.number }}", "{{ row.name }}", "{{ row.workplace }}", "{{ row.role }}"],
        [1.3, 6.0, 12.0, 6.4],
    ),
}


def order_with_list(kind: str):
    """Return an order whose appendix lists people: inclusion, exclusion, extension, commission."""
    document = new_document()
    _order_head(document)
    _distribution(document)
    _appendix_head(document)
    header, cells, widths = PERSON_COLUMNS[kind]
    loop_table(document, header, "for row in rows", cells, widths)
    add_page_numbers(document)
    return document


def order_plain():
    """Return an order that approves an attached document (the Положение, the programme)."""
    document = new_document()
    _order_head(document)
    _distribution(document)
    add_page_numbers(document)
    return document

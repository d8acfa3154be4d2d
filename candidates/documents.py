"""Generated documents of the selection stage: the meeting's protocol and the inclusion order."""

from collections import defaultdict

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from candidates.models import (
    CommissionMeeting,
    CommissionMember,
    CommissionRole,
    Decision,
    ReserveMembership,
    Vote,
    VoteChoice,
)
from candidates.selectors_commission import agenda_items_of, member_order, members_present
from core.docx import (
    add_centered,
    add_heading,
    add_landscape_section,
    add_right,
    add_signature,
    add_table,
    add_text,
    new_document,
    to_bytes,
)
from governance.regulation import Regulation

MINISTRY = "Министерство образования Оренбургской области"
RESERVE = "кадровый резерв руководителей образовательных организаций Оренбургской области"


def short_name(user) -> str:
    """Return «Иванова А. П.» from the account's names."""
    initials = " ".join(f"{part[0]}." for part in (user.first_name, user.middle_name) if part)
    return f"{user.last_name} {initials}".strip() or user.username


def member_line(member: CommissionMember) -> str:
    """Return «Иванова А. П. — секретарь комиссии (должность)»."""
    line = f"{short_name(member.user)} — {member.get_role_display()}"
    return f"{line} ({member.position})" if member.position else line


def _votes_by_item(meeting: CommissionMeeting) -> dict[int, list[Vote]]:
    votes = defaultdict(list)
    for vote in (
        Vote.objects.filter(agenda_item__meeting=meeting)
        .select_related("member__user")
        .order_by(*member_order("member__"))
    ):
        votes[vote.agenda_item_id].append(vote)
    return votes


def _question(item, regulation: Regulation) -> str:
    # Names stay in the nominative after a colon: declining them automatically is unreliable.
    if item.membership_id:
        membership = item.membership
        return (
            f"О продлении срока пребывания в кадровом резерве: {membership.candidate.full_name} "
            f"(резерв на должность «{membership.position_kind.name}», "
            f"{membership.municipality.name})."
        )
    nomination = item.nomination
    return (
        f"О включении в кадровый резерв: {nomination.candidate.full_name} (должность "
        f"«{nomination.position_kind.name}», {nomination.municipality.name}). Предложено: "
        f"категория резерва «{regulation.category_name(item.category)}», готовность "
        f"«{regulation.readiness_name(item.readiness)}»."
    )


def _resolution(item, membership: ReserveMembership | None, regulation: Regulation) -> str:
    if item.decision == Decision.INCLUDE and membership is not None:
        return (
            f"Включить в {RESERVE}: {membership.candidate.full_name} — резерв на должность "
            f"«{membership.position_kind.name}», категория резерва "
            f"«{regulation.category_name(membership.category)}», готовность "
            f"«{regulation.readiness_name(membership.readiness)}», срок пребывания с "
            f"{membership.started_on:%d.%m.%Y} по {membership.term_ends_on:%d.%m.%Y}."
        )
    if item.decision == Decision.EXTEND:
        return (
            f"Продлить срок пребывания в кадровом резерве: {item.membership.candidate.full_name}."
        )
    if item.membership_id:
        subject = item.membership.candidate
        what = "в продлении срока пребывания в кадровом резерве"
    else:
        subject = item.nomination.candidate
        what = "во включении в кадровый резерв"
    return f"Отказать {what}: {subject.full_name}. Обоснование: {item.decision_reason}"


def protocol_document(meeting: CommissionMeeting, regulation: Regulation) -> bytes:
    """Return the protocol of a held meeting as a .docx file."""
    items = list(agenda_items_of(meeting))
    votes = _votes_by_item(meeting)
    present = members_present(meeting)
    total = meeting.commission.members.filter(is_active=True).count()
    included = {
        membership.decision_item_id: membership
        for membership in ReserveMembership.objects.filter(
            decision_item__meeting=meeting
        ).select_related("candidate", "position_kind")
    }
    choice_labels = dict(VoteChoice.choices)

    document = new_document()
    document.core_properties.title = f"Протокол № {meeting.protocol_number}"
    add_centered(document, MINISTRY.upper(), bold=True)
    add_centered(
        document, f"ПРОТОКОЛ № {meeting.protocol_number}", bold=True
    ).paragraph_format.space_before = Pt(12)
    add_centered(document, f"заседания комиссии «{meeting.commission.name}»")
    date_line = add_text(document, f"{meeting.date:%d.%m.%Y}\t\t\t\t\t\tг. Оренбург", indent=False)
    date_line.paragraph_format.space_before = Pt(12)

    add_heading(document, "Присутствовали")
    add_text(
        document,
        f"Члены комиссии: {len(present)} из {total}. Заседание правомочно.",
        indent=False,
    )
    for member in present:
        add_text(document, member_line(member), indent=False)

    add_heading(document, "Повестка дня")
    for number, item in enumerate(items, start=1):
        add_text(
            document,
            f"{number}. {_question(item, regulation)}",
            indent=False,
            align=WD_ALIGN_PARAGRAPH.LEFT,
        )

    for number, item in enumerate(items, start=1):
        add_heading(document, f"Вопрос {number}")
        add_text(document, _question(item, regulation), bold_prefix="СЛУШАЛИ: ")
        add_text(
            document,
            f"«за» — {item.votes_for}, «против» — {item.votes_against}, "
            f"«воздержались» — {item.votes_abstained}.",
            bold_prefix="ГОЛОСОВАЛИ: ",
        )
        add_table(
            document,
            ["Член комиссии", "Голос"],
            [
                (short_name(vote.member.user), choice_labels[vote.choice])
                for vote in votes.get(item.pk, [])
            ],
            widths_cm=[11, 5],
        )
        add_text(
            document,
            _resolution(item, included.get(item.pk), regulation),
            bold_prefix="РЕШИЛИ: ",
        ).paragraph_format.space_before = Pt(6)

    chair = next((m for m in present if m.role == CommissionRole.CHAIR), None)
    secretary = next((m for m in present if m.role == CommissionRole.SECRETARY), None)
    add_signature(document, "Председатель комиссии", short_name(chair.user) if chair else "")
    add_signature(document, "Секретарь комиссии", short_name(secretary.user) if secretary else "")
    return to_bytes(document)


def inclusion_order_document(
    meeting: CommissionMeeting,
    memberships: list[ReserveMembership],
    regulation: Regulation,
    regulation_number: int,
) -> bytes:
    """Return the ministry's order on inclusion in the reserve of the meeting's decisions."""
    first = memberships[0]
    number, date = first.order_number, first.order_date
    document = new_document()
    document.core_properties.title = f"Приказ № {number}"
    add_centered(document, MINISTRY.upper(), bold=True)
    add_centered(document, "ПРИКАЗ", bold=True, size=Pt(16)).paragraph_format.space_before = Pt(12)
    add_text(
        document, f"{date:%d.%m.%Y}\t\t\t\t\t\t\t№ {number}", indent=False
    ).paragraph_format.space_before = Pt(12)
    add_centered(document, "г. Оренбург")
    add_centered(
        document, f"О включении в {RESERVE}", bold=True
    ).paragraph_format.space_before = Pt(12)
    add_text(
        document,
        "В соответствии с Положением о системе работы с кадровым резервом руководителей "
        f"образовательных организаций Оренбургской области (редакция № {regulation_number}), "
        f"на основании решения комиссии «{meeting.commission.name}» (протокол от "
        f"{meeting.date:%d.%m.%Y} № {meeting.protocol_number}) приказываю:",
    ).paragraph_format.space_before = Pt(12)
    add_text(
        document,
        f"Включить в {RESERVE} лиц согласно приложению к настоящему приказу "
        f"({len(memberships)} чел.).",
        bold_prefix="1. ",
    )
    add_text(
        document,
        "Муниципальным органам управления образованием обеспечить участие резервистов в "
        "программах развития по индивидуальным образовательным маршрутам.",
        bold_prefix="2. ",
    )
    add_text(
        document,
        "Контроль за исполнением настоящего приказа оставляю за собой.",
        bold_prefix="3. ",
    )
    add_signature(document, "Министр", "")

    add_landscape_section(document)
    add_right(document, "Приложение")
    add_right(document, f"к приказу от {date:%d.%m.%Y} № {number}")
    add_heading(document, f"Список лиц, включённых в {RESERVE}")
    add_table(
        document,
        [
            "№",
            "ФИО",
            "Должность резерва",
            "Муниципальное образование",
            "Категория",
            "Готовность",
            "Срок пребывания до",
        ],
        [
            (
                str(index),
                membership.candidate.full_name,
                membership.position_kind.name,
                membership.municipality.name,
                regulation.category_name(membership.category),
                regulation.readiness_name(membership.readiness),
                f"{membership.term_ends_on:%d.%m.%Y}",
            )
            for index, membership in enumerate(memberships, start=1)
        ],
        widths_cm=[1.0, 5.2, 6.2, 3.8, 3.0, 3.4, 3.0],
    )
    return to_bytes(document)


def protocol_filename(meeting: CommissionMeeting) -> str:
    """Return the download name of the meeting's protocol."""
    return f"protokol-{meeting.date:%Y-%m-%d}-{meeting.pk}.docx"


def order_filename(meeting: CommissionMeeting) -> str:
    """Return the download name of the order on inclusion from the meeting's decisions."""
    return f"prikaz-vklyuchenie-{meeting.date:%Y-%m-%d}-{meeting.pk}.docx"

"""The selection stage's papers: the meeting's protocol and the ministry's orders on the reserve.

Each is the Word template in force (governance.document_templates) filled with a context built
here: names declined from the forms stored on the person, votes agreeing with the member's gender.
"""

from collections import defaultdict

from candidates.models import (
    AgendaItem,
    CommissionMeeting,
    CommissionMember,
    CommissionRole,
    Decision,
    MembershipEvent,
    ReserveMembership,
    Vote,
    VoteChoice,
)
from candidates.selectors_commission import agenda_items_of, member_order, members_present
from core.names import FEMALE, agree, decline_short_name, detect_gender
from governance import wording
from governance.document_templates.store import render_document
from governance.models import Order
from governance.regulation import Regulation

MINISTRY = "Министерство образования Оренбургской области"
CITY = "г. Оренбург"
RESERVE = "кадровый резерв руководителей образовательных организаций Оренбургской области"
DISTRIBUTION = [
    "отдел кадровой политики министерства",
    "органы местного самоуправления, осуществляющие управление в сфере образования",
]
ROLE_NOMINATIVE = {
    CommissionRole.CHAIR: "председатель комиссии",
    CommissionRole.DEPUTY_CHAIR: "заместитель председателя комиссии",
    CommissionRole.SECRETARY: "секретарь комиссии",
    CommissionRole.MEMBER: "член комиссии",
}
ROLE_GENITIVE = {
    CommissionRole.CHAIR: "председателя комиссии",
    CommissionRole.DEPUTY_CHAIR: "заместителя председателя комиссии",
    CommissionRole.SECRETARY: "секретаря комиссии",
    CommissionRole.MEMBER: "члена комиссии",
}


def _gender(user) -> str:
    return detect_gender(
        last_name=user.last_name, first_name=user.first_name, middle_name=user.middle_name
    )


def short_name(user, case: str | None = None) -> str:
    """Return «Иванова А. П.» (or «Ивановой А. П.» in a case) from the account's names."""
    if not user.last_name:
        return user.username
    return decline_short_name(
        last_name=user.last_name,
        first_name=user.first_name,
        middle_name=user.middle_name,
        gender=_gender(user),
        case=case,
    )


def commission_genitive(name: str) -> str:
    """Return «комиссии министерства … по формированию …» without repeating «Комиссия»."""
    first, _, rest = name.strip().partition(" ")
    if first.lower() == "комиссия" and rest:
        return f"комиссии {rest}"
    return f"комиссии «{name.strip()}»"


def _choice_label(choice: str, gender: str) -> str:
    if choice == VoteChoice.ABSTAIN:
        return agree(gender, male="воздержался", female="воздержалась")
    return dict(VoteChoice.choices)[choice]


def _votes_by_item(meeting: CommissionMeeting) -> dict[int, list[Vote]]:
    votes = defaultdict(list)
    for vote in (
        Vote.objects.filter(agenda_item__meeting=meeting)
        .select_related("member__user")
        .order_by(*member_order("member__"))
    ):
        votes[vote.agenda_item_id].append(vote)
    return votes


def lower_first(text: str) -> str:
    """Return «директор гимназии» for «Директор гимназии»; «МОБУ …», «ОГПУ» stay as they are."""
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _workplace(candidate) -> str:
    parts = (
        [candidate.organization.short_name or candidate.organization.name]
        if (candidate.organization_id)
        else []
    )
    if candidate.position:
        parts.append(lower_first(candidate.position))
    return ", ".join(parts) or "не указано"


def _question(item: AgendaItem) -> str:
    if item.membership_id:
        membership = item.membership
        return (
            "О продлении срока пребывания в кадровом резерве "
            f"{membership.candidate.name_in('genitive')} (резерв на должность "
            f"«{membership.position_kind.name}», {membership.municipality.name})."
        )
    nomination = item.nomination
    return (
        f"О включении в кадровый резерв {nomination.candidate.name_in('genitive')} "
        f"({_workplace(nomination.candidate)}) на должность «{nomination.position_kind.name}» "
        f"({nomination.municipality.name})."
    )


def _report(item: AgendaItem, speaker: CommissionMember | None, regulation: Regulation) -> str:
    feminine = speaker is not None and _gender(speaker.user) == FEMALE
    who, ending = ("которая", "а") if feminine else ("который", "")
    if item.membership_id:
        return (
            f"{who} доложил{ending} о выполнении резервистом индивидуального образовательного "
            f"маршрута (ИОМ) и предложил{ending} продлить срок пребывания в кадровом резерве."
        )
    return (
        f"{who} доложил{ending} о результатах проверки документов и комплексной оценки "
        f"кандидата и предложил{ending} категорию резерва "
        f"«{regulation.category_name(item.category)}», уровень готовности "
        f"«{regulation.readiness_name(item.readiness)}»."
    )


def _resolution(item: AgendaItem, regulation: Regulation) -> str:
    if item.decision == Decision.INCLUDE:
        candidate = item.nomination.candidate
        return (
            f"Включить {candidate.name_in('accusative')} в {RESERVE} "
            f"на должность «{item.nomination.position_kind.name}» в категории резерва "
            f"«{regulation.category_name(item.category)}» с уровнем готовности "
            f"«{regulation.readiness_name(item.readiness)}» сроком на "
            f"{wording.years(regulation.reserve_term_years)} со дня издания приказа "
            "министерства о включении в резерв."
        )
    if item.decision == Decision.EXTEND:
        membership = item.membership
        event = (
            MembershipEvent.objects.filter(decision_item=item, action="extend")
            .values_list("new_term_ends_on", flat=True)
            .first()
        )
        until = f" до {event:%d.%m.%Y}" if event else ""
        return (
            f"Продлить {membership.candidate.name_in('dative')} срок пребывания в кадровом "
            f"резерве{until}."
        )
    if item.membership_id:
        subject, what = item.membership.candidate, "в продлении срока пребывания в кадровом резерве"
    else:
        subject, what = item.nomination.candidate, "во включении в кадровый резерв"
    return f"Отказать {subject.name_in('dative')} {what}. Основания: {item.decision_reason}"


def _speaker(item: AgendaItem, secretary: CommissionMember | None) -> CommissionMember | None:
    return item.speaker if item.speaker_id else secretary


def protocol_context(meeting: CommissionMeeting, regulation: Regulation) -> dict:
    """Return the protocol template's fields for a held meeting."""
    items = list(agenda_items_of(meeting).select_related("speaker__user"))
    votes = _votes_by_item(meeting)
    present = members_present(meeting)
    total = meeting.commission.members.filter(is_active=True).count()
    secretary = next((m for m in present if m.role == CommissionRole.SECRETARY), None)
    presiding = next(
        (
            m
            for role in (CommissionRole.CHAIR, CommissionRole.DEPUTY_CHAIR)
            for m in present
            if m.role == role
        ),
        None,
    )
    quorum_met = total and len(present) * 100 >= total * regulation.commission_quorum_percent
    entries = []
    for number, item in enumerate(items, start=1):
        speaker = _speaker(item, secretary)
        speaker_text = (
            f"{short_name(speaker.user, 'accusative')}, {ROLE_GENITIVE[speaker.role]}"
            if speaker
            else "секретаря комиссии"
        )
        entries.append(
            {
                "number": number,
                "question": _question(item),
                "speaker": speaker_text,
                "report": _report(item, speaker, regulation),
                "votes_line": f"«за» — {item.votes_for}, «против» — {item.votes_against}, "
                f"«воздержались» — {item.votes_abstained}.",
                "votes": [
                    {
                        "name": short_name(vote.member.user),
                        "choice": _choice_label(vote.choice, _gender(vote.member.user)),
                    }
                    for vote in votes.get(item.pk, [])
                ],
                "tie_note": (
                    "Голоса разделились поровну; решающим стал голос председательствующего "
                    "на заседании."
                    if item.tie_broken_by_chair
                    else ""
                ),
                "resolution": _resolution(item, regulation),
            }
        )
    return {
        "ministry": MINISTRY,
        "city": CITY,
        "commission_genitive": commission_genitive(meeting.commission.name),
        "protocol": {
            "number": meeting.protocol_number,
            "date": f"{meeting.date:%d.%m.%Y}",
            "time": f"{meeting.starts_at:%H:%M}" if meeting.starts_at else "—",
            "place": meeting.place or CITY,
            "drawn_up": f"{(meeting.protocol_date or meeting.date):%d.%m.%Y}",
        },
        "present": [
            {
                "name": short_name(member.user),
                "role": ROLE_NOMINATIVE[member.role],
                "position": f", {lower_first(member.position)}" if member.position else "",
            }
            for member in present
        ],
        "quorum": (
            f"Присутствуют {len(present)} из {total} членов комиссии. "
            + ("Кворум имеется, заседание правомочно." if quorum_met else "Кворума нет.")
        ),
        "invited": [line.strip() for line in meeting.invited.splitlines() if line.strip()],
        "items": entries,
        "presiding": {
            "post": (
                "Председательствующий на заседании"
                if presiding and presiding.role != CommissionRole.CHAIR
                else "Председатель комиссии"
            ),
            "name": short_name(presiding.user) if presiding else "",
        },
        "secretary_name": short_name(secretary.user) if secretary else "",
    }


def protocol_document(meeting: CommissionMeeting, regulation: Regulation) -> bytes:
    """Return the protocol of a held meeting as a .docx file."""
    return render_document("protocol", protocol_context(meeting, regulation))


def _order_base(order: Order, preamble: str, points: list[str], title: str) -> dict:
    return {
        "ministry": MINISTRY,
        "city": CITY,
        "order": {"number": order.number, "date": f"{order.date:%d.%m.%Y}", "title": title},
        "preamble": preamble,
        "points": [{"number": n, "text": text} for n, text in enumerate(points, start=1)],
        "signatory": {
            "post": order.signatory_post,
            "name": order.signatory_name.replace(" ", "\u00a0"),
        },
        "distribution": DISTRIBUTION,
    }


def _preamble(meeting: CommissionMeeting | None, regulation_number: int) -> str:
    text = (
        "В соответствии с Положением о системе работы с кадровым резервом руководителей "
        f"образовательных организаций Оренбургской области (редакция № {regulation_number})"
    )
    if meeting is not None:
        text += (
            f", на основании решения {commission_genitive(meeting.commission.name)} (протокол "
            f"от {meeting.date:%d.%m.%Y} № {meeting.protocol_number})"
        )
    return text


def _person(number: int, membership: ReserveMembership, **extra) -> dict:
    return {
        "number": number,
        "name": membership.candidate.full_name,
        "workplace": _workplace(membership.candidate),
        "position_kind": membership.position_kind.name,
        **extra,
    }


def inclusion_order_document(
    order: Order,
    meeting: CommissionMeeting,
    memberships: list[ReserveMembership],
    regulation: Regulation,
    regulation_number: int,
) -> bytes:
    """Return the ministry's order on inclusion in the reserve of the meeting's decisions."""
    context = _order_base(
        order,
        _preamble(meeting, regulation_number),
        [
            f"Включить в {RESERVE} лиц согласно приложению к настоящему приказу сроком на "
            f"{wording.years(regulation.reserve_term_years)} со дня издания настоящего приказа.",
            "Отделу кадровой политики министерства обеспечить составление индивидуальных "
            "образовательных маршрутов резервистов и их сопровождение.",
            "Рекомендовать органам местного самоуправления, осуществляющим управление в сфере "
            "образования, содействовать участию резервистов в мероприятиях индивидуальных "
            "образовательных маршрутов.",
            "Контроль за исполнением настоящего приказа оставляю за собой.",
        ],
        f"О включении в {RESERVE}",
    )
    context["appendix_title"] = f"Список лиц, включённых в {RESERVE}"
    context["rows"] = [
        _person(
            number,
            membership,
            category=regulation.category_name(membership.category),
            readiness=regulation.readiness_name(membership.readiness),
        )
        for number, membership in enumerate(memberships, start=1)
    ]
    return render_document("order_inclusion", context)


def extension_order_document(
    order: Order,
    meeting: CommissionMeeting,
    events: list[MembershipEvent],
    regulation_number: int,
) -> bytes:
    """Return the ministry's order on extending the terms the commission decided to extend."""
    context = _order_base(
        order,
        _preamble(meeting, regulation_number),
        [
            "Продлить срок пребывания в кадровом резерве лицам согласно приложению к "
            "настоящему приказу.",
            "Контроль за исполнением настоящего приказа оставляю за собой.",
        ],
        "О продлении срока пребывания в кадровом резерве",
    )
    context["appendix_title"] = "Список лиц, срок пребывания которых в кадровом резерве продлён"
    context["rows"] = [
        _person(number, event.membership, new_term_end=f"{event.new_term_ends_on:%d.%m.%Y}")
        for number, event in enumerate(events, start=1)
    ]
    return render_document("order_extension", context)


def exclusion_order_document(
    order: Order, memberships: list[ReserveMembership], regulation: Regulation, number: int
) -> bytes:
    """Return the ministry's order on excluding reservists, with each one's ground."""
    context = _order_base(
        order,
        _preamble(None, number),
        [
            f"Исключить из {RESERVE.replace('кадровый резерв', 'кадрового резерва')} лиц "
            "согласно приложению к настоящему приказу.",
            "Рекомендовать органам местного самоуправления, осуществляющим управление в сфере "
            "образования, учесть изменения состава резерва при планировании замещения "
            "должностей руководителей.",
            "Контроль за исполнением настоящего приказа оставляю за собой.",
        ],
        "Об исключении из кадрового резерва",
    )
    context["appendix_title"] = "Список лиц, исключённых из кадрового резерва"
    context["rows"] = [
        _person(
            index,
            membership,
            ground=regulation.exclusion_ground_name(membership.exclusion_ground),
            date=f"{membership.ended_on:%d.%m.%Y}" if membership.ended_on else "",
        )
        for index, membership in enumerate(memberships, start=1)
    ]
    return render_document("order_exclusion", context)


def protocol_filename(meeting: CommissionMeeting) -> str:
    """Return the download name of the meeting's protocol."""
    return f"protokol-{meeting.date:%Y-%m-%d}-{meeting.pk}.docx"


def order_filename(order: Order) -> str:
    """Return the download name of an order."""
    return f"prikaz-{order.kind}-{order.date:%Y-%m-%d}-{order.pk}.docx"

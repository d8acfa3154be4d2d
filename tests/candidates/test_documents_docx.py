"""The generated protocol and inclusion order, read back with python-docx."""

import datetime
import io

import docx
import pytest
from django.urls import reverse

from accounts.models import Role
from candidates.models import CommissionRole, ReserveMembership
from candidates.services.commission import (
    agenda_item_decide,
    commission_meeting_close,
    vote_cast,
)
from candidates.services.membership import membership_record_order
from tests.candidates.commission_factories import make_commission, make_meeting, put_on_agenda
from tests.candidates.factories import make_candidate, make_nomination
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> tuple[str, list[list[str]]]:
    document = docx.Document(io.BytesIO(content))
    paragraphs = "\n".join(paragraph.text for paragraph in document.paragraphs)
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return paragraphs, rows


@pytest.fixture
def held_meeting(ministry_user):
    """Two questions: Ковалёва included (4 for, 1 abstained), Лебедев refused (2–3)."""
    people = [
        UserFactory(role=Role.EXPERT, last_name=name, first_name="Ольга", middle_name="Ивановна")
        for name in ["Петрова", "Сидорова", "Кузнецова", "Морозова"]
    ]
    commission = make_commission(
        (people[0], CommissionRole.CHAIR),
        (ministry_user, CommissionRole.SECRETARY),
        *[(person, CommissionRole.MEMBER) for person in people[1:]],
    )
    meeting = make_meeting(commission, datetime.date(2026, 3, 16))
    included = put_on_agenda(
        meeting,
        ministry_user,
        nomination=make_nomination(
            status="commission_review",
            candidate=make_candidate(last_name="Ковалёва", first_name="Мария", middle_name=""),
        ),
        category="prospective",
        readiness="one_two_years",
    )
    refused = put_on_agenda(
        meeting,
        ministry_user,
        nomination=make_nomination(
            status="commission_review",
            candidate=make_candidate(last_name="Лебедев", first_name="Игорь", middle_name=""),
        ),
    )
    members = list(commission.members.order_by("id"))

    for member, choice in zip(members, ["for", "for", "for", "for", "abstain"], strict=True):
        vote_cast(item=included, member=member, choice=choice, actor=ministry_user)
    for member, choice in zip(
        members, ["for", "against", "for", "against", "against"], strict=True
    ):
        vote_cast(item=refused, member=member, choice=choice, actor=ministry_user)
    agenda_item_decide(item=included, actor=ministry_user)
    agenda_item_decide(item=refused, actor=ministry_user, reason="Стаж руководящей работы мал")
    return commission_meeting_close(meeting=meeting, protocol_number="5/2026", actor=ministry_user)


def test_the_protocol_lists_members_agenda_votes_and_decisions(client, ministry_user, held_meeting):
    client.force_login(ministry_user)
    response = client.get(reverse("candidates:meeting_protocol_docx", args=[held_meeting.pk]))
    text, rows = _text(response.content)

    assert "ПРОТОКОЛ № 5/2026" in text
    assert "16.03.2026" in text
    assert "Члены комиссии: 5 из 5." in text
    assert "Петрова О. И. — председатель" in text
    assert "О включении в кадровый резерв: Ковалёва Мария" in text
    assert "«за» — 4, «против» — 0, «воздержались» — 1." in text
    assert "«за» — 2, «против» — 3, «воздержались» — 0." in text
    assert ["Морозова О. И.", "воздержался"] in rows
    assert ["Кузнецова О. И.", "против"] in rows
    assert (
        "Включить в кадровый резерв руководителей образовательных организаций Оренбургской "
        "области: Ковалёва Мария — резерв на должность «Директор общеобразовательной организации»"
    ) in text
    assert "категория резерва «перспективный», готовность «готов через 1–2 года»" in text
    assert "срок пребывания с 16.03.2026 по 15.03.2029" in text
    assert "Отказать во включении в кадровый резерв: Лебедев Игорь. Обоснование: Стаж" in text


def test_the_order_lists_the_people_included(client, ministry_user, held_meeting):
    membership_record_order(
        memberships=list(ReserveMembership.objects.all()),
        order_number="01-21/345",
        order_date=datetime.date(2026, 3, 20),
        actor=ministry_user,
    )
    client.force_login(ministry_user)
    response = client.get(reverse("candidates:meeting_order_docx", args=[held_meeting.pk]))
    text, rows = _text(response.content)

    assert "ПРИКАЗ" in text
    assert "20.03.2026\t\t\t\t\t\t\t№ 01-21/345" in text
    assert "(протокол от 16.03.2026 № 5/2026)" in text
    assert "(1 чел.)" in text
    assert rows[1] == [
        "1",
        "Ковалёва Мария",
        "Директор общеобразовательной организации",
        "город Оренбург",
        "перспективный",
        "готов через 1–2 года",
        "15.03.2029",
    ]
    assert len(rows) == 2  # the refused candidate is not in the order

"""The generated protocol and orders, read back with python-docx as a ministry lawyer reads them."""

import datetime
import io

import docx
import pytest
from django.urls import reverse

from accounts.models import Role
from candidates.documents import _choice_label, short_name
from candidates.models import CommissionRole, ReserveMembership
from candidates.services.commission import (
    agenda_item_decide,
    commission_meeting_close,
    vote_cast,
)
from candidates.services.commission_attendance import attendance_record
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
    ministry_user.last_name, ministry_user.first_name = "Абрамова", "Светлана"
    ministry_user.middle_name = "Игоревна"
    ministry_user.save()
    commission = make_commission(
        (people[0], CommissionRole.CHAIR),
        (ministry_user, CommissionRole.SECRETARY),
        *[(person, CommissionRole.MEMBER) for person in people[1:]],
        name="Комиссия министерства по формированию кадрового резерва",
    )
    meeting = make_meeting(commission, datetime.date(2026, 3, 16))
    included = put_on_agenda(
        meeting,
        ministry_user,
        nomination=make_nomination(
            status="commission_review",
            candidate=make_candidate(
                last_name="Прохорова", first_name="Наталья", middle_name="Игоревна"
            ),
        ),
        category="prospective",
        readiness="within_two_years",
    )
    refused = put_on_agenda(
        meeting,
        ministry_user,
        nomination=make_nomination(
            status="commission_review",
            candidate=make_candidate(
                last_name="Гусева", first_name="Елена", middle_name="Павловна"
            ),
        ),
    )
    members = list(commission.members.order_by("id"))
    for member in members:  # the secretary records the votes of the members present
        attendance_record(meeting=meeting, member=member, present=True, actor=ministry_user)
    for member, choice in zip(members, ["for", "for", "for", "for", "abstain"], strict=True):
        vote_cast(item=included, member=member, choice=choice, actor=ministry_user)
    for member, choice in zip(
        members, ["for", "against", "for", "against", "against"], strict=True
    ):
        vote_cast(item=refused, member=member, choice=choice, actor=ministry_user)
    agenda_item_decide(item=included, actor=ministry_user)  # the secretary closes the questions
    agenda_item_decide(item=refused, actor=ministry_user, reason="Стаж руководящей работы мал")
    return commission_meeting_close(
        meeting=meeting,
        protocol_number="5/2026",
        protocol_date=datetime.date(2026, 3, 17),
        invited="Петренко О. А., начальник управления образования",
        actor=ministry_user,
    )


def test_the_protocol_declines_names_and_agrees_votes(client, ministry_user, held_meeting):
    client.force_login(ministry_user)
    response = client.get(reverse("candidates:meeting_protocol_docx", args=[held_meeting.pk]))
    text, rows = _text(response.content)

    assert "ПРОТОКОЛ № 5/2026" in text
    # The commission's name is not repeated inside its own title.
    assert "заседания комиссии министерства по формированию кадрового резерва" in text
    assert "комиссии «Комиссия" not in text
    assert "16.03.2026" in text
    assert "Присутствуют 5 из 5 членов комиссии. Кворум имеется" in text
    assert "Петрова\u00a0О.\u00a0И. — председатель комиссии" in text
    present = text.split("Присутствовали:")[1].split("Присутствуют 5 из 5")[0].strip().splitlines()
    assert len(present) == 5
    assert [line[-1] for line in present] == [";", ";", ";", ";", "."]  # the list ends the sentence
    assert "Петренко О. А., начальник управления образования" in text  # invited
    assert "О включении в кадровый резерв Прохоровой Натальи Игоревны" in text  # genitive
    assert "СЛУШАЛИ: Абрамову\u00a0С.\u00a0И., секретаря комиссии, которая доложила" in text
    assert "«за» — 4, «против» — 0, «воздержались» — 1." in text
    assert ["Морозова\u00a0О.\u00a0И.", "воздержалась"] in rows  # agrees with her gender
    assert ["Кузнецова\u00a0О.\u00a0И.", "против"] in rows
    assert "РЕШИЛИ: Включить Прохорову Наталью Игоревну в кадровый резерв" in text  # accusative
    assert "«перспективный» с уровнем готовности «готов в течение двух лет»" in text
    assert "сроком на 3 года со дня издания приказа министерства" in text
    assert "Отказать Гусевой Елене Павловне во включении в кадровый резерв. Основания: Стаж" in text
    assert "Протокол составлен 17.03.2026." in text


def test_the_protocol_names_a_man_in_his_cases():
    user = UserFactory(last_name="Жуков", first_name="Николай", middle_name="Васильевич")

    assert short_name(user, "accusative") == "Жукова\u00a0Н.\u00a0В."
    assert _choice_label("abstain", "male") == "воздержался"


def test_the_order_lists_the_people_included_and_recommends(client, ministry_user, held_meeting):
    membership_record_order(
        memberships=list(ReserveMembership.objects.all()),
        order_number="01-21/345",
        order_date=datetime.date(2026, 3, 20),
        signatory_name="Соколова Т. В.",
        actor=ministry_user,
    )
    client.force_login(ministry_user)
    response = client.get(reverse("candidates:meeting_order_docx", args=[held_meeting.pk]))
    text, rows = _text(response.content)

    assert "ПРИКАЗ" in text
    assert "20.03.2026\t\t\t\t\t\t\t№ 01-21/345" in text
    assert "(протокол от 16.03.2026 № 5/2026)" in text
    assert "сроком на 3 года со дня издания настоящего приказа" in text
    assert "Рекомендовать органам местного самоуправления, осуществляющим управление" in text
    assert "Муниципальным органам" not in text  # a ministry order never instructs them
    assert "Министр образования Оренбургской области\t_______________ Соколова\u00a0Т.\u00a0В." in (
        text
    )
    assert "Разослать:" in text
    assert rows[1][:2] == ["1", "Прохорова Наталья Игоревна"]
    assert rows[1][3:] == [
        "Директор общеобразовательной организации",
        "перспективный",
        "готов в течение двух лет",
    ]
    assert len(rows) == 2  # the refused candidate is not in the order
    document = docx.Document(io.BytesIO(response.content))
    header = document.sections[0].header._element.xml
    assert "PAGE" in header  # numbered pages

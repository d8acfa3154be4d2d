"""The commission's pages through the test client: who sees what, and each action end to end."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import Role
from audit.models import PersonalDataAccess
from candidates.models import (
    AgendaItem,
    CommissionMeeting,
    CommissionMember,
    CommissionRole,
    NominationStatus,
    ReserveMembership,
    Vote,
)
from candidates.services.commission import agenda_item_decide, commission_meeting_close
from tests.candidates.commission_factories import (
    assess,
    make_commission,
    make_meeting,
    make_membership,
    put_on_agenda,
    vote_all,
)
from tests.candidates.factories import make_nomination
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
S = NominationStatus


@pytest.fixture
def chair(db):
    return UserFactory(role=Role.EXPERT, last_name="Председателева", username="chair")


@pytest.fixture
def commission(chair, ministry_user, expert_user):
    """Chair, the ministry specialist as secretary, the expert and two more members."""
    return make_commission(
        (chair, CommissionRole.CHAIR),
        (ministry_user, CommissionRole.SECRETARY),
        (expert_user, CommissionRole.MEMBER),
        (UserFactory(role=Role.EXPERT), CommissionRole.MEMBER),
        (UserFactory(role=Role.EXPERT), CommissionRole.MEMBER),
    )


@pytest.fixture
def meeting(commission):
    return make_meeting(commission)


@pytest.fixture
def item(meeting, ministry_user):
    return put_on_agenda(meeting, ministry_user)


def _url(name, *args):
    return reverse(f"candidates:{name}", args=args)


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- access -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["commission_list", "meeting_list", "meeting_detail", "meeting_protocol_docx"]
)
def test_anonymous_goes_to_login(client, meeting, name):
    args = [] if name in ("commission_list", "meeting_list") else [meeting.pk]
    response = client.get(_url(name, *args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_an_expert_not_on_the_commission_gets_404(client, meeting, item):
    stranger = UserFactory(role=Role.EXPERT)
    client.force_login(stranger)

    assert client.get(_url("meeting_detail", meeting.pk)).status_code == 404
    assert client.post(_url("agenda_vote", item.pk), {"choice": "for"}).status_code == 404
    response = client.get(_url("meeting_list"))
    assert response.status_code == 200
    assert list(response.context["meetings"]) == []
    assert not Vote.objects.exists()


@pytest.mark.parametrize("persona", ["municipal_user", "mentor_user", "candidate_user"])
def test_other_roles_get_404_on_every_commission_page(client, request, meeting, item, persona):
    client.force_login(request.getfixturevalue(persona))

    for url in [
        _url("commission_list"),
        _url("meeting_list"),
        _url("meeting_detail", meeting.pk),
    ]:
        assert client.get(url).status_code == 404, url
    for url, data in [
        (_url("meeting_create"), {"commission": meeting.commission_id, "date": "01.04.2026"}),
        (_url("agenda_vote", item.pk), {"choice": "for"}),
        (_url("agenda_decide", item.pk), {}),
        (_url("meeting_close", meeting.pk), {"protocol_number": "1"}),
    ]:
        assert client.post(url, data).status_code == 404, url
    assert CommissionMeeting.objects.count() == 1


def test_the_expert_sees_only_the_meetings_of_their_commission(client, expert_user, meeting, item):
    other = make_meeting(make_commission(name="Другая комиссия"), datetime.date(2026, 4, 2))
    put_on_agenda(other, expert_user)
    client.force_login(expert_user)

    response = client.get(_url("meeting_list"))

    assert [m.pk for m in response.context["meetings"]] == [meeting.pk]
    page = client.get(_url("meeting_detail", meeting.pk))
    assert page.status_code == 200
    assert item.nomination.candidate.full_name in page.content.decode()
    assert not page.context["can_manage_agenda"]
    assert not page.context["can_conduct"]
    assert _url("staff_nomination", item.nomination_id) not in page.content.decode()
    assert client.get(_url("meeting_detail", other.pk)).status_code == 404


def test_the_composition_page_lists_members_chair_first(
    client, ministry_user, expert_user, commission, chair
):
    client.force_login(ministry_user)
    response = client.get(_url("commission_list"))
    assert response.status_code == 200
    text = response.content.decode()
    assert commission.name in text
    positions = [text.index(u.get_full_name()) for u in (chair, ministry_user, expert_user)]
    assert positions == sorted(positions)  # chair, secretary, then the members


def test_an_expert_sees_only_the_commissions_they_sit_on(client, expert_user, commission):
    other = make_commission(name="Комиссия по резерву заместителей")
    client.force_login(expert_user)
    text = client.get(_url("commission_list")).content.decode()
    assert commission.name in text
    assert other.name not in text


# --- the meeting's work -------------------------------------------------------------------


def test_staff_schedule_a_meeting(client, ministry_user, commission):
    client.force_login(ministry_user)

    response = client.post(
        _url("meeting_create"), {"commission": commission.pk, "date": "16.03.2026"}
    )

    meeting = CommissionMeeting.objects.get()
    assert response.status_code == 302
    assert response.url == _url("meeting_detail", meeting.pk)
    assert meeting.date == datetime.date(2026, 3, 16)
    bad = client.post(
        _url("meeting_create"), {"commission": commission.pk, "date": "31.02.2026"}, follow=True
    )
    assert "Введите правильную дату." in _messages(bad)
    assert CommissionMeeting.objects.count() == 1


def test_the_agenda_offers_only_nominations_under_commission_review(client, ministry_user, meeting):
    waiting = make_nomination(status=S.COMMISSION_REVIEW)
    assess(waiting)
    assessing = make_nomination(status=S.ASSESSMENT)
    client.force_login(ministry_user)

    page = client.get(_url("meeting_detail", meeting.pk))
    offered = list(page.context["agenda_form"].fields["nomination"].queryset)
    assert offered == [waiting]

    refused = client.post(
        _url("agenda_add", meeting.pk),
        {"nomination": assessing.pk, "category": "operational", "readiness": "ready_now"},
    )
    assert refused.status_code == 400
    response = client.post(
        _url("agenda_add", meeting.pk),
        {"nomination": waiting.pk, "category": "operational", "readiness": "ready_now"},
    )
    item = AgendaItem.objects.get()
    assert response.url == _url("meeting_detail", meeting.pk) + f"#item-{item.pk}"
    again = client.post(
        _url("agenda_add", meeting.pk),
        {"nomination": waiting.pk, "category": "operational", "readiness": "ready_now"},
    )
    assert again.status_code == 400  # no longer offered: a double submit adds nothing
    assert AgendaItem.objects.count() == 1


def test_a_member_votes_for_themself(client, expert_user, item):
    client.force_login(expert_user)

    client.post(_url("agenda_vote", item.pk), {"choice": "against"})
    client.post(_url("agenda_vote", item.pk), {"choice": "for"})

    vote = Vote.objects.get()
    assert (vote.member.user, vote.choice) == (expert_user, "for")


def test_a_member_cannot_cast_someone_elses_vote(client, expert_user, chair, item):
    client.force_login(expert_user)
    chair_member = CommissionMember.objects.get(user=chair)

    response = client.post(
        _url("agenda_vote", item.pk), {"choice": "for", "member": chair_member.pk}
    )

    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_the_secretary_records_the_votes_of_members_present(client, ministry_user, chair, item):
    client.force_login(ministry_user)
    chair_member = CommissionMember.objects.get(user=chair)

    absent = client.post(
        _url("agenda_vote", item.pk), {"choice": "abstain", "member": chair_member.pk}, follow=True
    )
    assert not Vote.objects.exists()
    assert any("не отмечен(а) присутствующим" in message for message in _messages(absent))
    client.post(
        _url("meeting_attendance", item.meeting.pk), {"member": chair_member.pk, "present": "yes"}
    )
    client.post(_url("agenda_vote", item.pk), {"choice": "abstain", "member": chair_member.pk})

    vote = Vote.objects.get(member=chair_member)
    assert (vote.choice, vote.recorded_by) == ("abstain", ministry_user)


def test_deciding_through_the_page(client, ministry_user, chair, item):
    vote_all(item, ["for", "against", "against", "against"])
    client.force_login(chair)
    prefix = f"item{item.pk}-reason"

    refused = client.post(_url("agenda_decide", item.pk), {prefix: ""}, follow=True)
    assert "Большинство не поддержало предложение: укажите обоснование отказа." in _messages(
        refused
    )
    response = client.post(
        _url("agenda_decide", item.pk), {prefix: "Нет опыта руководства"}, follow=True
    )

    item.refresh_from_db()
    assert item.decision == "refuse"
    assert "Решение принято: отказать во включении." in _messages(response)
    twice = client.post(_url("agenda_decide", item.pk), {prefix: "Ещё раз"}, follow=True)
    assert "Решение по этому вопросу уже принято." in _messages(twice)


def test_an_ordinary_member_cannot_decide_or_close(client, expert_user, meeting, item):
    vote_all(item, ["for"] * 5)
    client.force_login(expert_user)

    assert client.post(_url("agenda_decide", item.pk), {}).status_code == 404
    assert (
        client.post(_url("meeting_close", meeting.pk), {"protocol_number": "1"}).status_code == 404
    )
    item.refresh_from_db()
    assert item.decision == ""


def test_closing_and_downloading_the_protocol(client, ministry_user, expert_user, meeting, item):
    client.force_login(ministry_user)
    assert client.get(_url("meeting_protocol_docx", meeting.pk)).status_code == 404
    early = client.post(_url("meeting_close", meeting.pk), {"protocol_number": "3"}, follow=True)
    assert "Не принято решение по вопросам: 1." in _messages(early)
    vote_all(item, ["for"] * 5)
    agenda_item_decide(item=item, actor=ministry_user)

    asked = client.post(_url("meeting_close", meeting.pk), {"protocol_number": "3"})
    meeting.refresh_from_db()
    assert meeting.status == "planned"
    assert "Закрыть заседание" in asked.content.decode()
    assert "голосовать, менять повестку и решения по нему будет нельзя" in asked.content.decode()

    client.post(_url("meeting_close", meeting.pk), {"protocol_number": "3", "confirmed": "yes"})

    meeting.refresh_from_db()
    assert (meeting.status, meeting.protocol_number) == ("held", "3")
    client.force_login(expert_user)
    response = client.get(_url("meeting_protocol_docx", meeting.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert PersonalDataAccess.objects.filter(
        actor=expert_user, purpose="протокол заседания комиссии"
    ).exists()
    outsider = UserFactory(role=Role.EXPERT)
    client.force_login(outsider)
    assert client.get(_url("meeting_protocol_docx", meeting.pk)).status_code == 404


def test_the_order_is_recorded_then_downloaded(client, ministry_user, expert_user, meeting, item):
    vote_all(item, ["for"] * 5)
    agenda_item_decide(item=item, actor=ministry_user)
    commission_meeting_close(meeting=meeting, protocol_number="3", actor=ministry_user)
    client.force_login(ministry_user)
    assert client.get(_url("meeting_order_docx", meeting.pk)).status_code == 404

    page = client.get(_url("meeting_detail", meeting.pk))
    assert page.context["order_form"]["order_number"].value() == "1"  # the year's first
    client.post(
        _url("meeting_order_record", meeting.pk),
        {
            "inclusion-order_number": "01-21/345",
            "inclusion-order_date": "20.03.2026",
            "inclusion-signatory_name": "Соколова Т. В.",
            "inclusion-signatory_post": "Министр образования Оренбургской области",
        },
    )

    membership = ReserveMembership.objects.get()
    assert (membership.inclusion_order.number, membership.started_on) == (
        "01-21/345",
        datetime.date(2026, 3, 20),
    )
    assert client.get(_url("meeting_order_docx", meeting.pk)).status_code == 200
    client.force_login(expert_user)  # a member of the commission, not the ministry
    assert client.get(_url("meeting_order_docx", meeting.pk)).status_code == 404
    assert (
        client.post(
            _url("meeting_order_record", meeting.pk),
            {"inclusion-order_number": "X", "inclusion-order_date": "21.03.2026"},
        ).status_code
        == 404
    )


def test_an_extension_question_from_the_meeting_page(client, ministry_user, meeting):
    soon = make_membership(term_ends_on=datetime.date.today() + datetime.timedelta(days=40))
    later = make_membership(term_ends_on=datetime.date.today() + datetime.timedelta(days=900))
    client.force_login(ministry_user)

    page = client.get(_url("meeting_detail", meeting.pk))
    assert list(page.context["extension_form"].fields["membership"].queryset) == [soon]
    client.post(_url("agenda_add_extension", meeting.pk), {"membership": soon.pk})

    assert AgendaItem.objects.get().membership == soon
    assert not AgendaItem.objects.filter(membership=later).exists()
    text = client.get(_url("meeting_detail", meeting.pk)).content.decode()
    assert "О продлении срока пребывания в кадровом резерве" in text


def test_a_held_meetings_page_links_the_membership_it_created(client, ministry_user, item):
    vote_all(item, ["for"] * 5)
    agenda_item_decide(item=item, actor=ministry_user)
    commission_meeting_close(meeting=item.meeting, protocol_number="4", actor=ministry_user)
    client.force_login(ministry_user)

    page = client.get(_url("meeting_detail", item.meeting_id))

    membership = ReserveMembership.objects.get()
    assert _url("membership_detail", membership.pk) in page.content.decode()
    assert not page.context["can_conduct"]
    assert page.context["can_download_protocol"]


def test_the_meeting_page_logs_whose_data_it_shows(client, expert_user, item):
    client.force_login(expert_user)
    client.get(_url("meeting_detail", item.meeting_id))
    log = PersonalDataAccess.objects.get(actor=expert_user)
    assert log.subject_id == str(item.nomination.candidate_id)


def test_changes_need_post(client, ministry_user, meeting, item):
    client.force_login(ministry_user)
    for url in [
        _url("meeting_create"),
        _url("agenda_add", meeting.pk),
        _url("agenda_vote", item.pk),
        _url("agenda_decide", item.pk),
        _url("meeting_close", meeting.pk),
        _url("meeting_order_record", meeting.pk),
    ]:
        assert client.get(url).status_code == 405, url

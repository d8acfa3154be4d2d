"""The Regulation's voting rules: who votes, who records, who decides, and only at an open meeting.

Each rule is tried by an outsider, a staff user who is not on the commission (admin and ministry
rights do not bypass it) and the commission's secretary.
"""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import Role
from candidates.models import CommissionMember, CommissionRole, MeetingAttendance, Vote
from candidates.selectors_commission import members_present
from candidates.services.commission import agenda_item_decide, commission_meeting_close, vote_cast
from candidates.services.commission_attendance import attendance_record, commission_meeting_open
from tests.candidates.commission_factories import (
    MEETING_DATE,
    make_commission,
    make_meeting,
    put_on_agenda,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    """The commission's seats: chair, deputy, secretary and two members (experts)."""
    return {
        "chair": UserFactory(role=Role.EXPERT, last_name="Председателева"),
        "deputy": UserFactory(role=Role.EXPERT, last_name="Заместителева"),
        "secretary": UserFactory(role=Role.MINISTRY, last_name="Секретарёва"),
        "member": UserFactory(role=Role.EXPERT, last_name="Членова"),
        "member2": UserFactory(role=Role.EXPERT, last_name="Голосова"),
    }


@pytest.fixture
def commission(people):
    return make_commission(
        (people["chair"], CommissionRole.CHAIR),
        (people["deputy"], CommissionRole.DEPUTY_CHAIR),
        (people["secretary"], CommissionRole.SECRETARY),
        (people["member"], CommissionRole.MEMBER),
        (people["member2"], CommissionRole.MEMBER),
    )


@pytest.fixture
def meeting(commission):
    return make_meeting(commission)


@pytest.fixture
def item(meeting, ministry_user):
    return put_on_agenda(meeting, ministry_user)


@pytest.fixture
def superuser(db):
    return UserFactory(role=Role.ADMIN, is_superuser=True, username="root")


def seat(user) -> CommissionMember:
    return CommissionMember.objects.get(user=user)


def url(name: str, pk: int) -> str:
    return reverse(f"candidates:{name}", args=[pk])


def present(meeting, *users, actor) -> None:
    for user in users:
        attendance_record(meeting=meeting, member=seat(user), present=True, actor=actor)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- who casts a vote -----------------------------------------------------------------------


@pytest.mark.parametrize("outsider", ["admin_user", "ministry_user", "superuser", "expert_user"])
def test_nobody_off_the_commission_votes_for_a_member(request, client, item, people, outsider):
    user = request.getfixturevalue(outsider)
    member = seat(people["member"])
    vote_cast(item=item, member=member, choice="against", actor=people["member"])
    client.force_login(user)

    response = client.post(url("agenda_vote", item.pk), {"choice": "for", "member": member.pk})

    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        vote_cast(item=item, member=member, choice="for", actor=user)
    assert Vote.objects.get(member=member).choice == "against"


@pytest.mark.parametrize("outsider", ["candidate_user", "mentor_user", "municipal_user"])
def test_outsiders_get_404_on_every_voting_action(request, client, item, people, outsider):
    client.force_login(request.getfixturevalue(outsider))
    member = seat(people["member"])

    assert client.post(url("agenda_vote", item.pk), {"choice": "for"}).status_code == 404
    assert (
        client.post(url("agenda_vote", item.pk), {"choice": "for", "member": member.pk}).status_code
        == 404
    )
    assert client.post(url("agenda_decide", item.pk), {}).status_code == 404
    assert client.post(url("meeting_open", item.meeting.pk)).status_code == 404
    assert (
        client.post(
            url("meeting_attendance", item.meeting.pk), {"member": member.pk, "present": "yes"}
        ).status_code
        == 404
    )
    assert not Vote.objects.exists()
    assert not MeetingAttendance.objects.exists()


def test_a_member_votes_themself_and_is_then_present(client, item, people):
    client.force_login(people["member"])

    client.post(url("agenda_vote", item.pk), {"choice": "for"})

    vote = Vote.objects.get()
    assert (vote.member.user, vote.recorded_by, vote.cast_by_member) == (
        people["member"],
        people["member"],
        True,
    )
    assert MeetingAttendance.objects.get(member=seat(people["member"])).present


def test_an_ordinary_member_cannot_vote_for_another(client, item, people):
    client.force_login(people["member"])
    other = seat(people["member2"])

    response = client.post(url("agenda_vote", item.pk), {"choice": "for", "member": other.pk})

    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_the_secretary_records_only_a_present_members_vote(item, people):
    secretary, member = people["secretary"], seat(people["member"])

    with pytest.raises(ValidationError, match="не отмечен"):
        vote_cast(item=item, member=member, choice="for", actor=secretary)
    present(item.meeting, people["member"], actor=secretary)
    vote = vote_cast(item=item, member=member, choice="for", actor=secretary)

    assert (vote.recorded_by, vote.cast_by_member) == (secretary, False)
    MeetingAttendance.objects.filter(member=member).update(present=False)
    with pytest.raises(ValidationError, match="не отмечен"):
        vote_cast(item=item, member=member, choice="against", actor=secretary)


def test_nobody_overwrites_a_vote_the_member_cast_themself(client, item, people):
    member = seat(people["member"])
    vote_cast(item=item, member=member, choice="against", actor=people["member"])
    client.force_login(people["secretary"])

    response = client.post(
        url("agenda_vote", item.pk), {"choice": "for", "member": member.pk}, follow=True
    )

    assert Vote.objects.get(member=member).choice == "against"
    assert any("никто другой не меняет" in message for message in messages_of(response))
    # The member still changes their own mind until the decision.
    vote_cast(item=item, member=member, choice="for", actor=people["member"])
    assert Vote.objects.get(member=member).choice == "for"


def test_the_secretary_may_correct_a_vote_they_recorded(item, people):
    secretary, member = people["secretary"], seat(people["member"])
    present(item.meeting, people["member"], actor=secretary)
    vote_cast(item=item, member=member, choice="for", actor=secretary)

    vote_cast(item=item, member=member, choice="abstain", actor=secretary)

    assert Vote.objects.get(member=member).choice == "abstain"


# --- attendance and opening -----------------------------------------------------------------


@pytest.mark.parametrize("who", ["chair", "member", "admin", "ministry"])
def test_only_the_secretary_records_attendance(client, request, item, people, who):
    user = people.get(who) or request.getfixturevalue(f"{who}_user")
    member = seat(people["member2"])
    client.force_login(user)

    response = client.post(
        url("meeting_attendance", item.meeting.pk), {"member": member.pk, "present": "yes"}
    )

    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        attendance_record(meeting=item.meeting, member=member, present=True, actor=user)
    assert not MeetingAttendance.objects.exists()
    client.force_login(people["secretary"])
    client.post(url("meeting_attendance", item.meeting.pk), {"member": member.pk, "present": "no"})
    assert MeetingAttendance.objects.get(member=member).present is False


def test_votes_and_decisions_wait_for_the_meeting_day_or_the_secretarys_opening(
    commission, ministry_user, people
):
    with time_machine.travel(datetime.datetime(2026, 3, 10, 10, 0), tick=False):
        meeting = make_meeting(commission, MEETING_DATE, opened=False)
        item = put_on_agenda(meeting, ministry_user)
        with pytest.raises(ValidationError, match="в день заседания"):
            vote_cast(
                item=item, member=seat(people["member"]), choice="for", actor=people["member"]
            )
        with pytest.raises(ValidationError, match="в день заседания"):
            agenda_item_decide(item=item, actor=people["chair"])
        for user in (people["chair"], ministry_user):
            with pytest.raises(PermissionDenied):
                commission_meeting_open(meeting=meeting, actor=user)

        commission_meeting_open(meeting=meeting, actor=people["secretary"])
        vote_cast(item=item, member=seat(people["member"]), choice="for", actor=people["member"])
    assert Vote.objects.count() == 1

    with time_machine.travel(datetime.datetime(2026, 3, 16, 10, 0), tick=False):
        on_the_day = make_meeting(commission, MEETING_DATE, opened=False)
        other = put_on_agenda(on_the_day, ministry_user)
        vote_cast(item=other, member=seat(people["member"]), choice="for", actor=people["member"])
    assert Vote.objects.count() == 2


def test_the_page_offers_the_secretary_to_open_a_meeting_before_its_day(
    client, commission, ministry_user, people
):
    with time_machine.travel(datetime.datetime(2026, 3, 10, 10, 0), tick=False):
        meeting = make_meeting(commission, MEETING_DATE, opened=False)
        client.force_login(people["chair"])
        assert "Открыть заседание" not in client.get(url("meeting_detail", meeting.pk)).text
        assert client.post(url("meeting_open", meeting.pk)).status_code == 404
        client.force_login(people["secretary"])
        assert "Открыть заседание" in client.get(url("meeting_detail", meeting.pk)).text

        client.post(url("meeting_open", meeting.pk))

    meeting.refresh_from_db()
    assert meeting.opened_by == people["secretary"]


# --- who closes a question and the meeting --------------------------------------------------


def _votes_for(item, people) -> None:
    for name in ("chair", "secretary", "member"):
        vote_cast(item=item, member=seat(people[name]), choice="for", actor=people[name])


@pytest.mark.parametrize("who", ["deputy", "member", "admin", "ministry", "superuser"])
def test_only_the_chair_or_the_secretary_decides(client, request, item, people, who):
    user = people.get(who) or request.getfixturevalue(who if who == "superuser" else f"{who}_user")
    _votes_for(item, people)
    client.force_login(user)

    assert client.post(url("agenda_decide", item.pk), {}).status_code == 404
    with pytest.raises(PermissionDenied):
        agenda_item_decide(item=item, actor=user)
    item.refresh_from_db()
    assert item.decision == ""
    assert not item.nomination.__class__.objects.filter(
        pk=item.nomination_id, membership__isnull=False
    ).exists()


@pytest.mark.parametrize("who", ["chair", "secretary"])
def test_the_chair_or_the_secretary_decides_and_closes(client, item, people, who):
    _votes_for(item, people)
    client.force_login(people[who])

    client.post(url("agenda_decide", item.pk), {})
    client.post(url("meeting_close", item.meeting.pk), {"protocol_number": "9", "confirmed": "yes"})

    item.refresh_from_db()
    item.meeting.refresh_from_db()
    assert item.decision == "include"
    assert item.meeting.protocol_number == "9"


def test_admin_rights_do_not_close_the_meeting(item, people, admin_user, superuser):
    _votes_for(item, people)
    agenda_item_decide(item=item, actor=people["chair"])

    for user in (admin_user, superuser):
        with pytest.raises(PermissionDenied):
            commission_meeting_close(meeting=item.meeting, protocol_number="1", actor=user)


def test_only_votes_of_members_present_count(item, people):
    _votes_for(item, people)
    secretary = people["secretary"]
    attendance_record(
        meeting=item.meeting, member=seat(people["member"]), present=False, actor=secretary
    )
    # Quorum of 50 % of five is three votes: two present votes are not enough.
    with pytest.raises(ValidationError, match="Нет кворума: проголосовали 2 из 5"):
        agenda_item_decide(item=item, actor=people["chair"])


def test_the_protocol_lists_the_members_marked_present(item, people):
    secretary = people["secretary"]
    present(item.meeting, people["deputy"], people["member"], actor=secretary)
    attendance_record(
        meeting=item.meeting, member=seat(people["member2"]), present=False, actor=secretary
    )
    vote_cast(item=item, member=seat(people["chair"]), choice="for", actor=people["chair"])

    names = {member.user.last_name for member in members_present(item.meeting)}

    assert names == {"Заместителева", "Членова", "Председателева"}

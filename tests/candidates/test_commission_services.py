"""The commission's rules: agenda, votes, decisions by majority with quorum, their effects."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from audit.models import AuditEvent
from candidates.models import (
    AgendaItem,
    CommissionMember,
    Decision,
    MembershipEvent,
    NominationStatus,
    ReserveMembership,
    StatusChange,
    Vote,
)
from candidates.services.commission import (
    agenda_item_add_extension,
    agenda_item_decide,
    commission_meeting_close,
    vote_cast,
)
from candidates.services.membership import membership_record_order
from governance.regulation import DEFAULT_PARAMETERS
from governance.services import regulation_version_create
from tests.candidates.commission_factories import (
    MEETING_DATE,
    chair_of,
    make_full_commission,
    make_meeting,
    make_membership,
    put_on_agenda,
    secretary_of,
    vote_all,
)
from tests.candidates.factories import make_nomination

S = NominationStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(db):
    return make_meeting(make_full_commission())


@pytest.mark.parametrize("status", [s for s in S if s != S.COMMISSION_REVIEW])
def test_only_nominations_under_commission_review_go_on_the_agenda(status, meeting, ministry_user):
    nomination = make_nomination(status=status)

    with pytest.raises(ValidationError, match="рассмотрение комиссией"):
        put_on_agenda(meeting, ministry_user, nomination=nomination)
    assert not AgendaItem.objects.exists()


def test_a_nomination_is_put_on_the_agenda_once(meeting, ministry_user):
    nomination = make_nomination(status=S.COMMISSION_REVIEW)
    put_on_agenda(meeting, ministry_user, nomination=nomination)

    with pytest.raises(ValidationError, match="уже стоит в повестке"):
        put_on_agenda(meeting, ministry_user, nomination=nomination)
    other_meeting = make_meeting(meeting.commission, datetime.date(2026, 4, 1))
    with pytest.raises(ValidationError, match="уже стоит в повестке"):
        put_on_agenda(other_meeting, ministry_user, nomination=nomination)
    assert AgendaItem.objects.count() == 1


def test_agenda_terms_come_from_the_regulation(meeting, ministry_user):
    with pytest.raises(ValidationError, match="категорию"):
        put_on_agenda(meeting, ministry_user, category="strategic")
    with pytest.raises(ValidationError, match="готовности"):
        put_on_agenda(meeting, ministry_user, readiness="someday")


def test_only_members_of_the_commission_vote(meeting, ministry_user):
    item = put_on_agenda(meeting, ministry_user)
    stranger_commission = make_full_commission()
    stranger = stranger_commission.members.first()

    with pytest.raises(ValidationError, match="только члены этой комиссии"):
        vote_cast(item=item, member=stranger, choice="for", actor=stranger.user)
    retired = meeting.commission.members.last()
    CommissionMember.objects.filter(pk=retired.pk).update(is_active=False)
    retired.refresh_from_db()
    with pytest.raises(ValidationError, match="только члены этой комиссии"):
        vote_cast(item=item, member=retired, choice="for", actor=retired.user)
    assert not Vote.objects.exists()


def test_a_member_may_change_the_vote_until_the_decision_but_not_after(meeting, ministry_user):
    item = put_on_agenda(meeting, ministry_user)
    member = meeting.commission.members.first()
    vote_cast(item=item, member=member, choice="against", actor=member.user)
    vote_cast(item=item, member=member, choice="for", actor=member.user)
    assert list(Vote.objects.values_list("choice", flat=True)) == ["for"]

    vote_all(item, ["for", "for", "for"])
    agenda_item_decide(item=item, actor=chair_of(item.meeting))
    with pytest.raises(ValidationError, match="голос изменить нельзя"):
        vote_cast(item=item, member=member, choice="against", actor=member.user)
    assert Vote.objects.get(member=member).choice == "for"


def test_majority_includes_the_candidate_with_term_from_the_regulation(meeting, ministry_user):
    item = put_on_agenda(
        meeting, ministry_user, category="prospective", readiness="within_two_years"
    )
    vote_all(item, ["for", "for", "against", "abstain"])  # 2 of 4 is no majority
    with pytest.raises(ValidationError, match="обоснование отказа"):
        agenda_item_decide(item=item, actor=chair_of(item.meeting))

    vote_all(item, ["for", "for", "for", "abstain"])
    decided = agenda_item_decide(item=item, actor=chair_of(item.meeting))

    assert decided.decision == Decision.INCLUDE
    assert (decided.votes_for, decided.votes_against, decided.votes_abstained) == (3, 0, 1)
    membership = ReserveMembership.objects.get(nomination=item.nomination)
    # Inclusion is by the ministry's order: until it is recorded there is no term.
    assert (membership.status, membership.started_on, membership.term_ends_on) == (
        "pending_order",
        None,
        None,
    )
    assert (membership.category, membership.readiness) == ("prospective", "within_two_years")
    assert membership.decision_item == decided
    item.nomination.refresh_from_db()
    assert item.nomination.status == S.INCLUDED

    order_day = MEETING_DATE + datetime.timedelta(days=9)
    membership_record_order(
        memberships=[membership],
        order_number="01-21/345",
        order_date=order_day,
        signatory_name="Иванова А. П.",
        actor=ministry_user,
    )
    membership.refresh_from_db()
    assert (membership.status, membership.started_on) == ("active", order_day)
    assert membership.term_ends_on == datetime.date(2029, 3, 24)  # 3 years from the order
    assert membership.inclusion_order.reference == "от 25.03.2026 № 01-21/345"
    assert MembershipEvent.objects.filter(membership=membership, action="include").count() == 1


def test_term_end_follows_a_new_version_of_the_regulation(meeting, ministry_user):
    regulation_version_create(
        author=ministry_user,
        parameters={**DEFAULT_PARAMETERS, "reserve_term_years": 5},
        reason="Приказ министерства № 01-21/100",
    )
    item = put_on_agenda(meeting, ministry_user)
    vote_all(item, ["for"] * 5)
    agenda_item_decide(item=item, actor=chair_of(item.meeting))
    membership_record_order(
        memberships=list(ReserveMembership.objects.all()),
        order_number="7",
        order_date=MEETING_DATE,
        signatory_name="Иванова А. П.",
        actor=ministry_user,
    )

    membership = ReserveMembership.objects.get()
    assert membership.term_ends_on == datetime.date(2031, 3, 15)


def test_a_tie_is_decided_by_the_presiding_members_vote(meeting, ministry_user):
    item = put_on_agenda(meeting, ministry_user)
    # The chair (first) and the secretary for, two members against: the chair's vote decides.
    vote_all(item, ["for", "for", "against", "against"])

    decided = agenda_item_decide(item=item, actor=chair_of(item.meeting))

    assert (decided.decision, decided.tie_broken_by_chair) == (Decision.INCLUDE, True)


def test_a_tie_is_a_refusal_that_needs_a_reason_when_the_regulation_says_so(meeting, ministry_user):
    regulation_version_create(
        author=ministry_user,
        parameters={**DEFAULT_PARAMETERS, "commission_tie_rule": "not_adopted"},
        reason="Приказ министерства № 01-21/101",
    )
    item = put_on_agenda(meeting, ministry_user)
    vote_all(item, ["for", "for", "against", "against"])

    with pytest.raises(ValidationError, match="обоснование отказа"):
        agenda_item_decide(item=item, actor=chair_of(item.meeting), reason="   ")
    decided = agenda_item_decide(
        item=item, actor=chair_of(item.meeting), reason="Недостаточный управленческий опыт"
    )

    assert decided.decision == Decision.REFUSE
    item.nomination.refresh_from_db()
    assert item.nomination.status == S.REFUSED
    change = StatusChange.objects.filter(nomination=item.nomination).last()
    assert "Недостаточный управленческий опыт" in change.reason
    assert not ReserveMembership.objects.exists()


def test_no_quorum_no_decision(meeting, ministry_user):
    item = put_on_agenda(meeting, ministry_user)
    vote_all(item, ["for", "for"])  # 2 of 5, quorum 50 % needs 3

    with pytest.raises(
        ValidationError, match="Нет кворума: проголосовали 2 из 5, нужно не менее 3"
    ):
        agenda_item_decide(item=item, actor=chair_of(item.meeting))
    item.refresh_from_db()
    assert item.decision == ""
    assert not AuditEvent.objects.filter(action="agenda.decide").exists()


def test_quorum_comes_from_the_regulation(meeting, ministry_user):
    regulation_version_create(
        author=ministry_user,
        parameters={**DEFAULT_PARAMETERS, "commission_quorum_percent": 30},
        reason="Кворум треть состава",
    )
    item = put_on_agenda(meeting, ministry_user)
    vote_all(item, ["for", "for"])  # 2 of 5 ≥ 30 %

    assert agenda_item_decide(item=item, actor=chair_of(item.meeting)).decision == Decision.INCLUDE


def test_a_decided_question_is_not_decided_again(meeting, ministry_user):
    item = put_on_agenda(meeting, ministry_user)
    vote_all(item, ["for"] * 3)
    agenda_item_decide(item=item, actor=chair_of(item.meeting))

    with pytest.raises(ValidationError, match="уже принято"):
        agenda_item_decide(item=item, actor=chair_of(item.meeting))
    assert ReserveMembership.objects.count() == 1


def test_extension_moves_the_term_and_respects_the_limit(meeting, ministry_user):
    membership = make_membership(
        started_on=datetime.date(2023, 5, 1), term_ends_on=datetime.date(2026, 4, 30)
    )
    for expected_end, extensions in [
        (datetime.date(2027, 4, 30), 1),
        (datetime.date(2028, 4, 30), 2),
    ]:
        item = agenda_item_add_extension(
            meeting=meeting, membership=membership, actor=ministry_user
        )
        with pytest.raises(ValidationError, match="уже стоит в повестке"):
            agenda_item_add_extension(meeting=meeting, membership=membership, actor=ministry_user)
        vote_all(item, ["for"] * 3)
        assert (
            agenda_item_decide(item=item, actor=chair_of(item.meeting)).decision == Decision.EXTEND
        )
        membership.refresh_from_db()
        assert (membership.term_ends_on, membership.extensions) == (expected_end, extensions)

    with pytest.raises(ValidationError, match="не более 2"):
        agenda_item_add_extension(meeting=meeting, membership=membership, actor=ministry_user)
    events = MembershipEvent.objects.filter(membership=membership, action="extend")
    assert [(e.old_term_ends_on, e.new_term_ends_on) for e in events] == [
        (datetime.date(2026, 4, 30), datetime.date(2027, 4, 30)),
        (datetime.date(2027, 4, 30), datetime.date(2028, 4, 30)),
    ]


def test_a_refused_extension_leaves_the_term(meeting, ministry_user):
    membership = make_membership(term_ends_on=datetime.date(2026, 4, 30))
    item = agenda_item_add_extension(meeting=meeting, membership=membership, actor=ministry_user)
    vote_all(item, ["against"] * 3)
    agenda_item_decide(item=item, actor=chair_of(item.meeting), reason="План развития не выполнен")

    membership.refresh_from_db()
    assert (membership.term_ends_on, membership.extensions) == (datetime.date(2026, 4, 30), 0)


def test_only_active_memberships_are_extended(meeting, ministry_user):
    membership = make_membership(status="excluded")
    with pytest.raises(ValidationError, match="только действующее"):
        agenda_item_add_extension(meeting=meeting, membership=membership, actor=ministry_user)


def test_closing_needs_every_decision_and_a_unique_protocol_number(meeting, ministry_user):
    with pytest.raises(ValidationError, match="Повестка пуста"):
        commission_meeting_close(meeting=meeting, protocol_number="1", actor=chair_of(meeting))
    item = put_on_agenda(meeting, ministry_user)
    with pytest.raises(ValidationError, match="Не принято решение по вопросам: 1"):
        commission_meeting_close(meeting=meeting, protocol_number="1", actor=chair_of(meeting))
    vote_all(item, ["for"] * 3)
    agenda_item_decide(item=item, actor=chair_of(item.meeting))
    with pytest.raises(ValidationError, match="номер протокола"):
        commission_meeting_close(meeting=meeting, protocol_number="  ", actor=chair_of(meeting))

    closed = commission_meeting_close(meeting=meeting, protocol_number="7", actor=chair_of(meeting))

    assert (closed.status, closed.protocol_number) == ("held", "7")
    with pytest.raises(ValidationError, match="уже проведено"):
        put_on_agenda(meeting, ministry_user)
    with pytest.raises(ValidationError, match="уже проведено"):
        commission_meeting_close(meeting=meeting, protocol_number="8", actor=chair_of(meeting))
    other = make_meeting(meeting.commission, datetime.date(2026, 5, 1))
    other_item = put_on_agenda(other, ministry_user)
    vote_all(other_item, ["for"] * 3)
    agenda_item_decide(item=other_item, actor=chair_of(other_item.meeting))
    with pytest.raises(ValidationError, match="Протокол с таким номером уже есть"):
        commission_meeting_close(meeting=other, protocol_number="7", actor=chair_of(other))


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_decisions_on_one_question_have_one_winner(ministry_user):
    meeting = make_meeting(make_full_commission())
    item = put_on_agenda(meeting, ministry_user)
    vote_all(item, ["for", "for", "against"])
    outcomes: list[str] = []
    start = threading.Barrier(3)

    def decide(actor) -> None:
        try:
            start.wait()
            agenda_item_decide(
                item=AgendaItem.objects.get(pk=item.pk), actor=actor, reason="Одновременно"
            )
            outcomes.append("decided")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    # Hold the question's row so both decisions queue on its lock, then let them race.
    with transaction.atomic():
        AgendaItem.objects.select_for_update().get(pk=item.pk)
        threads = [
            threading.Thread(target=decide, args=(user,))
            for user in (chair_of(meeting), secretary_of(meeting))
        ]
        for thread in threads:
            thread.start()
        start.wait()
    for thread in threads:
        thread.join(timeout=20)

    assert sorted(outcomes) == ["decided", "refused"]
    assert ReserveMembership.objects.filter(nomination=item.nomination).count() == 1
    assert AuditEvent.objects.filter(action="agenda.decide").count() == 1
    assert (
        StatusChange.objects.filter(nomination=item.nomination, to_status=S.INCLUDED).count() == 1
    )
    assert connection.vendor == "postgresql"


def test_votes_of_members_who_left_do_not_count(meeting, ministry_user):
    item = put_on_agenda(meeting, ministry_user)
    vote_all(item, ["for", "for", "for"])
    leaving = meeting.commission.members.exclude(role="chair").order_by("id")[:2]
    CommissionMember.objects.filter(pk__in=[m.pk for m in leaving]).update(is_active=False)

    with pytest.raises(ValidationError, match="Нет кворума: проголосовали 1 из 3"):
        agenda_item_decide(item=item, actor=chair_of(item.meeting))

"""Membership of the reserve: exclusion on a ground, daily expiry, the inclusion order."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command

from audit.models import AuditEvent
from candidates.models import MembershipEvent, ReserveMembership
from candidates.services.membership import (
    membership_exclude,
    membership_record_order,
    memberships_expire,
)
from governance.orders import order_next_number
from tests.candidates.commission_factories import make_membership

pytestmark = pytest.mark.django_db


def test_exclusion_needs_a_ground_of_the_regulation(ministry_user):
    membership = make_membership()

    with pytest.raises(ValidationError, match="основание исключения из Положения"):
        membership_exclude(membership=membership, ground="dislike", actor=ministry_user)
    excluded = membership_exclude(
        membership=membership,
        ground="own_request",
        reason="Заявление от 02.03.2026",
        on_date=datetime.date(2026, 3, 2),
        actor=ministry_user,
    )

    assert (excluded.status, excluded.exclusion_ground, excluded.ended_on) == (
        "excluded",
        "own_request",
        datetime.date(2026, 3, 2),
    )
    event = MembershipEvent.objects.get(membership=membership, action="exclude")
    assert event.reason == "личное заявление резервиста. Заявление от 02.03.2026"
    assert (event.from_status, event.to_status, event.actor) == (
        "active",
        "excluded",
        ministry_user,
    )
    with pytest.raises(ValidationError, match="уже не действует"):
        membership_exclude(membership=membership, ground="no_report", actor=ministry_user)
    assert MembershipEvent.objects.filter(action="exclude").count() == 1


def test_expiry_closes_ended_terms_once():
    ended = make_membership(term_ends_on=datetime.date(2026, 3, 9))
    last_day = make_membership(term_ends_on=datetime.date(2026, 3, 10))
    excluded = make_membership(term_ends_on=datetime.date(2026, 1, 1), status="excluded")

    assert memberships_expire(today=datetime.date(2026, 3, 10)) == 1
    assert memberships_expire(today=datetime.date(2026, 3, 10)) == 0

    statuses = dict(ReserveMembership.objects.values_list("pk", "status"))
    assert statuses == {ended.pk: "expired", last_day.pk: "active", excluded.pk: "excluded"}
    ended.refresh_from_db()
    assert (ended.exclusion_ground, ended.ended_on) == ("term_expired", datetime.date(2026, 3, 9))
    assert MembershipEvent.objects.filter(action="expire").count() == 1
    assert AuditEvent.objects.filter(action="membership.expire", source="command").count() == 1


def test_expiry_command_is_idempotent_with_today_option():
    membership = make_membership(term_ends_on=datetime.date(2026, 3, 9))
    first, second = io.StringIO(), io.StringIO()

    call_command("expire_memberships", "--today", "2026-03-10", stdout=first)
    snapshot = list(ReserveMembership.objects.values())
    call_command("expire_memberships", "--today", "2026-03-10", stdout=second)

    assert first.getvalue().strip() == "истёк срок: 1"
    assert second.getvalue().strip() == "истёк срок: 0"
    assert list(ReserveMembership.objects.values()) == snapshot
    assert MembershipEvent.objects.filter(membership=membership, action="expire").count() == 1


def test_expiry_command_uses_the_local_date():
    make_membership(term_ends_on=datetime.date(2026, 3, 9))
    out = io.StringIO()

    # 9 March 20:00 UTC is already 10 March 01:00 in Orenburg (UTC+5).
    with time_machine.travel(datetime.datetime(2026, 3, 9, 20, 0, tzinfo=datetime.UTC)):
        call_command("expire_memberships", stdout=out)
        call_command("expire_memberships", stdout=out)

    assert out.getvalue().split("\n")[:2] == ["истёк срок: 1", "истёк срок: 0"]


def test_the_order_is_recorded_once(ministry_user):
    memberships = [make_membership(status="pending_order"), make_membership(status="pending_order")]

    with pytest.raises(ValidationError, match="номер приказа"):
        membership_record_order(
            memberships=memberships,
            order_number=" ",
            order_date=datetime.date(2026, 3, 20),
            signatory_name="Иванова А. П.",
            actor=ministry_user,
        )
    membership_record_order(
        memberships=memberships,
        order_number="01-21/345",
        order_date=datetime.date(2026, 3, 20),
        signatory_name="Иванова А. П.",
        actor=ministry_user,
    )

    assert set(
        ReserveMembership.objects.values_list(
            "inclusion_order__number", "started_on", "term_ends_on", "status"
        )
    ) == {("01-21/345", datetime.date(2026, 3, 20), datetime.date(2029, 3, 19), "active")}
    assert AuditEvent.objects.filter(action="membership.order").count() == 2
    with pytest.raises(ValidationError, match="уже записан"):
        membership_record_order(
            memberships=memberships,
            order_number="01-21/346",
            order_date=datetime.date(2026, 3, 20),
            signatory_name="Иванова А. П.",
            actor=ministry_user,
        )
    assert AuditEvent.objects.filter(action="membership.order").count() == 2


def test_an_order_number_is_used_once_a_year_and_the_next_is_suggested(ministry_user):
    first = [make_membership(status="pending_order")]
    second = [make_membership(status="pending_order")]
    membership_record_order(
        memberships=first,
        order_number="01-21/345",
        order_date=datetime.date(2026, 3, 20),
        signatory_name="Иванова А. П.",
        actor=ministry_user,
    )

    assert order_next_number(datetime.date(2026, 4, 1)) == "01-21/346"
    with pytest.raises(ValidationError, match="уже записан в реестре"):
        membership_record_order(
            memberships=second,
            order_number="01-21/345",
            order_date=datetime.date(2026, 5, 1),
            signatory_name="Иванова А. П.",
            actor=ministry_user,
        )
    assert order_next_number(datetime.date(2027, 1, 10)) == "1"

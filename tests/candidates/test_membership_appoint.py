"""An appointment closes a membership as «назначен», never as an exclusion."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from candidates.forms_commission import ExcludeForm
from candidates.models import MembershipEvent, MembershipStatus
from candidates.services.membership import membership_appoint, membership_exclude
from governance.selectors import regulation_in_force
from tests.candidates.commission_factories import make_membership

pytestmark = pytest.mark.django_db


def test_it_closes_an_active_membership_as_appointed_with_an_event(ministry_user):
    membership = make_membership()

    appointed = membership_appoint(
        membership=membership,
        on_date=datetime.date(2026, 9, 1),
        reason="Назначен директором МОБУ «СОШ № 5», приказ № 12-к от 25.08.2026",
        actor=ministry_user,
    )

    assert (appointed.status, appointed.exclusion_ground, appointed.ended_on) == (
        MembershipStatus.APPOINTED,
        "",
        datetime.date(2026, 9, 1),
    )
    event = MembershipEvent.objects.get(membership=membership, action="appoint")
    assert (event.from_status, event.to_status, event.actor) == (
        "active",
        "appointed",
        ministry_user,
    )
    assert "приказ № 12-к" in event.reason
    assert AuditEvent.objects.filter(
        action="membership.appoint", object_id=str(membership.pk)
    ).exists()


def test_it_refuses_a_membership_that_is_no_longer_active(ministry_user):
    membership = make_membership(status="excluded")

    with pytest.raises(ValidationError, match="уже не действует"):
        membership_appoint(
            membership=membership, on_date=datetime.date(2026, 9, 1), reason="Приказ", actor=None
        )

    assert not MembershipEvent.objects.filter(action="appoint").exists()


def test_an_appointment_is_never_recorded_as_an_exclusion(ministry_user):
    membership = make_membership()

    with pytest.raises(ValidationError, match="не оформляется исключением"):
        membership_exclude(membership=membership, ground="appointed", actor=ministry_user)

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    grounds = [
        code for code, _ in ExcludeForm(regulation=regulation_in_force()).fields["ground"].choices
    ]
    assert "appointed" not in grounds and "offer_refusals" in grounds

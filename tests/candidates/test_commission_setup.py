"""Who may be seated on a selection commission: the service's rule and the admin's choices."""

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Role
from candidates.access import commission_member_choices
from candidates.models import Commission, CommissionMember
from candidates.services.commission_setup import commission_member_add
from tests.factories import UserFactory


@pytest.fixture
def commission(db) -> Commission:
    return Commission.objects.create(name="Комиссия по формированию кадрового резерва")


@pytest.mark.parametrize("role", [Role.MINISTRY, Role.EXPERT, Role.ADMIN])
def test_it_seats_ministry_staff_experts_and_administrators(commission, admin_user, role):
    person = UserFactory(role=role)

    commission_member_add(commission=commission, user=person, actor=admin_user)

    assert CommissionMember.objects.filter(commission=commission, user=person).exists()


def test_it_seats_a_superuser_whatever_the_role_says(commission, admin_user):
    person = UserFactory(role=Role.CANDIDATE, is_superuser=True)

    commission_member_add(commission=commission, user=person, actor=admin_user)

    assert commission.members.filter(user=person).exists()


@pytest.mark.parametrize("role", [Role.MUNICIPAL, Role.MENTOR, Role.CANDIDATE])
def test_it_refuses_the_other_roles_in_russian(commission, admin_user, municipality, role):
    person = UserFactory(role=role, municipality=municipality if role == Role.MUNICIPAL else None)

    with pytest.raises(ValidationError, match="в комиссию включаются специалисты министерства"):
        commission_member_add(commission=commission, user=person, actor=admin_user)
    assert not commission.members.exists()


def test_the_admin_offers_the_active_accounts_of_those_roles(
    ministry_user, expert_user, mentor_user
):
    retired = UserFactory(role=Role.EXPERT, is_active=False)

    offered = set(commission_member_choices())

    assert {ministry_user, expert_user} <= offered
    assert not {mentor_user, retired} & offered

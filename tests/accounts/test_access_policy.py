"""The accounts' policy: the back office's list of users and its page agree, over the cast."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from accounts import access
from accounts.models import Role, User
from registry.models import Organization
from tests.factories import UserFactory


@pytest.fixture
def cast(
    admin_user, ministry_user, municipal_user, outsider_municipal_user, expert_user, mentor_user
) -> dict:
    return {
        "admin": admin_user,
        "ministry": ministry_user,
        "coordinator": municipal_user,
        "outsider_coordinator": outsider_municipal_user,
        "candidate": UserFactory(username="applicant", role=Role.CANDIDATE),
        "expert": expert_user,
        "mentor": mentor_user,
        "inactive": UserFactory(username="former", role=Role.MINISTRY, is_active=False),
        "anonymous": AnonymousUser(),
    }


def test_the_user_pages_and_the_user_rows_agree(cast):
    accounts = list(User.objects.all())
    for name, user in cast.items():
        visible = set(access.users_visible_to(user))
        assert visible == (set(accounts) if name in {"admin", "ministry"} else set()), name
        for account in accounts:
            assert access.can_view_users(user) == (account in visible), name
        assert not access.can_manage_users(user) or access.can_view_users(user), name


def test_rows_of_no_territory_go_to_a_coordinator_only_through_own(
    cast, organization, other_organization
):
    rows = Organization.objects.all()
    own = {Role.MUNICIPAL: Q(pk=other_organization.pk), Role.MENTOR: Q(pk=organization.pk)}

    def visible(name):
        return set(access.scope_by_role(rows, cast[name], own=own))

    assert visible("ministry") == {organization, other_organization}
    assert visible("coordinator") == {other_organization}  # not their municipality's rows
    assert visible("mentor") == {organization}
    assert visible("expert") == visible("inactive") == visible("anonymous") == set()


def test_the_municipality_scope_is_the_primitives_special_case(
    cast, organization, other_organization
):
    rows = Organization.objects.all()
    for name, user in cast.items():
        expected = set(access.scope_by_role(rows, user, municipality="municipality"))
        assert set(access.scope_to_municipality(rows, user)) == expected, name

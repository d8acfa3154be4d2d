"""The registry's policy: the question about one organization agrees with the queryset.

A fixed cast asks about organizations and municipalities; the expected viewers of each are
written out, and the queryset, the question about the row and the in-memory territory rule
(covers_municipality) must all give them.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.access import covers_municipality
from accounts.models import Role
from registry import access
from registry.models import Municipality
from tests.candidates.factories import make_candidate
from tests.factories import OrganizationFactory, UserFactory

REGION = {"admin", "ministry"}


@pytest.fixture
def cast(
    admin_user, ministry_user, municipal_user, outsider_municipal_user, expert_user, mentor_user
) -> dict:
    return {
        "admin": admin_user,
        "ministry": ministry_user,
        "coordinator": municipal_user,
        "outsider_coordinator": outsider_municipal_user,
        "candidate": make_candidate(username="applicant-a").user,
        "expert": expert_user,
        "mentor": mentor_user,
        "inactive": UserFactory(username="former", role=Role.MINISTRY, is_active=False),
        "anonymous": AnonymousUser(),
    }


@pytest.fixture
def third_municipality(municipality, other_municipality) -> Municipality:
    return Municipality.objects.exclude(pk__in=[municipality.pk, other_municipality.pk]).first()


@pytest.fixture
def organizations(municipality, other_municipality, third_municipality) -> list:
    return [
        (OrganizationFactory(municipality=municipality), REGION | {"coordinator"}),
        (
            OrganizationFactory(municipality=municipality, is_active=False),
            REGION | {"coordinator"},
        ),
        (OrganizationFactory(municipality=other_municipality), REGION | {"outsider_coordinator"}),
        (OrganizationFactory(municipality=third_municipality), REGION),
    ]


def test_it_shows_each_organization_to_exactly_its_viewers(cast, organizations):
    for organization, expected in organizations:
        for name, user in cast.items():
            visible = access.organizations_visible_to(user).filter(pk=organization.pk).exists()
            assert visible == (name in expected), name
            assert access.can_view_organization(user, organization) == visible, name


def test_the_territory_rule_in_memory_is_the_municipality_queryset(
    cast, municipality, other_municipality, third_municipality
):
    expected = {
        municipality: REGION | {"coordinator"},
        other_municipality: REGION | {"outsider_coordinator"},
        third_municipality: REGION,
    }
    for row, viewers in expected.items():
        for name, user in cast.items():
            visible = access.municipalities_visible_to(user).filter(pk=row.pk).exists()
            assert visible == (name in viewers), name
            assert covers_municipality(user, row.pk) == visible, name


def test_the_registry_opens_to_whoever_has_a_territory(cast):
    for name, user in cast.items():
        has_territory = access.municipalities_visible_to(user).exists()
        assert access.can_view_registry(user) == has_territory, name
        assert not access.can_change_registry(user) or name in REGION, name

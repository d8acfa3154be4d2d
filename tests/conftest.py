"""The fixed cast of personas, one per role, plus an outsider municipality."""

import pytest

from accounts.models import Role
from registry.models import Municipality
from tests.factories import OrganizationFactory, UserFactory

PASSWORD = "parol-dlya-testa-2026"


@pytest.fixture
def municipality(db) -> Municipality:
    return Municipality.objects.get(name="город Оренбург")


@pytest.fixture
def other_municipality(db) -> Municipality:
    return Municipality.objects.get(name="город Орск")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin", role=Role.ADMIN)


@pytest.fixture
def ministry_user(db):
    return UserFactory(username="ministry", role=Role.MINISTRY)


@pytest.fixture
def municipal_user(db, municipality):
    return UserFactory(username="coordinator", role=Role.MUNICIPAL, municipality=municipality)


@pytest.fixture
def outsider_municipal_user(db, other_municipality):
    """A coordinator of another municipality: the outsider of municipal data."""
    return UserFactory(
        username="coordinator-orsk", role=Role.MUNICIPAL, municipality=other_municipality
    )


@pytest.fixture
def expert_user(db):
    return UserFactory(username="expert", role=Role.EXPERT)


@pytest.fixture
def mentor_user(db):
    return UserFactory(username="mentor", role=Role.MENTOR)


@pytest.fixture
def candidate_user(db):
    return UserFactory(username="candidate", role=Role.CANDIDATE)


@pytest.fixture
def organization(db, municipality):
    return OrganizationFactory(municipality=municipality)


@pytest.fixture
def other_organization(db, other_municipality):
    return OrganizationFactory(municipality=other_municipality)

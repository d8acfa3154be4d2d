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


@pytest.hookimpl(tryfirst=True)  # before pytest-django orders the tests by their markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Keep the data migrations' rows present for every test, whatever order the tests run in.

    A transactional test ends by flushing the database, which removes the rows the data
    migrations loaded (municipalities, position kinds, the Regulation, consent texts). So every
    transactional test gets serialized rollback (the rows are put back before it), and a test
    without a marker — which may still reach the database through fixtures it looks up by name —
    is marked as a database test, so that pytest-django runs it before the transactional ones.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None:
            if "live_server" not in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.django_db, append=False)
            continue
        if marker.kwargs.get("transaction") and "serialized_rollback" not in marker.kwargs:
            item.add_marker(
                pytest.mark.django_db(*marker.args, **marker.kwargs, serialized_rollback=True),
                append=False,
            )


@pytest.fixture(autouse=True)
def staff_pass_the_second_factor(monkeypatch):
    """Let force_login'd staff through the second factor (tests/two_factor.py says why)."""
    from django.test import Client

    from tests import two_factor

    monkeypatch.setattr(Client, "force_login", two_factor.force_login)

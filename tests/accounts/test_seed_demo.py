"""seed_demo: a believable region, a user for every role, deterministic and idempotent."""

import base64
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Count

from accounts.models import Role, User
from audit.models import AuditEvent
from demo.accounts import DEMO_TOTP_SECRET, DEMO_USERS
from demo.registry import TARGET_ORGANIZATIONS, allocate
from registry.models import Organization, OrganizationKind
from registry.validators import inn_is_valid, kpp_is_valid, ogrn_is_valid


def _seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def _restore(snapshot: str) -> None:
    """Empty every table and load back the rows of the snapshot.

    Later stages' demo data (reservists, plans, internships hosted by demo organizations) hold
    on to the organizations and users, so they cannot be deleted one model at a time.
    """
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(snapshot)
    # The rows came back with their ids; the id sequences must continue after them.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)


def _demo_user_ids() -> list[str]:
    usernames = [demo.username for demo in DEMO_USERS]
    return [
        str(pk) for pk in User.objects.filter(username__in=usernames).values_list("pk", flat=True)
    ]


@pytest.fixture(scope="module")
def migrated_state(django_db_setup, django_db_blocker):
    """Return the rows the migrations loaded, to come back to them after seeding."""
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(scope="module")
def seeded(migrated_state, django_db_blocker):
    """Seed once for the module (the slow part) and clean up afterwards."""
    with django_db_blocker.unblock():
        output = _seed("--if-empty")
        yield output
        _restore(migrated_state)


@pytest.mark.django_db
def test_it_builds_about_a_thousand_organizations_over_every_municipality(seeded):
    assert Organization.objects.count() == TARGET_ORGANIZATIONS
    per_municipality = dict(
        Organization.objects.values_list("municipality__name").annotate(count=Count("pk"))
    )
    assert len(per_municipality) == 42
    assert per_municipality["город Оренбург"] == max(per_municipality.values())
    assert min(per_municipality.values()) >= 3
    kinds = dict(Organization.objects.values_list("kind").annotate(count=Count("pk")))
    assert set(kinds) == {kind.value for kind in OrganizationKind}
    assert 5 <= kinds[OrganizationKind.VOCATIONAL] < kinds[OrganizationKind.ADDITIONAL]


@pytest.mark.django_db
def test_it_gives_valid_identifiers_and_full_details(seeded):
    rows = Organization.objects.values_list(
        "inn", "kpp", "ogrn", "address", "phone", "head_full_name", "head_birth_date"
    )
    for inn, kpp, ogrn, address, phone, head, birth_date in rows:
        assert inn_is_valid(inn) and kpp_is_valid(kpp) and ogrn_is_valid(ogrn), inn
        assert address.startswith("46") and phone.startswith("+7 (") and head and birth_date


@pytest.mark.django_db
def test_it_has_some_contracts_ending_soon(seeded):
    from django.utils import timezone

    from core.dates import months_after

    today = timezone.localdate()
    ending = Organization.objects.filter(
        head_contract_end_date__range=(today, months_after(today, 12))
    ).count()
    assert 50 <= ending <= 250


@pytest.mark.django_db
def test_it_creates_a_user_for_every_role_who_can_sign_in(seeded, client):
    assert set(User.objects.values_list("role", flat=True)) == {role.value for role in Role}
    for demo in DEMO_USERS:
        assert client.login(username=demo.username, password=demo.password), demo.username
    coordinator = User.objects.get(username="coordinator")
    assert coordinator.municipality.name == "город Оренбург"


@pytest.mark.django_db
def test_it_lists_the_logins_at_the_end(seeded):
    lines = seeded.strip().splitlines()
    tail = lines[lines.index("Демонстрационные учётные записи (логин / пароль — кто):") + 1 :]
    assert tail[0].strip() == "admin / rezerv-admin-2026 — Администратор"
    assert any("coordinator / rezerv-coordinator-2026" in line for line in tail)
    # The accounts' logins, then the applicant the assessment stage's demo lets sign in.
    assert len(tail) == len(DEMO_USERS) + 1
    assert tail[-1].strip().startswith("burlakov.sp@mail56.example / rezerv-applicant-2026 — ")


@pytest.mark.django_db
def test_it_audits_what_it_created(seeded):
    assert AuditEvent.objects.filter(action="organization.create").count() == 1000
    created = AuditEvent.objects.filter(
        action="user.create", source="command", object_id__in=_demo_user_ids()
    )
    assert created.count() == len(DEMO_USERS)


@pytest.mark.django_db
def test_it_does_nothing_with_if_empty_when_data_is_there(seeded):
    users = User.objects.count()

    output = _seed("--if-empty")

    assert "данные уже есть" in output
    assert Organization.objects.count() == TARGET_ORGANIZATIONS
    assert User.objects.count() == users


@pytest.mark.django_db
def test_it_adds_nothing_when_run_again(seeded):
    users = User.objects.count()

    _seed()

    assert Organization.objects.count() == TARGET_ORGANIZATIONS
    assert User.objects.count() == users


def test_it_allocates_exactly_the_target():
    counts = allocate(TARGET_ORGANIZATIONS)

    assert sum(counts.values()) == TARGET_ORGANIZATIONS
    assert len(counts) == 42


@pytest.mark.django_db
def test_it_fills_only_the_sections_that_are_empty(seeded, migrated_state):
    import datetime
    import random

    from demo import accounts as accounts_demo

    _restore(migrated_state)
    accounts_demo.seed(rng=random.Random(1), today=datetime.date.today())
    AuditEvent.objects.all().delete()

    output = _seed("--if-empty")

    assert "accounts: данные уже есть" in output
    assert Organization.objects.count() == TARGET_ORGANIZATIONS
    assert not AuditEvent.objects.filter(
        action="user.create", object_id__in=_demo_user_ids()
    ).exists()


@pytest.mark.django_db
def test_demo_staff_sign_in_with_the_printed_demo_code(seeded, client):
    from django_otp.oath import TOTP

    assert DEMO_TOTP_SECRET in seeded
    assert "manage.py demo_totp" in seeded
    output, errors = StringIO(), StringIO()
    call_command("demo_totp", "ministry", stdout=output, stderr=errors)
    code = output.getvalue().strip()
    # The same code as oathtool would print for the published key.
    expected = TOTP(base64.b32decode(DEMO_TOTP_SECRET)).token()
    assert code == f"{expected:06d}"

    client.post("/accounts/login/", {"username": "ministry", "password": "rezerv-ministry-2026"})
    response = client.post("/accounts/two-factor/?next=/", {"code": code}, follow=True)

    assert response.redirect_chain[-1] == ("/accounts/home/ministry/", 302)


@pytest.mark.django_db
def test_demo_totp_never_prints_a_real_accounts_code(seeded):
    from django.core.management.base import CommandError

    from tests.factories import UserFactory
    from tests.two_factor import enrolled_device

    real = UserFactory(username="real-expert", role=Role.EXPERT)
    enrolled_device(real)
    with pytest.raises(CommandError, match="нет демонстрационного ключа"):
        call_command("demo_totp", real.username, stdout=StringIO(), stderr=StringIO())

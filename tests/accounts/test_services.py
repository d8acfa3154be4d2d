"""User services: every change validated by the model's rules and written to the audit log."""

import pytest
from django.core.exceptions import ValidationError

from accounts import services
from accounts.models import Role, User
from audit.models import AuditEvent, AuditSource


def test_it_creates_a_coordinator_bound_to_a_municipality(admin_user, municipality):
    user = services.user_create(
        username="koordinator-novyj",
        password="parol-koordinatora-2026",
        role=Role.MUNICIPAL,
        municipality=municipality,
        last_name="Новикова",
        first_name="Ирина",
        email="novikova@example.org",
        actor=admin_user,
        source=AuditSource.ADMIN,
    )

    assert user.municipality == municipality
    assert user.check_password("parol-koordinatora-2026")
    assert not user.is_staff
    event = AuditEvent.objects.get(action="user.create")
    assert event.actor == admin_user
    assert event.source == AuditSource.ADMIN
    assert event.changes["role"] == ["", "municipal"]
    assert event.changes["municipality"] == ["", "город Оренбург"]


def test_it_refuses_a_coordinator_without_a_municipality(admin_user):
    with pytest.raises(ValidationError) as error:
        services.user_create(
            username="bez-mo",
            password="parol-koordinatora-2026",
            role=Role.MUNICIPAL,
            actor=admin_user,
        )

    assert "Муниципальному координатору нужно указать муниципальное образование." in str(
        error.value
    )
    assert not User.objects.filter(username="bez-mo").exists()
    assert not AuditEvent.objects.exists()


def test_it_refuses_a_weak_password(admin_user):
    with pytest.raises(ValidationError):
        services.user_create(
            username="slabyj", password="12345678", role=Role.EXPERT, actor=admin_user
        )

    assert not User.objects.filter(username="slabyj").exists()


def test_it_creates_an_account_without_a_password(admin_user):
    user = services.user_create(
        username="bez-parolya", password=None, role=Role.MENTOR, actor=admin_user
    )

    assert not user.has_usable_password()


def test_it_refuses_a_duplicate_email(admin_user, expert_user):
    with pytest.raises(ValidationError):
        services.user_create(
            username="dubl",
            password="parol-dlya-dublya-2026",
            role=Role.EXPERT,
            email=expert_user.email.upper(),
            actor=admin_user,
        )


def test_it_records_only_the_changed_fields(admin_user, expert_user):
    services.user_update(
        user=expert_user,
        data={"phone": "+7 (3532) 11-22-33", "last_name": expert_user.last_name},
        actor=admin_user,
    )

    expert_user.refresh_from_db()
    assert expert_user.phone == "+7 (3532) 11-22-33"
    event = AuditEvent.objects.get(action="user.update")
    assert event.changes == {"phone": ["", "+7 (3532) 11-22-33"]}


def test_it_writes_nothing_when_nothing_changed(admin_user, expert_user):
    services.user_update(user=expert_user, data={"phone": ""}, actor=admin_user)

    assert not AuditEvent.objects.exists()


def test_it_refuses_fields_outside_the_profile(admin_user, expert_user):
    with pytest.raises(ValueError, match="role"):
        services.user_update(user=expert_user, data={"role": Role.ADMIN}, actor=admin_user)


def test_it_gives_a_role_with_its_back_office_access(admin_user, expert_user):
    services.user_set_role(user=expert_user, role=Role.MINISTRY, actor=admin_user)

    expert_user.refresh_from_db()
    assert expert_user.role == Role.MINISTRY
    assert expert_user.is_staff
    event = AuditEvent.objects.get(action="user.set_role")
    assert event.changes == {"role": ["expert", "ministry"]}


def test_it_drops_the_municipality_when_the_role_changes(admin_user, municipal_user):
    services.user_set_role(user=municipal_user, role=Role.EXPERT, actor=admin_user)

    municipal_user.refresh_from_db()
    assert municipal_user.municipality is None
    event = AuditEvent.objects.get(action="user.set_role")
    assert event.changes["municipality"] == ["город Оренбург", None]


def test_it_refuses_to_make_a_coordinator_without_a_municipality(admin_user, expert_user):
    with pytest.raises(ValidationError, match="муниципальное образование"):
        services.user_set_role(user=expert_user, role=Role.MUNICIPAL, actor=admin_user)

    expert_user.refresh_from_db()
    assert expert_user.role == Role.EXPERT


def test_it_disables_password_login(admin_user, expert_user):
    services.user_set_password(user=expert_user, password=None, actor=admin_user)

    expert_user.refresh_from_db()
    assert not expert_user.has_usable_password()
    assert AuditEvent.objects.filter(action="user.disable_password").exists()

"""Every write to user accounts that matters: created, changed, given a role, a new password."""

from collections.abc import Mapping

from django.contrib.auth import password_validation
from django.db import transaction
from django.http import HttpRequest

from accounts import throttling
from accounts.models import Role, User, role_binds_municipality
from audit.models import AuditSource
from audit.services import audit_record
from registry.models import Municipality

# What user_update may change; the role, the municipality and the password have their own services.
PROFILE_FIELDS = ("first_name", "last_name", "middle_name", "email", "phone", "is_active")


def _snapshot(user: User, fields: tuple[str, ...]) -> dict[str, object]:
    return {name: getattr(user, name) for name in fields}


def _changes(before: Mapping[str, object], after: Mapping[str, object]) -> dict[str, tuple]:
    return {name: (before[name], after[name]) for name in after if before[name] != after[name]}


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    role: Role,
    municipality: Municipality | None = None,
    first_name: str = "",
    last_name: str = "",
    middle_name: str = "",
    email: str = "",
    phone: str = "",
    actor: User | None,
    source: AuditSource = AuditSource.WEB,
    request: HttpRequest | None = None,
) -> User:
    """Create an account with a role; without a password the account cannot sign in yet."""
    user = User(
        username=username,
        role=role,
        municipality=municipality if role_binds_municipality(role) else None,
        first_name=first_name,
        last_name=last_name,
        middle_name=middle_name,
        email=email,
        phone=phone,
    )
    user.full_clean(exclude=["password"])
    if password is None:
        user.set_unusable_password()
    else:
        password_validation.validate_password(password, user)
        user.set_password(password)
    user.save()
    audit_record(
        actor=actor,
        action="user.create",
        obj=user,
        changes={
            "username": ("", user.username),
            "role": ("", user.role),
            **({"municipality": ("", user.municipality)} if user.municipality else {}),
        },
        source=source,
        request=request,
    )
    return user


def _user_change(
    *,
    user: User,
    values: Mapping[str, object],
    action: str,
    actor: User | None,
    source: AuditSource,
    request: HttpRequest | None,
) -> User:
    """Lock the row, apply the values, validate, save what changed and audit it."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    before = _snapshot(locked, tuple(values))
    for name, value in values.items():
        setattr(locked, name, value)
    changes = _changes(before, _snapshot(locked, tuple(values)))
    if not changes:
        return locked
    locked.full_clean(exclude=["password"])
    locked.save(update_fields=list(values))
    audit_record(
        actor=actor, action=action, obj=locked, changes=changes, source=source, request=request
    )
    return locked


@transaction.atomic
def user_update(
    *,
    user: User,
    data: Mapping[str, object],
    actor: User | None,
    source: AuditSource = AuditSource.WEB,
    request: HttpRequest | None = None,
) -> User:
    """Change the user's personal details or active flag; record what changed."""
    unknown = set(data) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"user_update cannot change {sorted(unknown)}")
    return _user_change(
        user=user, values=data, action="user.update", actor=actor, source=source, request=request
    )


@transaction.atomic
def user_set_role(
    *,
    user: User,
    role: Role,
    municipality: Municipality | None = None,
    actor: User | None,
    source: AuditSource = AuditSource.WEB,
    request: HttpRequest | None = None,
) -> User:
    """Give the user a role and, for a municipal coordinator, the municipality they serve."""
    return _user_change(
        user=user,
        values={
            "role": role,
            "municipality": municipality if role_binds_municipality(role) else None,
        },
        action="user.set_role",
        actor=actor,
        source=source,
        request=request,
    )


@transaction.atomic
def user_set_password(
    *,
    user: User,
    password: str | None,
    actor: User | None,
    source: AuditSource = AuditSource.WEB,
    request: HttpRequest | None = None,
) -> None:
    """Set a new password that passes the validators, or None to forbid signing in by password.

    The audit records that the password changed, never the password.
    """
    if password is None:
        user.set_unusable_password()
        action = "user.disable_password"
    else:
        password_validation.validate_password(password, user)
        user.set_password(password)
        action = "user.set_password"
    user.save(update_fields=["password"])
    audit_record(actor=actor, action=action, obj=user, source=source, request=request)


@transaction.atomic
def login_unlock(
    *,
    username: str,
    actor: User | None,
    source: AuditSource = AuditSource.WEB,
    request: HttpRequest | None = None,
) -> int:
    """Lift the sign-in locks of a username from every address; audit who lifted them."""
    cleared = throttling.login_locks_clear(username=username)
    user = User.objects.filter(username__iexact=username.strip()).first()
    if user is not None:
        audit_record(
            actor=actor,
            action="user.unlock_login",
            obj=user,
            changes={"failed_sign_ins": (cleared, 0)},
            source=source,
            request=request,
        )
    return cleared

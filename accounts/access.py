"""Role and scope primitives; every app's access.py answers its own questions with these."""

from django.db.models import Q, QuerySet

from accounts.models import BACK_OFFICE_ROLES, Role


def role_of(user) -> Role | None:
    """Return the user's role, or None for anonymous and inactive users."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    return Role(user.role)


def has_role(user, *roles: Role) -> bool:
    """Return whether the user holds one of the roles."""
    return role_of(user) in roles


def is_region_wide(user) -> bool:
    """Return whether the user sees the whole region (ministry staff and administrators)."""
    return role_of(user) in BACK_OFFICE_ROLES


def is_back_office(user) -> bool:
    """Return whether the user may use the Django admin."""
    return is_region_wide(user)


def is_admin(user) -> bool:
    """Return whether the user administers the portal."""
    return role_of(user) == Role.ADMIN


def bound_municipality_id(user) -> int | None:
    """Return the municipality a coordinator is bound to, or None for everyone else."""
    if role_of(user) == Role.MUNICIPAL:
        return user.municipality_id
    return None


def scope_to_municipality(queryset: QuerySet, user, *, lookup: str = "municipality") -> QuerySet:
    """Limit rows to what the user's territory covers: all, own municipality, or nothing."""
    if is_region_wide(user):
        return queryset
    municipality_id = bound_municipality_id(user)
    if municipality_id is not None:
        return queryset.filter(**{lookup: municipality_id})
    return queryset.none()


def covers_municipality(user, municipality_id: int | None) -> bool:
    """Return whether the user's territory includes the municipality."""
    if is_region_wide(user):
        return True
    bound = bound_municipality_id(user)
    return bound is not None and bound == municipality_id


def can_manage_users(user) -> bool:
    """Return whether the user may create users and assign roles."""
    return is_admin(user)


def can_view_users(user) -> bool:
    """Return whether the user may look through the accounts in the back office."""
    return is_region_wide(user)


def users_visible_to(user) -> QuerySet:
    """Return the accounts the user may see in the back office."""
    from accounts.models import User

    if can_view_users(user):
        return User.objects.all()
    return User.objects.none()


def scope_by_role(
    queryset: QuerySet,
    user,
    *,
    municipality: str,
    own: dict[Role, Q | str] | None = None,
) -> QuerySet:
    """Limit rows by the user's role: all for the region, a coordinator's municipality, own rows.

    `municipality` is the lookup of the row's municipality (e.g. "membership__municipality");
    `own` maps the roles that see their own rows to the lookup naming the user
    (e.g. {Role.CANDIDATE: "candidate__user"}) or to a Q built for that user.
    Everyone else gets nothing.
    """
    if is_region_wide(user):
        return queryset
    role = role_of(user)
    if role == Role.MUNICIPAL:
        return queryset.filter(**{municipality: bound_municipality_id(user)})
    condition = (own or {}).get(role)
    if condition is None:
        return queryset.none()
    if isinstance(condition, Q):
        return queryset.filter(condition)
    return queryset.filter(**{condition: user})

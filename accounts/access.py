"""Role and scope primitives; every app's access.py answers its own questions with these.

Every `x_visible_to(user)` of the apps is one call of `scope_by_role`: the whole region for the
ministry and administrators, the coordinator's municipality, the user's own rows, or nothing.
`covers_municipality` is the same territory rule for one municipality, answered in memory.
"""

from collections.abc import Mapping

from django.db.models import Q, QuerySet

from accounts.models import BACK_OFFICE_ROLES, Role, User, role_binds_municipality


def assigned_role(user) -> Role:
    """Return the role the account holds, active or not; a superuser administers."""
    if user.is_superuser:
        return Role.ADMIN
    return Role(user.role)


def role_of(user) -> Role | None:
    """Return the user's role, or None for anonymous and inactive users."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return assigned_role(user)


def has_role(user, *roles: Role) -> bool:
    """Return whether the user holds one of the roles."""
    return role_of(user) in roles


def is_region_wide(user) -> bool:
    """Return whether the user sees the whole region (ministry staff and administrators)."""
    return role_of(user) in BACK_OFFICE_ROLES


def is_back_office(user) -> bool:
    """Return whether the user may use the Django admin."""
    return is_region_wide(user)


def is_candidate(user) -> bool:
    """Return whether the user is a candidate or reservist (an applicant to the reserve)."""
    return role_of(user) == Role.CANDIDATE


def is_admin(user) -> bool:
    """Return whether the user administers the portal."""
    return role_of(user) == Role.ADMIN


def bound_municipality_id(user) -> int | None:
    """Return the municipality a coordinator is bound to, or None for everyone else."""
    role = role_of(user)
    if role is not None and role_binds_municipality(role):
        return user.municipality_id
    return None


def bound_municipality(user):
    """Return the Municipality a coordinator's lists are limited to, or None for everyone else."""
    return user.municipality if bound_municipality_id(user) is not None else None


def scope_by_role(
    queryset: QuerySet,
    user,
    *,
    municipality: str | None = None,
    own: Mapping[Role, Q | str] | None = None,
) -> QuerySet:
    """Limit rows by the user's role: all for the region, a coordinator's municipality, own rows.

    `municipality` is the lookup of the row's municipality (e.g. "membership__municipality"), or
    None for rows that belong to no territory. `own` maps the roles that see their own rows to
    the lookup naming the user (e.g. {Role.CANDIDATE: "candidate__user"}) or to a Q built for
    that user; a Q across a many-valued relation is best a subquery (`pk__in=…`), so that no row
    comes twice. A coordinator sees their municipality's rows when the rows have one, otherwise
    what `own` gives them. Everyone else, anonymous and inactive users included, gets nothing.
    """
    if is_region_wide(user):
        return queryset
    municipality_id = bound_municipality_id(user)
    if municipality is not None and municipality_id is not None:
        return queryset.filter(**{municipality: municipality_id})
    condition = (own or {}).get(role_of(user))
    if condition is None:
        return queryset.none()
    if isinstance(condition, Q):
        return queryset.filter(condition)
    return queryset.filter(**{condition: user})


def scope_to_municipality(queryset: QuerySet, user, *, lookup: str = "municipality") -> QuerySet:
    """Limit rows to what the user's territory covers: all, own municipality, or nothing."""
    return scope_by_role(queryset, user, municipality=lookup)


def covers_municipality(user, municipality_id: int | None) -> bool:
    """Return whether the user's territory includes the municipality (scope_by_role in memory)."""
    if is_region_wide(user):
        return True
    bound = bound_municipality_id(user)
    return bound is not None and bound == municipality_id


# Roles that see personal data of many people or decide about them: their sign-in needs a
# second factor (TOTP). Mentors and candidates see their own circle only.
TWO_FACTOR_ROLES = frozenset({Role.ADMIN, Role.MINISTRY, Role.MUNICIPAL, Role.EXPERT})


def requires_two_factor(user) -> bool:
    """Return whether the user must confirm the sign-in with a one-time code."""
    return role_of(user) in TWO_FACTOR_ROLES


def can_manage_users(user) -> bool:
    """Return whether the user may create users and assign roles."""
    return is_admin(user)


def users_visible_to(user) -> QuerySet:
    """Return the accounts the user may see in the back office: all for the region, else none."""
    return scope_by_role(User.objects.all(), user)


def can_view_users(user) -> bool:
    """Return whether the user may look through the accounts in the back office.

    The accounts are seen all or none (users_visible_to), so the page's question is the role's.
    """
    return is_region_wide(user)

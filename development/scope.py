"""One definition of which rows a user sees, applied to a queryset or asked about one row.

A `Scope` names the lookup of the row's municipality (None for rows of no territory) and, per
role that sees its own rows, the lookup naming the user or a condition (a Q, or one built for
the user). `rows()` hands them to accounts.access.scope_by_role, the one scoping primitive;
`holds()` answers the same question for one row: in memory when the lookup is a chain of
foreign keys (a page that holds the row asks no query), and through `rows()` itself when it is
a condition that memory cannot follow.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db.models import Model, Q, QuerySet

from accounts.access import bound_municipality_id, is_region_wide, role_of, scope_by_role
from accounts.models import Role

OwnRows = str | Q | Callable[[object], Q]


@dataclass(frozen=True)
class Scope:
    """Which rows of a model a user sees: the region all, a coordinator's municipality, own rows."""

    municipality: str | None
    own: Mapping[Role, OwnRows] = field(default_factory=dict)

    def rows(self, queryset: QuerySet, user) -> QuerySet:
        """Return the rows of the queryset the user sees (accounts.access.scope_by_role)."""
        role = role_of(user)
        lookup = self.own.get(role)
        # Only the user's own role's condition is built: a condition is a query about this user.
        own = {} if lookup is None else {role: lookup(user) if callable(lookup) else lookup}
        return scope_by_role(queryset, user, municipality=self.municipality, own=own)

    def holds(self, user, row: Model) -> bool:
        """Return whether the user sees the row: the same answer as rows(), for one row."""
        if is_region_wide(user):
            return True
        bound = bound_municipality_id(user)
        if self.municipality is not None and bound is not None:
            return _follow(row, self.municipality) == bound
        lookup = self.own.get(role_of(user))
        if lookup is None:
            return False
        if isinstance(lookup, str):
            return _follow(row, lookup) == user.pk
        return self.rows(type(row)._default_manager.filter(pk=row.pk), user).exists()


def _follow(row: Model, lookup: str) -> int | None:
    """Return the id a lookup such as "membership__municipality" names on the row, in memory."""
    *path, last = lookup.split("__")
    for name in path:
        row = getattr(row, name)
        if row is None:
            return None
    return getattr(row, f"{last}_id")

"""Reads behind the administrator's home page: what the portal holds, counted in the database.

The territory panels of the ministry's and the coordinator's home pages are the registry's
(registry.selectors.territory_overview).
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from accounts.models import Role, User
from registry.models import Municipality, Organization


@dataclass
class RoleCount:
    label: str
    count: int


@dataclass
class PortalOverview:
    """The administrator's dashboard: what the portal holds."""

    organizations_total: int
    organizations_active: int
    municipalities_total: int
    users_total: int
    users_by_role: list[RoleCount]


def portal_overview() -> PortalOverview:
    """Return the counts of organizations, municipalities and active users by role."""
    organizations = Organization.objects.aggregate(
        total=Count("pk"), active=Count("pk", filter=Q(is_active=True))
    )
    by_role = dict(
        User.objects.filter(is_active=True)
        .values("role")
        .annotate(count=Count("pk"))
        .values_list("role", "count")
    )
    users_by_role = [RoleCount(label=role.label, count=by_role.get(role.value, 0)) for role in Role]
    return PortalOverview(
        organizations_total=organizations["total"],
        organizations_active=organizations["active"],
        municipalities_total=Municipality.objects.count(),
        users_total=sum(by_role.values()),
        users_by_role=users_by_role,
    )

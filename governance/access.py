"""Who may read the record and the Regulation, and who may put a new version in force.

The Regulation is public inside the portal: every version is visible to everyone signed in
(regulation_versions_visible_to, through accounts.access.scope_by_role), and the page-level
question can_view_regulation is the same rule asked without a row.
"""

from django.db.models import Q, QuerySet

from accounts.access import (
    has_role,
    is_admin,
    is_region_wide,
    role_of,
    scope_by_role,
)
from accounts.models import Role
from governance.models import RegulationVersion, RoadmapItem

# Every role reads every version: an always-true condition for each.
_EVERY_ROLE = dict.fromkeys(Role, Q())


def can_view_audit_log(user) -> bool:
    """Return whether the user may read the audit log."""
    return is_region_wide(user)


def can_view_personal_data_log(user) -> bool:
    """Return whether the user may read who viewed whose personal data."""
    return is_admin(user)


def regulation_versions_visible_to(user) -> QuerySet[RegulationVersion]:
    """Return the versions of the Regulation the user may read: all, for everyone signed in."""
    return scope_by_role(RegulationVersion.objects.all(), user, own=_EVERY_ROLE)


def can_view_regulation(user) -> bool:
    """Return whether the user may read the Regulation and its history (everyone signed in)."""
    return role_of(user) is not None


def can_change_regulation(user) -> bool:
    """Return whether the user may put a new version of the Regulation in force."""
    return is_region_wide(user)


def can_view_roadmap(user) -> bool:
    """Return whether the user may read the roadmap: ministry, administrators, coordinators.

    The roadmap is the region's plan; coordinators read it because municipalities carry out
    parts of it. Experts, mentors and candidates have no business there.
    """
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def roadmap_items_visible_to(user) -> QuerySet[RoadmapItem]:
    """Return the roadmap items the user may read: all of them, or none."""
    return scope_by_role(RoadmapItem.objects.all(), user, own={Role.MUNICIPAL: Q()})


def can_manage_roadmap(user) -> bool:
    """Return whether the user may change the roadmap (edit, import): ministry and admins."""
    return is_region_wide(user)

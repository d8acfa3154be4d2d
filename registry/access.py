"""Who may see and change the registry of organizations.

Rows are scoped by accounts.access.scope_by_role: the region for the ministry and administrators,
the coordinator's own municipality, nothing for the other roles. The question about one
organization is asked of the same queryset (one query on a detail page).
"""

from django.db.models import QuerySet

from accounts.access import (
    bound_municipality_id,
    is_admin,
    is_candidate,
    is_region_wide,
    scope_by_role,
)
from registry.models import Municipality, Organization


def organizations_visible_to(user) -> QuerySet[Organization]:
    """Return the organizations in the user's territory."""
    return scope_by_role(Organization.objects.all(), user, municipality="municipality")


def organizations_to_choose(user) -> QuerySet[Organization]:
    """Return the organizations the user may name in a form (a workplace, a mentor's school).

    Staff choose within their territory; an applicant names their own employer anywhere in the
    region, so for them the registry's active organizations are reference data, not records.
    """
    if is_candidate(user):
        return Organization.objects.filter(is_active=True)
    return organizations_visible_to(user)


def can_choose_organization(user) -> bool:
    """Return whether the user fills forms that name an organization (the picker's lookup)."""
    return can_view_registry(user) or is_candidate(user)


def municipalities_visible_to(user) -> QuerySet[Municipality]:
    """Return the municipalities the user works with."""
    return scope_by_role(Municipality.objects.all(), user, municipality="pk")


def can_view_registry(user) -> bool:
    """Return whether the user may open the registry pages at all (a territory to look at)."""
    return is_region_wide(user) or bound_municipality_id(user) is not None


def can_choose_municipality(user) -> bool:
    """Return whether the user's territory spans several municipalities to filter by."""
    return is_region_wide(user)


def can_view_organization(user, organization: Organization) -> bool:
    """Return whether the organization is among those visible to the user."""
    return organizations_visible_to(user).filter(pk=organization.pk).exists()


def can_change_registry(user) -> bool:
    """Return whether the user may edit organizations, municipalities and position kinds."""
    return is_region_wide(user)


def can_import_registry(user) -> bool:
    """Return whether the user may import and export the registry from Excel."""
    return is_admin(user)


def can_export_registry(user) -> bool:
    """Return whether the user may download the registry as a spreadsheet."""
    return can_view_registry(user)

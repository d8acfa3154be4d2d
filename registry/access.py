"""Who may see and change the registry of organizations."""

from django.db.models import QuerySet

from accounts.access import (
    bound_municipality_id,
    covers_municipality,
    is_admin,
    is_region_wide,
    scope_to_municipality,
)
from registry.models import Municipality, Organization


def organizations_visible_to(user) -> QuerySet[Organization]:
    """Return the organizations in the user's territory."""
    return scope_to_municipality(Organization.objects.all(), user)


def municipalities_visible_to(user) -> QuerySet[Municipality]:
    """Return the municipalities the user works with."""
    return scope_to_municipality(Municipality.objects.all(), user, lookup="pk")


def can_view_registry(user) -> bool:
    """Return whether the user may open the registry pages at all."""
    return is_region_wide(user) or bound_municipality_id(user) is not None


def can_choose_municipality(user) -> bool:
    """Return whether the user's territory spans several municipalities to filter by."""
    return is_region_wide(user)


def can_view_organization(user, organization: Organization) -> bool:
    """Return whether the user may see the organization."""
    return can_view_registry(user) and covers_municipality(user, organization.municipality_id)


def can_change_registry(user) -> bool:
    """Return whether the user may edit organizations, municipalities and position kinds."""
    return is_region_wide(user)


def can_import_registry(user) -> bool:
    """Return whether the user may import and export the registry from Excel."""
    return is_admin(user)


def can_export_registry(user) -> bool:
    """Return whether the user may download the registry as a spreadsheet."""
    return can_view_registry(user)

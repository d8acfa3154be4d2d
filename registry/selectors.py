"""Reads of the registry that the staff pages share."""

from django.db.models import Q, QuerySet

from registry import access
from registry.models import Organization


def organizations_filtered(
    *,
    user,
    query: str = "",
    municipality=None,
    kind: str = "",
    active: str = "",
) -> QuerySet[Organization]:
    """Return the user's organizations matching a name or INN search and the list's filters."""
    organizations = access.organizations_visible_to(user).select_related("municipality")
    query = query.strip()
    if query:
        match = Q(full_name__icontains=query) | Q(short_name__icontains=query)
        if query.isdigit():
            match |= Q(inn__startswith=query)
        organizations = organizations.filter(match)
    if municipality is not None:
        organizations = organizations.filter(municipality=municipality)
    if kind:
        organizations = organizations.filter(kind=kind)
    if active:
        organizations = organizations.filter(is_active=active == "yes")
    return organizations.order_by("municipality__name", "short_name", "full_name", "pk")

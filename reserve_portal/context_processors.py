"""Template context every page needs: the menu of the user's role and the role's name."""

from django.http import HttpRequest

from accounts.access import requires_two_factor, role_of
from accounts.notifications.selectors import unread_count
from reserve_portal.navigation import navigation_for


def navigation(request: HttpRequest) -> dict:
    """Return the menu items and the role label of the signed-in user."""
    user = getattr(request, "user", None)
    role = role_of(user) if user is not None else None
    # Until the second factor is passed, the menu would only lead back to the code page.
    if role is not None and requires_two_factor(user) and not user.is_verified():
        return {
            "nav_items": [],
            "nav_role_label": role.label,
            "nav_user_name": short_name(user),
            "nav_two_factor": False,
        }
    return {
        "nav_items": navigation_for(user) if role is not None else [],
        "nav_role_label": role.label if role is not None else "",
        "nav_user_name": short_name(user) if role is not None else "",
        "nav_two_factor": role is not None and requires_two_factor(user),
        # Lazy: pages that do not draw the navbar (errors, downloads) run no query for it.
        "nav_unread_count": (lambda: unread_count(user)) if role is not None else 0,
    }


def short_name(user) -> str:
    """Return «Фамилия И. О.», or the username when the name is not filled in."""
    initials = " ".join(f"{part[0]}." for part in (user.first_name, user.middle_name) if part)
    if not user.last_name:
        return user.get_full_name() or user.username
    return f"{user.last_name} {initials}".strip()

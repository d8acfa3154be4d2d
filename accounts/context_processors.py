"""Template context every page needs: the navigation of the user's role."""

from django.http import HttpRequest

from accounts.navigation import navigation_for


def navigation(request: HttpRequest) -> dict:
    """Return the menu items of the signed-in user's role."""
    user = getattr(request, "user", None)
    return {"nav_items": navigation_for(user) if user is not None else []}

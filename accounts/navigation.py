"""The menu each role sees: (title, URL name) pairs, resolved without importing later apps."""

from django.urls import NoReverseMatch, reverse

from accounts.access import role_of
from accounts.models import Role

_MENU: dict[Role, list[tuple[str, str]]] = {
    Role.ADMIN: [
        ("Главная", "accounts:home_admin"),
        ("Организации", "registry:organization_list"),
        ("Положение", "governance:regulation"),
        ("Журнал аудита", "admin:governance_auditevent_changelist"),
        ("Администрирование", "admin:index"),
    ],
    Role.MINISTRY: [
        ("Главная", "accounts:home_ministry"),
        ("Заявки", "candidates:pipeline"),
        ("Заседания", "candidates:meeting_list"),
        ("Резерв", "candidates:membership_list"),
        ("Положение", "governance:regulation"),
        ("Организации", "registry:organization_list"),
        ("Администрирование", "admin:index"),
    ],
    Role.MUNICIPAL: [
        ("Главная", "accounts:home_municipal"),
        ("Заявки", "candidates:pipeline"),
        ("Резерв", "candidates:membership_list"),
        ("Организации", "registry:organization_list"),
        ("Положение", "governance:regulation"),
    ],
    Role.EXPERT: [
        ("Главная", "accounts:home_expert"),
        ("Заседания", "candidates:meeting_list"),
        ("Положение", "governance:regulation"),
    ],
    Role.MENTOR: [("Главная", "accounts:home_mentor")],
    Role.CANDIDATE: [
        ("Главная", "accounts:home_candidate"),
        ("Мои заявки", "candidates:applicant_nominations"),
        ("Положение", "governance:regulation"),
    ],
}


def navigation_for(user) -> list[dict[str, str]]:
    """Return the menu of the user's role as title and URL pairs; empty when signed out."""
    role = role_of(user)
    if role is None:
        return []
    items = []
    for title, url_name in _MENU[role]:
        try:
            items.append({"title": title, "url": reverse(url_name), "name": url_name})
        except NoReverseMatch:
            # The page's app is not installed yet; a later stage brings it.
            continue
    return items

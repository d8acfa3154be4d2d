"""Session rules: idle and absolute time limits, and the second factor before any page."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from accounts.access import requires_two_factor
from core.russian import quantity

_LAST_SEEN_KEY = "last_seen_at"
_SIGNED_IN_KEY = "signed_in_at"

IDLE_MESSAGE = "Сеанс завершён после долгого бездействия. Войдите снова."
ABSOLUTE_MESSAGE = "Сеанс завершён: с момента входа прошло {hours}. Войдите снова."


class SessionTimeoutMiddleware:
    """End an authenticated session after SESSION_IDLE_TIMEOUT_SECONDS without requests, and in
    any case SESSION_ABSOLUTE_TIMEOUT_SECONDS after the sign-in, however active the user is.

    The sign-in time is written into the session on its first authenticated request (that is
    the sign-in's own redirect) and never moved; Django's cookie age alone is not absolute,
    since every saved session renews it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            signed_in = request.session.setdefault(_SIGNED_IN_KEY, now)
            last_seen = request.session.get(_LAST_SEEN_KEY)
            if now - signed_in > settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS:
                logout(request)
                messages.info(request, ABSOLUTE_MESSAGE.format(hours=_hours()))
            elif last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT_SECONDS:
                logout(request)
                messages.info(request, IDLE_MESSAGE)
            else:
                request.session[_LAST_SEEN_KEY] = now
        return self.get_response(request)


def _hours() -> str:
    hours = max(settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS // 3600, 1)
    return quantity(hours, "час", "часа", "часов")


class TwoFactorMiddleware:
    """Send a signed-in user whose role needs a second factor to confirm the sign-in first.

    Until the user passes a code (or enrols, the first time), every page but the two-factor
    pages, signing out and static files answers with a redirect there; the admin site too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and requires_two_factor(user)
            and not user.is_verified()
            and not _exempt(request.path)
        ):
            target = reverse("accounts:two_factor")
            if request.method == "GET":
                target = f"{target}?{urlencode({'next': request.get_full_path()})}"
            return redirect(target)
        return self.get_response(request)


def _exempt(path: str) -> bool:
    exempt = (
        reverse("accounts:two_factor"),
        reverse("accounts:two_factor_setup"),
        reverse("accounts:logout"),
        settings.STATIC_URL if settings.STATIC_URL.startswith("/") else f"/{settings.STATIC_URL}",
    )
    return path.startswith(exempt)

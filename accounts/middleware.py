"""End sessions that have been idle too long, or that began too long ago whatever the activity."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

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

"""Sign out sessions that have been idle too long."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

_LAST_SEEN_KEY = "last_seen_at"


class SessionTimeoutMiddleware:
    """End an authenticated session after SESSION_IDLE_TIMEOUT_SECONDS without requests."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(_LAST_SEEN_KEY)
            if last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT_SECONDS:
                logout(request)
                messages.info(request, "Сеанс завершён после долгого бездействия. Войдите снова.")
            else:
                request.session[_LAST_SEEN_KEY] = now
        return self.get_response(request)

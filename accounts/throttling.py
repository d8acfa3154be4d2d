"""Sign-in lockout (django-axes) and the rate limit of password-reset requests.

Sign-in: AXES_FAILURE_LIMIT failures for one username from one client address lock that pair
for AXES_COOLOFF_TIME from the last failure (settings.base explains why the pair). The form asks
`login_lock` before it checks the password, so a refused attempt is not counted and the lock
ends on time; axes' own backend refuses any other sign-in path while the lock holds.
"""

import datetime
from dataclasses import dataclass

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import RateLimitHit
from core.http import client_ip


def _now() -> datetime.datetime:
    """Return the current time; tests move it with time-machine."""
    return timezone.now()


def normalized_username(username: str) -> str:
    """Return the form in which a typed username is counted: trimmed, case folded."""
    return username.strip().casefold()[:150]


def login_key(request: HttpRequest | None, credentials: dict | None) -> str:
    """Return the username axes counts failures under (AXES_USERNAME_CALLABLE)."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username", "")
    return normalized_username(username or "")


@dataclass(frozen=True)
class Lock:
    """A refusal to accept attempts until a moment."""

    until: datetime.datetime

    def minutes_left(self, now: datetime.datetime) -> int:
        """Return the whole minutes, rounded up, until the lock ends."""
        seconds = max((self.until - now).total_seconds(), 0)
        return max(int(-(-seconds // 60)), 1)


def login_lock(request: HttpRequest, *, username: str) -> Lock | None:
    """Return the lock on this username from this request's client address, or None."""
    credentials = {"username": username}
    if AxesProxyHandler.is_allowed(request, credentials):
        return None
    last = (
        AccessAttempt.objects.filter(
            username=normalized_username(username), ip_address=client_ip(request)
        )
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    return Lock(until=(last or _now()) + settings.AXES_COOLOFF_TIME)


def login_locks_clear(*, username: str) -> int:
    """Lift every lock of the username, from any address (an administrator's unlock)."""
    return AxesProxyHandler.reset_attempts(username=normalized_username(username))


@transaction.atomic
def rate_limit_hit(*, scope: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count a request under the key; return False when the window already holds `limit` of them.

    Refused requests are not counted, so the limit lifts a window after the last accepted one.
    """
    now = _now()
    since = now - datetime.timedelta(seconds=window_seconds)
    RateLimitHit.objects.filter(scope=scope, at__lt=since).delete()
    recent = RateLimitHit.objects.filter(scope=scope, key=key[:255], at__gte=since).count()
    if recent >= limit:
        return False
    RateLimitHit.objects.create(scope=scope, key=key[:255], at=now)
    return True

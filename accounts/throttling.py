"""Refuse sign-in attempts after repeated failures for one username or one client address.

A username (or address) is locked when its latest failures number at least
LOGIN_THROTTLE_MAX_FAILURES within LOGIN_THROTTLE_WINDOW_SECONDS; the lock lasts
LOGIN_THROTTLE_LOCKOUT_SECONDS from the last of them. Refused attempts are not counted, so a
lock always ends on time. Failures live in the database so every app process sees them.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from accounts.models import LoginFailure


def _now() -> datetime.datetime:
    """Return the current time; tests move it with time-machine."""
    return timezone.now()


def _key(username: str) -> str:
    return username.strip().casefold()[:150]


@dataclass(frozen=True)
class Lock:
    """A refusal to accept attempts until a moment."""

    until: datetime.datetime

    def minutes_left(self, now: datetime.datetime) -> int:
        """Return the whole minutes, rounded up, until the lock ends."""
        seconds = max((self.until - now).total_seconds(), 0)
        return max(int(-(-seconds // 60)), 1)


def _lock_from(latest_failures: list[datetime.datetime], now: datetime.datetime) -> Lock | None:
    """Return the lock the failures (newest first) impose, if it is still in force."""
    limit = settings.LOGIN_THROTTLE_MAX_FAILURES
    if len(latest_failures) < limit:
        return None
    newest, oldest = latest_failures[0], latest_failures[limit - 1]
    if newest - oldest > datetime.timedelta(seconds=settings.LOGIN_THROTTLE_WINDOW_SECONDS):
        return None
    until = newest + datetime.timedelta(seconds=settings.LOGIN_THROTTLE_LOCKOUT_SECONDS)
    return Lock(until=until) if now < until else None


def _latest_failures(condition: Q) -> list[datetime.datetime]:
    limit = settings.LOGIN_THROTTLE_MAX_FAILURES
    return list(
        LoginFailure.objects.filter(condition)
        .order_by("-attempted_at")
        .values_list("attempted_at", flat=True)[:limit]
    )


def login_lock(*, username: str, ip_address: str | None) -> Lock | None:
    """Return the lock on the username or the address, whichever ends later, or None."""
    now = _now()
    locks = [_lock_from(_latest_failures(Q(username=_key(username))), now)]
    if ip_address:
        locks.append(_lock_from(_latest_failures(Q(ip_address=ip_address)), now))
    in_force = [lock for lock in locks if lock is not None]
    return max(in_force, key=lambda lock: lock.until) if in_force else None


def login_failure_record(*, username: str, ip_address: str | None) -> None:
    """Remember a failed attempt and forget failures too old to matter."""
    now = _now()
    horizon = datetime.timedelta(
        seconds=settings.LOGIN_THROTTLE_WINDOW_SECONDS + settings.LOGIN_THROTTLE_LOCKOUT_SECONDS
    )
    LoginFailure.objects.filter(attempted_at__lt=now - horizon).delete()
    LoginFailure.objects.create(username=_key(username), ip_address=ip_address, attempted_at=now)


def login_failures_clear(*, username: str) -> None:
    """Forget the username's failures after it signed in successfully."""
    LoginFailure.objects.filter(username=_key(username)).delete()

"""Reads of notifications: the person's list and the unread count for the navbar."""

from django.db.models import QuerySet

from accounts.access import role_of
from accounts.models import Notification


def notifications_visible_to(user) -> QuerySet[Notification]:
    """Return the user's own notifications: nobody reads another person's."""
    if role_of(user) is None:
        return Notification.objects.none()
    return Notification.objects.filter(user=user)


def unread_count(user) -> int:
    """Return how many of the user's notifications are unread (one query, indexed)."""
    if role_of(user) is None:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()

"""Writes of notifications: tell a person something in the portal, and perhaps by mail."""

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import Notification, User
from core.mail import mail_on_commit
from core.models import MailDelivery


def notification_create(
    *,
    user: User,
    text: str,
    kind: str,
    url: str = "",
    mail_subject: str = "",
    mail_body: str = "",
) -> tuple[Notification, MailDelivery | None]:
    """Show the person a notification and, with a subject and body, queue the same by mail.

    The letter goes to the account's address once the transaction commits; an account without
    an address, or an inactive one, gets the notification only.
    """
    notification = Notification.objects.create(user=user, text=text[:500], kind=kind, url=url)
    delivery = None
    if mail_subject and user.is_active:
        delivery = mail_on_commit(subject=mail_subject, body=mail_body, recipients=[user.email])
    return notification, delivery


def notifications_mark_read(
    *, user: User, ids: list[int] | None = None, request: HttpRequest | None = None
) -> int:
    """Mark the person's notifications read (the listed ones, or all); return how many."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    with transaction.atomic():
        return unread.update(read_at=timezone.now())

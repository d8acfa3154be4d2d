"""Mail that leaves only once the change that prompts it is committed, through the task queue.

mail_on_commit logs the letter (core.MailDelivery) in the caller's transaction — a rollback takes
the letter with it — and, once the transaction commits, enqueues deliver_mail. The task sends it,
and on failure records the error and tries again later with a doubling pause, up to
MAIL_MAX_ATTEMPTS; after that the letter stays in the log as «не отправлено». A letter already
sent is never sent again, however often its task runs.
"""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core.models import MailDelivery, MailStatus

logger = logging.getLogger("kadrovy_rezerv.mail")


@dataclass(frozen=True)
class Letter:
    """One email: its subject, its plain-text body and the addresses it goes to."""

    subject: str
    body: str
    recipients: list[str]


def _deliveries_on_commit(letters: Iterable[Letter]) -> list[MailDelivery]:
    deliveries = [
        MailDelivery.objects.create(
            subject=letter.subject[:300], body=letter.body, recipients=list(addresses)
        )
        for letter in letters
        if (addresses := [address for address in letter.recipients if address])
    ]
    if deliveries:
        ids = [delivery.pk for delivery in deliveries]
        transaction.on_commit(lambda: [deliver_mail.enqueue(pk) for pk in ids])
    return deliveries


def mail_on_commit(
    *, subject: str, body: str, recipients: Iterable[str | None]
) -> MailDelivery | None:
    """Queue one email for after the commit: none on rollback, none without an address."""
    addresses = [address for address in recipients if address]
    deliveries = _deliveries_on_commit([Letter(subject=subject, body=body, recipients=addresses)])
    return deliveries[0] if deliveries else None


def mail_many_on_commit(letters: Iterable[Letter]) -> list[MailDelivery]:
    """Queue the letters for after the commit, each tried on its own."""
    return _deliveries_on_commit(letters)


def retry_delay(attempt: int) -> datetime.timedelta:
    """Return the pause before the next try: the base pause, doubled after each failure."""
    return datetime.timedelta(seconds=settings.MAIL_RETRY_SECONDS * 2 ** max(attempt - 1, 0))


@task()
def deliver_mail(delivery_id: int) -> str:
    """Send one logged letter; on failure log the error and queue the next try."""
    with transaction.atomic():
        delivery = MailDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != MailStatus.QUEUED:
            return "skipped"
        delivery.attempts += 1
        try:
            send_mail(
                delivery.subject,
                delivery.body,
                settings.DEFAULT_FROM_EMAIL,
                delivery.recipients,
                fail_silently=False,
            )
        except Exception as error:  # any failure of the mail server: log it and try again
            delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
            final = delivery.attempts >= settings.MAIL_MAX_ATTEMPTS
            if final:
                delivery.status = MailStatus.FAILED
                delivery.failed_at = timezone.now()
            delivery.save(update_fields=["attempts", "last_error", "status", "failed_at"])
            logger.warning(
                "письмо %s не отправлено (попытка %s): %s",
                delivery.pk,
                delivery.attempts,
                delivery.last_error,
            )
            if not final:
                transaction.on_commit(lambda: _retry(delivery.pk, delivery.attempts))
            return "failed" if final else "retry"
        delivery.status = MailStatus.SENT
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        logger.info("письмо %s отправлено: %s", delivery.pk, ", ".join(delivery.recipients))
        return "sent"


def _retry(delivery_id: int, attempt: int) -> None:
    backend = deliver_mail.get_backend()
    if backend.supports_defer:
        deliver_mail.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(delivery_id)
    else:  # a backend that runs at once (tests, a developer's machine) tries again at once
        deliver_mail.enqueue(delivery_id)

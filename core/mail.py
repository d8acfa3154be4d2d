"""Mail that leaves only once the change that prompts it is committed."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.db import transaction


@dataclass(frozen=True)
class Letter:
    """One email: its subject, its plain-text body and the addresses it goes to."""

    subject: str
    body: str
    recipients: list[str]


def mail_on_commit(*, subject: str, body: str, recipients: Iterable[str | None]) -> None:
    """Send one email once the transaction commits: none on rollback, none without an address."""
    addresses = [address for address in recipients if address]
    if not addresses:
        return
    # A mail server that is down must not undo a change that is already committed.
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses, fail_silently=True)
    )


def mail_many_on_commit(letters: Iterable[Letter]) -> None:
    """Send the letters over one connection once the transaction commits."""
    messages = [
        (letter.subject, letter.body, settings.DEFAULT_FROM_EMAIL, letter.recipients)
        for letter in letters
        if letter.recipients
    ]
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))

"""The daily run of reminders: give each due reminder once, as a notification and a letter.

Run it as often as you like: a reminder's key is unique, so a second run gives nothing new. A
reminder counts as sent only when its letter went out (core.MailDelivery «отправлено»); one whose
letter finally failed is queued again by the next run. People who withdrew their consent to the
processing of personal data, people excluded from the reserve and blocked accounts get nothing.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q

from accounts.models import User
from accounts.notifications.services import notification_create
from candidates.models import MembershipStatus, ReserveMembership
from core.mail import mail_on_commit
from core.models import MailStatus
from governance.models import ConsentPurpose, ConsentRecord
from monitoring.reminders.due import GATHERERS, Due
from monitoring.reminders.models import Reminder


@dataclass(frozen=True)
class ReminderRun:
    """What a run did: new reminders, letters queued again, people left out, already given."""

    given: int
    requeued: int
    left_out: int
    already: int


def unreachable_user_ids(user_ids: set[int]) -> set[int]:
    """Return the people among these who must get no reminder, and why it is so in the query.

    Blocked accounts; withdrawn consent to personal data with no consent standing; reservists
    excluded from the reserve who hold no active membership.
    """
    blocked = set(
        User.objects.filter(pk__in=user_ids, is_active=False).values_list("pk", flat=True)
    )
    consents = ConsentRecord.objects.filter(
        user_id__in=user_ids, text__purpose=ConsentPurpose.PERSONAL_DATA
    )
    withdrawn = set(consents.filter(withdrawn_at__isnull=False).values_list("user_id", flat=True))
    standing = set(consents.filter(withdrawn_at__isnull=True).values_list("user_id", flat=True))
    memberships = ReserveMembership.objects.filter(candidate__user_id__in=user_ids)
    excluded = set(
        memberships.filter(status=MembershipStatus.EXCLUDED).values_list(
            "candidate__user_id", flat=True
        )
    )
    active = set(
        memberships.filter(status=MembershipStatus.ACTIVE).values_list(
            "candidate__user_id", flat=True
        )
    )
    return blocked | (withdrawn - standing) | (excluded - active)


def _give(due: Due, user: User) -> bool:
    """Create the reminder with its notification and letter; False if another run beat us."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(kind=due.kind, key=due.key, user=user)
            notification, delivery = notification_create(
                user=user,
                text=due.text,
                kind=f"reminder.{due.kind}",
                url=due.url,
                mail_subject=due.subject,
                mail_body=due.body,
            )
            reminder.notification, reminder.delivery = notification, delivery
            reminder.save(update_fields=["notification", "delivery"])
    except IntegrityError:
        return False
    return True


def _requeue(reminder: Reminder, due: Due, user: User) -> None:
    with transaction.atomic():
        reminder.delivery = mail_on_commit(
            subject=due.subject, body=due.body, recipients=[user.email]
        )
        reminder.save(update_fields=["delivery"])


def reminders_send(*, today: datetime.date) -> ReminderRun:
    """Give every reminder due today that was not given yet; return what was done."""
    dues = [due for gather in GATHERERS for due in gather(today)]
    user_ids = {due.user_id for due in dues}
    left_out = unreachable_user_ids(user_ids)
    users = User.objects.in_bulk(user_ids - left_out)
    keys = Q()
    for due in dues:
        keys |= Q(kind=due.kind, key=due.key)
    known = {
        (reminder.kind, reminder.key): reminder
        for reminder in (Reminder.objects.filter(keys).select_related("delivery") if dues else [])
    }
    given = requeued = skipped = already = 0
    for due in dues:
        user = users.get(due.user_id)
        if user is None:
            skipped += 1
            continue
        reminder = known.get((due.kind, due.key))
        if reminder is None:
            given += _give(due, user)
        elif reminder.delivery is not None and reminder.delivery.status == MailStatus.FAILED:
            _requeue(reminder, due, user)
            requeued += 1
        else:
            already += 1
    return ReminderRun(given=given, requeued=requeued, left_out=skipped, already=already)


def reminders_sent_count(*, since: datetime.datetime | None = None) -> int:
    """Return how many reminders count as sent: their letter went out."""
    reminders = Reminder.objects.filter(delivery__status=MailStatus.SENT)
    if since is not None:
        reminders = reminders.filter(created_at__gte=since)
    return reminders.count()

"""Emails to candidates, sent only after the change that prompts them is committed."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from candidates.models import Nomination


def notify_status_change_on_commit(*, nomination: Nomination, reason: str = "") -> None:
    """Tell the candidate their application's new status once the transaction commits."""
    email = nomination.candidate.email
    if not email:
        return
    status = nomination.get_status_display()
    lines = [
        f"Здравствуйте, {nomination.candidate.first_name}!",
        "",
        f"Статус вашей заявки в кадровый резерв на должность «{nomination.position_kind}» "
        f"изменён: {status}.",
    ]
    if reason:
        lines += ["", f"Комментарий: {reason}"]
    lines += ["", "Подробности — в личном кабинете портала «Кадровый резерв»."]
    subject = f"Кадровый резерв: заявка — {status}"
    body = "\n".join(lines)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email], fail_silently=True)
    )

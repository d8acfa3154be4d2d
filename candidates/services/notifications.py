"""Emails to candidates, sent only after the change that prompts them is committed."""

from candidates.models import Nomination
from core.mail import mail_on_commit


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
    mail_on_commit(subject=subject, body=body, recipients=[email])

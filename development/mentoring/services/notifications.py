"""Letters to a pair's mentor and mentee, sent only once the change is committed."""

from core.mail import mail_on_commit
from development.models import MentoringSession, Mentorship


def letter_body(lines: list[str]) -> str:
    """Return the lines of a letter to a pair, with the portal's closing line."""
    return "\n".join([*lines, "", "Подробности — на портале «Кадровый резерв»."])


def notify_pair_started_on_commit(pair: Mentorship) -> None:
    """Tell the mentor and the mentee that their pair is confirmed."""
    mentor_user = pair.mentor.user
    mentee = pair.mentee
    mail_on_commit(
        subject="Кадровый резерв: подтверждена пара наставничества",
        body=letter_body(
            [
                f"Здравствуйте, {mentor_user.first_name}!",
                "",
                f"Вы — наставник резервиста {mentee.full_name} с {pair.started_on:%d.%m.%Y}.",
                "Записывайте встречи в разделе «Мои наставляемые».",
            ]
        ),
        recipients=[mentor_user.email],
    )
    mail_on_commit(
        subject="Кадровый резерв: вам назначен наставник",
        body=letter_body(
            [
                f"Здравствуйте, {mentee.first_name}!",
                "",
                f"Ваш наставник — {mentor_user.get_full_name()} с {pair.started_on:%d.%m.%Y}.",
                "Контакты наставника и встречи для подтверждения — в разделе «Мой наставник».",
            ]
        ),
        recipients=[mentee.email],
    )


def notify_pair_ended_on_commit(pair: Mentorship) -> None:
    """Tell both people that their pair is completed or cancelled, and why."""
    status = pair.get_status_display()
    lines = [
        f"Пара наставничества «{pair.mentor.user.get_full_name()} — {pair.mentee.full_name}» "
        f"{status} {pair.ended_on:%d.%m.%Y}.",
        f"Причина: {pair.end_reason}",
    ]
    mail_on_commit(
        subject=f"Кадровый резерв: пара наставничества {status}",
        body=letter_body(lines),
        recipients=[pair.mentor.user.email, pair.mentee.email],
    )


def notify_session_disputed_on_commit(session: MentoringSession) -> None:
    """Tell the mentor that the mentee disputed a logged meeting."""
    mentorship = session.mentorship
    mail_on_commit(
        subject="Кадровый резерв: встреча оспорена",
        body=letter_body(
            [
                f"{mentorship.mentee.full_name} оспаривает встречу {session.date:%d.%m.%Y}.",
                f"Комментарий: {session.mentee_comment}",
            ]
        ),
        recipients=[mentorship.mentor.user.email],
    )

"""Letters about an item's practice: to the one asked to confirm it, and back to the reservist."""

from core.mail import mail_on_commit
from development.models import PlanItem

CLOSING = "Подробности — на портале «Кадровый резерв»."


def notify_confirmer_on_commit(item: PlanItem, capacity: str) -> None:
    """Ask the confirmer to confirm the reservist's practice, once the request is committed."""
    candidate = item.plan.candidate
    confirmer = item.practice_confirmer
    mail_on_commit(
        subject="Кадровый резерв: подтвердите применение в практике",
        body="\n".join(
            [
                f"Здравствуйте, {confirmer.first_name}!",
                "",
                f"{candidate.full_name} просит вас подтвердить применение в практике по пункту "
                f"плана развития «{item.title}» (вы указаны как {capacity}).",
                "Подтвердите, если вы видели это в работе, или верните с замечанием — в разделе "
                "«Подтверждение практики».",
                "",
                CLOSING,
            ]
        ),
        recipients=[confirmer.email],
    )


def notify_reservist_on_commit(item: PlanItem, *, confirmed: bool, comment: str) -> None:
    """Tell the reservist that their practice was confirmed, or returned and why."""
    candidate = item.plan.candidate
    reviewer = item.practice_confirmer
    if confirmed:
        subject = "Кадровый резерв: применение в практике подтверждено"
        lines = [f"Применение в практике по пункту «{item.title}» подтверждено: {reviewer}."]
    else:
        subject = "Кадровый резерв: применение в практике возвращено"
        lines = [
            f"Описание применения по пункту «{item.title}» возвращено с замечанием ({reviewer}):",
            comment,
            "Доработайте описание и отправьте его на подтверждение снова.",
        ]
    mail_on_commit(
        subject=subject,
        body="\n".join([f"Здравствуйте, {candidate.first_name}!", "", *lines, "", CLOSING]),
        recipients=[candidate.email],
    )

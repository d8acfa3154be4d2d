"""Letters about offers, sent once the change commits (core.mail)."""

from core.mail import mail_on_commit
from onboarding.models import Offer, OfferStatus

PORTAL = "портала «Кадровый резерв»"


def offer_made_on_commit(offer: Offer) -> None:
    """Tell the reservist a post is offered and by when to answer."""
    candidate = offer.membership.candidate
    vacancy = offer.vacancy
    lines = [
        f"Здравствуйте, {candidate.first_name}!",
        "",
        f"Вам предлагается должность «{vacancy.position_kind}» в организации "
        f"«{vacancy.organization}» ({vacancy.organization.municipality}).",
    ]
    if offer.message:
        lines += ["", offer.message]
    lines += [
        "",
        f"Ответьте до {offer.respond_by:%d.%m.%Y} в разделе «Назначение» {PORTAL}: примите "
        "предложение или откажитесь, указав причину.",
    ]
    mail_on_commit(
        subject=f"Кадровый резерв: предложение должности, ответ до {offer.respond_by:%d.%m.%Y}",
        body="\n".join(lines),
        recipients=[candidate.email],
    )


def offer_answered_on_commit(offer: Offer) -> None:
    """Tell whoever made the offer what the reservist answered."""
    if offer.offered_by is None:
        return
    candidate = offer.membership.candidate
    if offer.status == OfferStatus.ACCEPTED:
        answer = (
            "предложение принято. Запишите аттестацию и приказ учредителя на странице назначения."
        )
    else:
        answer = f"отказ от предложения. Причина: {offer.refusal_reason}"
    mail_on_commit(
        subject=f"Кадровый резерв: ответ на предложение — {candidate.full_name}",
        body=f"Ответ резервиста {candidate.full_name}: {answer}\n\nВакансия: {offer.vacancy}.",
        recipients=[offer.offered_by.email],
    )


def offer_withdrawn_on_commit(offer: Offer) -> None:
    """Tell the reservist the offer is withdrawn."""
    candidate = offer.membership.candidate
    mail_on_commit(
        subject="Кадровый резерв: предложение должности отозвано",
        body=(
            f"Здравствуйте, {candidate.first_name}!\n\nПредложение должности «{offer.vacancy}» "
            f"отозвано. Причина: {offer.closed_reason}"
        ),
        recipients=[candidate.email],
    )

"""Letters about offers, sent once the change commits (core.mail), and the same in the portal."""

from django.urls import reverse

from accounts.notifications.services import notification_create
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
    notification_create(
        user=candidate.user,
        text=f"Ответьте на предложение должности «{vacancy.position_kind}» "
        f"({vacancy.organization}) до {offer.respond_by:%d.%m.%Y}.",
        kind="offer_made",
        url=reverse("onboarding:offer_answer", args=[offer.pk]),
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
    notification_create(
        user=offer.offered_by,
        text=f"Ответ на предложение должности — {candidate.full_name}: "
        f"{'принято' if offer.status == OfferStatus.ACCEPTED else 'отказ'}.",
        kind="offer_answered",
        url=reverse("onboarding:vacancy_detail", args=[offer.vacancy_id]),
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
    notification_create(
        user=candidate.user,
        text=f"Предложение должности «{offer.vacancy}» отозвано.",
        kind="offer_withdrawn",
        url=reverse("onboarding:my_onboarding"),
    )

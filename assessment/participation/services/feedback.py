"""360° feedback: personal single-use links for colleagues and their anonymous answers."""

import datetime
import hashlib
import secrets
from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from assessment.models import (
    CampaignInstrument,
    CampaignStatus,
    FeedbackInvitation,
    FeedbackRelation,
    FeedbackResponse,
    Indicator,
    InstrumentKind,
    Participant,
)
from assessment.participation.services.self_assessment import clean_ratings
from assessment.participation.services.window import ensure_open
from audit.services import audit_record
from core.mail import mail_on_commit

DEFAULT_LINK_DAYS = 14
# Enough for a superior, peers and subordinates; more would look like a mailing list.
MAX_INVITATIONS = 20
MAX_COMMENT_LENGTH = 2000


class LinkRefused(ValidationError):
    """A colleague's link that cannot be used: unknown, used, expired or the collection is over."""

    def __init__(self, message: str, *, state: str) -> None:
        super().__init__(message)
        self.state = state


def link_days() -> int:
    """Return how many days a colleague's link lives (setting ASSESSMENT_FEEDBACK_LINK_DAYS)."""
    return int(getattr(settings, "ASSESSMENT_FEEDBACK_LINK_DAYS", DEFAULT_LINK_DAYS))


def token_hash(token: str) -> str:
    """Return the stored form of a link's token: only its SHA-256 is kept."""
    return hashlib.sha256(token.encode()).hexdigest()


def feedback_link(token: str, request: HttpRequest | None = None) -> str:
    """Return the colleague's link, absolute when the request is known."""
    path = reverse("assessment:feedback_form", args=[token])
    return request.build_absolute_uri(path) if request is not None else path


def invitation_create(
    *,
    participant: Participant,
    campaign_instrument: CampaignInstrument,
    respondent_name: str,
    respondent_email: str,
    relation: str,
    actor,
    request: HttpRequest | None = None,
) -> FeedbackInvitation:
    """Invite a colleague: store the link's hash and mail them the link after commit."""
    ensure_open(
        participant=participant,
        campaign_instrument=campaign_instrument,
        kind=InstrumentKind.FEEDBACK_360,
    )
    name = " ".join((respondent_name or "").split())
    email = (respondent_email or "").strip().lower()
    if not name:
        raise ValidationError("Укажите, как зовут коллегу.")
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError("Укажите правильный адрес электронной почты коллеги.") from None
    if relation not in FeedbackRelation.values:
        raise ValidationError("Укажите, кем вам приходится коллега.")
    own = {participant.candidate.email.lower(), (getattr(actor, "email", "") or "").lower()}
    if email in own:
        raise ValidationError("Себя пригласить нельзя: отзыв дают коллеги.")
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        Participant.objects.select_for_update().filter(pk=participant.pk).first()
        invited = FeedbackInvitation.objects.filter(
            participant=participant, campaign_instrument=campaign_instrument
        )
        if invited.filter(respondent_email__iexact=email).exists():
            raise ValidationError("Этот коллега уже приглашён.")
        if invited.count() >= MAX_INVITATIONS:
            raise ValidationError(f"Можно пригласить не больше {MAX_INVITATIONS} коллег.")
        invitation = FeedbackInvitation.objects.create(
            participant=participant,
            campaign_instrument=campaign_instrument,
            respondent_name=name,
            respondent_email=email,
            relation=relation,
            token_hash=token_hash(token),
            # No answers after the instrument's deadline, however young the link.
            expires_at=min(
                now + datetime.timedelta(days=link_days()), campaign_instrument.deadline_end
            ),
        )
        audit_record(
            actor=actor,
            action="assessment.feedback.invite",
            obj=invitation,
            changes={
                "кого": (None, f"{name} <{email}>"),
                "группа": (None, invitation.get_relation_display()),
            },
            request=request,
        )
        subject, body = _invitation_mail(participant, invitation, feedback_link(token, request))
        mail_on_commit(subject=subject, body=body, recipients=[email])
    return invitation


def _invitation_mail(
    participant: Participant, invitation: FeedbackInvitation, link: str
) -> tuple[str, str]:
    expires = timezone.localtime(invitation.expires_at) - datetime.timedelta(microseconds=1)
    person = participant.candidate.full_name
    lines = [
        f"Здравствуйте, {invitation.respondent_name}!",
        "",
        f"{person} проходит оценку управленческих компетенций в кадровом резерве руководителей "
        "образовательных организаций Оренбургской области и просит вас дать обратную связь "
        "о своей работе.",
        "",
        "Ответ займёт около 10 минут, регистрация не нужна. Ответы анонимны: оцениваемый увидит "
        "только средние оценки группы, в которой ответили не меньше трёх человек, без имён.",
        "",
        f"Ваша личная ссылка (действует до {expires:%d.%m.%Y}, ответить можно один раз):",
        link,
        "",
        "Не пересылайте ссылку другим людям.",
    ]
    return f"Кадровый резерв: просьба дать обратную связь — {person}", "\n".join(lines)


def invitation_by_token(token: str, *, for_update: bool = False) -> FeedbackInvitation:
    """Return the usable invitation of a link, or refuse with the reason a colleague can read."""
    invitations = FeedbackInvitation.objects.select_related(
        "participant__candidate", "campaign_instrument__campaign", "campaign_instrument__instrument"
    )
    if for_update:
        invitations = invitations.select_for_update(of=("self",))
    invitation = invitations.filter(token_hash=token_hash(token or "")).first()
    if invitation is None:
        raise LinkRefused(
            "Ссылка недействительна. Проверьте, что она скопирована из письма полностью.",
            state="unknown",
        )
    if invitation.used_at is not None:
        raise LinkRefused(
            "По этой ссылке ответ уже получен. Спасибо! Ссылка действует один раз, поэтому "
            "изменить или отправить ответ повторно нельзя.",
            state="used",
        )
    if invitation.campaign_instrument.campaign.status != CampaignStatus.ACTIVE:
        raise LinkRefused("Сбор отзывов завершён: ответы больше не принимаются.", state="closed")
    if timezone.now() >= invitation.expires_at:
        expired = timezone.localtime(invitation.expires_at) - datetime.timedelta(microseconds=1)
        raise LinkRefused(
            f"Срок действия ссылки истёк {expired:%d.%m.%Y}. Если вы хотите ответить, попросите "
            "коллегу, который вас пригласил, обратиться к координатору оценки.",
            state="expired",
        )
    return invitation


def feedback_submit(*, token: str, answers: Mapping, comment: str = "") -> None:
    """Store a colleague's answers anonymously and spend the link."""
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT_LENGTH:
        raise ValidationError(f"Комментарий длиннее {MAX_COMMENT_LENGTH} знаков.")
    with transaction.atomic():
        invitation = invitation_by_token(token, for_update=True)
        indicator_ids = set(
            Indicator.objects.filter(
                instrument_id=invitation.campaign_instrument.instrument_id
            ).values_list("id", flat=True)
        )
        cleaned = clean_ratings(answers, indicator_ids)
        missing = len(indicator_ids) - len(cleaned)
        if missing:
            raise ValidationError(f"Оцените все утверждения: без ответа осталось {missing}.")
        today = timezone.localdate()
        # The response carries the group and the day, never the invitation; the invitation
        # records only the day of use. Neither is audited: an event with the exact time next
        # to the response's sequential id would tell who answered what.
        FeedbackResponse.objects.create(
            participant_id=invitation.participant_id,
            campaign_instrument_id=invitation.campaign_instrument_id,
            relation=invitation.relation,
            answers=cleaned,
            comment=comment,
            submitted_on=today,
        )
        invitation.used_at = timezone.make_aware(
            datetime.datetime.combine(today, datetime.time.min)
        )
        invitation.save(update_fields=["used_at"])

"""The campaign's run: activation once ready, closing with the final results."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse

from accounts.notifications.services import notification_create
from assessment.models import Campaign, CampaignStatus, ExpertAssignment
from assessment.models.experts import MIN_EXPERTS
from assessment.results.services.results import results_compute
from audit.services import audit_record


def _transition(
    *, campaign: Campaign, source: str, target: str, actor, request, check=None
) -> Campaign:
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if locked.status != source:
            raise ValidationError(
                f"Кампания уже в статусе «{locked.get_status_display()}». Обновите страницу."
            )
        if check is not None:
            check(locked)
        locked.status = target
        locked.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action="assessment.campaign.transition",
            obj=locked,
            changes={"статус": (CampaignStatus(source).label, CampaignStatus(target).label)},
            request=request,
        )
    return locked


# How many participants without a full panel the refusal names before «и ещё N».
NAMED_SHORT_PANELS = 5


def _short_panels(campaign: Campaign) -> list[str]:
    """Return «ФИО — «инструмент»: назначено N» for each panel of fewer than MIN_EXPERTS experts."""
    expert_rated = [
        ci
        for ci in campaign.instruments.select_related("instrument")
        if ci.instrument.is_expert_rated
    ]
    if not expert_rated:
        return []
    assigned = {
        (participant_id, ci_id): experts
        for participant_id, ci_id, experts in ExpertAssignment.objects.filter(
            campaign_instrument__in=expert_rated
        )
        .values("participant_id", "campaign_instrument_id")
        .annotate(experts=Count("pk"))
        .values_list("participant_id", "campaign_instrument_id", "experts")
    }
    short = []
    for participant in campaign.participants.select_related("candidate").order_by(
        "candidate__last_name", "candidate__first_name", "pk"
    ):
        for ci in sorted(expert_rated, key=lambda ci: ci.display_order):
            count = assigned.get((participant.pk, ci.pk), 0)
            if count < MIN_EXPERTS:
                short.append(
                    f"{participant.candidate.full_name} — «{ci.instrument}»: назначено {count}"
                )
    return short


def _ready_to_start(campaign: Campaign) -> None:
    """Refuse to start a campaign that could not give a single complete result."""
    if not campaign.instruments.exists():
        raise ValidationError("Добавьте инструменты оценки: кампания без них не начинается.")
    if sum(campaign.instruments.values_list("weight", flat=True)) != 100:
        raise ValidationError("Сумма весов инструментов должна быть равна 100 %.")
    if not campaign.participants.exists():
        raise ValidationError("Добавьте участников: кампания без участников не начинается.")
    short = _short_panels(campaign)
    if short:
        named = "; ".join(short[:NAMED_SHORT_PANELS])
        more = len(short) - NAMED_SHORT_PANELS
        raise ValidationError(
            f"Назначьте каждому участнику не менее {MIN_EXPERTS} экспертов на каждый "
            f"инструмент, который оценивают эксперты: {named}"
            + (f" и ещё {more}." if more > 0 else ".")
        )


def campaign_activate(*, campaign: Campaign, actor, request: HttpRequest | None = None) -> Campaign:
    """Start the campaign: participants see their instruments, experts their assignments."""
    with transaction.atomic():
        started = _transition(
            campaign=campaign,
            source=CampaignStatus.DRAFT,
            target=CampaignStatus.ACTIVE,
            actor=actor,
            request=request,
            check=_ready_to_start,
        )
        url = reverse("assessment:my_assessment")
        for participant in started.participants.select_related("candidate__user"):
            notification_create(
                user=participant.candidate.user,
                text=f"Открыта оценка «{started.name}»: самооценка и другие процедуры.",
                kind="assessment_opened",
                url=url,
            )
    return started


def campaign_close(*, campaign: Campaign, actor, request: HttpRequest | None = None) -> Campaign:
    """Close the campaign and compute its final results.

    The status changes first: a closed campaign's 360° collection is over, so the final results
    count those answers; both happen in one transaction.
    """
    with transaction.atomic():
        closed = _transition(
            campaign=campaign,
            source=CampaignStatus.ACTIVE,
            target=CampaignStatus.CLOSED,
            actor=actor,
            request=request,
        )
        results_compute(campaign=closed, actor=actor)
    return closed

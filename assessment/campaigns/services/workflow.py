"""The campaign's run: activation once ready, closing with the final results."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from assessment.models import Campaign, CampaignStatus
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


def _ready_to_start(campaign: Campaign) -> None:
    if not campaign.participants.exists():
        raise ValidationError("Добавьте участников: кампания без участников не начинается.")
    if sum(campaign.instruments.values_list("weight", flat=True)) != 100:
        raise ValidationError("Сумма весов инструментов должна быть равна 100 %.")


def campaign_activate(*, campaign: Campaign, actor, request: HttpRequest | None = None) -> Campaign:
    """Start the campaign: participants see their instruments, experts their assignments."""
    return _transition(
        campaign=campaign,
        source=CampaignStatus.DRAFT,
        target=CampaignStatus.ACTIVE,
        actor=actor,
        request=request,
        check=_ready_to_start,
    )


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

"""How a nomination sent «на оценку» on the selection stage's page joins a campaign in the same
step, offered through candidates/extensions.py (the selection stage never imports this one)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from assessment.campaigns.services.cohort import campaign_add_participants
from assessment.models import Campaign, CampaignStatus
from candidates.extensions import AssessmentEnrolment
from candidates.models import Nomination


def open_campaigns() -> list[tuple[int, str]]:
    """Return the campaigns a nomination may still join: in preparation or running."""
    campaigns = Campaign.objects.exclude(status=CampaignStatus.CLOSED).order_by("-starts_on", "-pk")
    return [
        (
            campaign.pk,
            f"{campaign.name} ({campaign.get_status_display()}, "
            f"{campaign.starts_on:%d.%m.%Y}–{campaign.ends_on:%d.%m.%Y})",
        )
        for campaign in campaigns
    ]


def enrol(*, nomination: Nomination, campaign_id: int, actor, request: HttpRequest | None) -> str:
    """Add the nomination (already in «оценка») to the campaign; return what was done."""
    campaign = Campaign.objects.exclude(status=CampaignStatus.CLOSED).filter(pk=campaign_id).first()
    if campaign is None:
        raise ValidationError("Эта кампания оценки завершена или удалена: выберите другую.")
    outcome = campaign_add_participants(
        campaign=campaign,
        nominations=[nomination],
        actor=actor,
        today=timezone.localdate(),
        request=request,
    )
    if not outcome.added:
        raise ValidationError(
            f"Добавить в кампанию «{campaign}» не удалось: {'; '.join(outcome.skipped)}."
        )
    return f"Кандидат добавлен в кампанию оценки «{campaign}»."


ENROLMENT = AssessmentEnrolment(
    campaigns=open_campaigns,
    enrol=enrol,
    campaigns_url=lambda: reverse("assessment:campaign_list"),
)

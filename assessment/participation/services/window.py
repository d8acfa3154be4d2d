"""When a participant may still work on a campaign instrument: the window every write checks."""

from django.core.exceptions import ValidationError

from assessment.models import CampaignInstrument, CampaignStatus, Participant


def ensure_open(
    *, participant: Participant, campaign_instrument: CampaignInstrument, kind: str
) -> None:
    """Refuse, in Russian, a write outside the participant's campaign, instrument or window."""
    if campaign_instrument.campaign_id != participant.campaign_id:
        raise ValidationError("Этот инструмент не относится к вашей кампании оценки.")
    if campaign_instrument.instrument.kind != kind:
        raise ValidationError("Этот инструмент оценки устроен иначе: действие недоступно.")
    campaign = campaign_instrument.campaign
    if campaign.status != CampaignStatus.ACTIVE:
        raise ValidationError(
            "Кампания оценки сейчас не проводится: ответы не принимаются."
            if campaign.status == CampaignStatus.DRAFT
            else "Кампания оценки завершена: ответы больше не принимаются."
        )
    if campaign_instrument.is_overdue():
        raise ValidationError(
            f"Срок истёк {campaign_instrument.deadline:%d.%m.%Y}: ответы больше не принимаются."
        )

"""When a participant may still work on a campaign instrument: the window every write checks."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from assessment.models import CampaignInstrument, CampaignStatus, Participant


def deadline_end(campaign_instrument: CampaignInstrument) -> datetime.datetime:
    """Return the moment the instrument's deadline day ends in the portal's time zone."""
    next_day = campaign_instrument.deadline + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time.min))


def is_overdue(
    campaign_instrument: CampaignInstrument, now: datetime.datetime | None = None
) -> bool:
    """Return whether the instrument's deadline has passed."""
    return (now or timezone.now()) >= deadline_end(campaign_instrument)


def is_open(campaign_instrument: CampaignInstrument, now: datetime.datetime | None = None) -> bool:
    """Return whether participants may still answer: the campaign runs and the deadline holds."""
    return campaign_instrument.campaign.status == CampaignStatus.ACTIVE and not is_overdue(
        campaign_instrument, now
    )


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
    if is_overdue(campaign_instrument):
        raise ValidationError(
            f"Срок истёк {campaign_instrument.deadline:%d.%m.%Y}: ответы больше не принимаются."
        )

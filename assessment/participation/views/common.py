"""What the participant's pages share: their own participation or 404, the posted JSON, time."""

import json

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from assessment import access
from assessment.models import CampaignInstrument, Participant


def own_item(
    request: HttpRequest, participant_pk: int, item_pk: int, kinds: tuple[str, ...]
) -> tuple[Participant, CampaignInstrument]:
    """Return the user's own participation and its campaign instrument of the kinds, else 404."""
    participant = get_object_or_404(
        access.own_participations(request.user).select_related("campaign", "candidate"),
        pk=participant_pk,
    )
    item = get_object_or_404(
        CampaignInstrument.objects.select_related("instrument", "campaign"),
        pk=item_pk,
        campaign_id=participant.campaign_id,
        instrument__kind__in=kinds,
    )
    return participant, item


def json_body(request: HttpRequest) -> dict:
    """Return the JSON object posted by the page's script, or raise ValidationError."""
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise ValidationError("Запрос повреждён: обновите страницу.") from None
    if not isinstance(data, dict):
        raise ValidationError("Запрос повреждён: обновите страницу.")
    return data


def hh_mm(moment) -> str:
    """Return a moment as чч:мм in the portal's time zone."""
    return timezone.localtime(moment).strftime("%H:%M")

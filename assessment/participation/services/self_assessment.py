"""The participant's self-assessment: a draft saved as they go, then submitted and read-only."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from assessment.models import (
    CampaignInstrument,
    Indicator,
    InstrumentKind,
    Participant,
    Response,
)
from assessment.participation.services.window import ensure_open
from audit.services import audit_record

SCALE = range(1, 5)


def clean_ratings(answers: Mapping, indicator_ids: set[int]) -> dict[str, int]:
    """Return {indicator id: 1..4} from raw answers; blanks are unanswered, the rest must fit."""
    if not isinstance(answers, Mapping):
        raise ValidationError("Ответы переданы в неверном виде.")
    cleaned: dict[str, int] = {}
    for key, value in answers.items():
        try:
            indicator_id = int(key)
        except (TypeError, ValueError):
            raise ValidationError("Ответы переданы в неверном виде.") from None
        if indicator_id not in indicator_ids:
            raise ValidationError("Среди ответов есть утверждение, которого нет в этой анкете.")
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            raise ValidationError("Оценка должна быть числом от 1 до 4.")
        try:
            rating = int(value)
        except (TypeError, ValueError):
            raise ValidationError("Оценка должна быть числом от 1 до 4.") from None
        if rating not in SCALE or str(rating) != str(value).strip():
            raise ValidationError("Оценка должна быть числом от 1 до 4.")
        cleaned[str(indicator_id)] = rating
    return cleaned


def _indicator_ids(campaign_instrument: CampaignInstrument) -> set[int]:
    return set(
        Indicator.objects.filter(instrument_id=campaign_instrument.instrument_id).values_list(
            "id", flat=True
        )
    )


def _locked_response(
    *, participant: Participant, campaign_instrument: CampaignInstrument
) -> tuple[Response, bool]:
    """Return the participant's response locked for update, creating it; serialises two tabs."""
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    response, created = Response.objects.get_or_create(
        participant=participant, campaign_instrument=campaign_instrument
    )
    if not created:
        response = Response.objects.select_for_update().get(pk=response.pk)
    return response, created


def response_save_draft(
    *,
    participant: Participant,
    campaign_instrument: CampaignInstrument,
    answers: Mapping,
    actor,
    request: HttpRequest | None = None,
) -> Response:
    """Save the answers given so far as the draft; refuse after submission or the deadline."""
    ensure_open(
        participant=participant,
        campaign_instrument=campaign_instrument,
        kind=InstrumentKind.SELF_ASSESSMENT,
    )
    cleaned = clean_ratings(answers, _indicator_ids(campaign_instrument))
    with transaction.atomic():
        response, created = _locked_response(
            participant=participant, campaign_instrument=campaign_instrument
        )
        if response.submitted_at is not None:
            raise ValidationError("Самооценка уже отправлена: изменить ответы нельзя.")
        response.answers = cleaned
        response.save(update_fields=["answers", "saved_at"])
        # Autosave writes every few seconds; the log records that the work began and its end.
        if created:
            audit_record(
                actor=actor,
                action="assessment.self_assessment.start",
                obj=response,
                changes={"ответов": (None, len(cleaned))},
                request=request,
            )
    return response


def response_submit(
    *,
    participant: Participant,
    campaign_instrument: CampaignInstrument,
    answers: Mapping | None = None,
    actor,
    request: HttpRequest | None = None,
) -> Response:
    """Submit the self-assessment once every statement is rated; a second submit changes nothing."""
    existing = Response.objects.filter(
        participant=participant, campaign_instrument=campaign_instrument
    ).first()
    if existing is not None and existing.submitted_at is not None:
        return existing
    ensure_open(
        participant=participant,
        campaign_instrument=campaign_instrument,
        kind=InstrumentKind.SELF_ASSESSMENT,
    )
    indicator_ids = _indicator_ids(campaign_instrument)
    cleaned = clean_ratings(answers, indicator_ids) if answers is not None else None
    with transaction.atomic():
        response, _ = _locked_response(
            participant=participant, campaign_instrument=campaign_instrument
        )
        if response.submitted_at is not None:
            return response
        if cleaned is not None:
            response.answers = cleaned
        missing = len(indicator_ids) - len(response.answers)
        if not missing:
            response.submitted_at = timezone.now()
        response.save(update_fields=["answers", "saved_at", "submitted_at"])
        if not missing:
            audit_record(
                actor=actor,
                action="assessment.self_assessment.submit",
                obj=response,
                changes={"отправлено": (None, response.submitted_at)},
                request=request,
            )
    if missing:
        # Outside the transaction: the answers given are kept as the draft.
        raise ValidationError(
            f"Оцените все утверждения: без ответа осталось {missing}. "
            "Ответы сохранены как черновик."
        )
    return response

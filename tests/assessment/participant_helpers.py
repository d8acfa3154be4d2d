"""Shared builders of the participant-side tests: a campaign with one participant, answers."""

from assessment.models import (
    CampaignInstrument,
    Indicator,
    InstrumentKind,
    Participant,
    Question,
)
from tests.assessment.factories import campaign_instrument, make_campaign, make_participant

K = InstrumentKind


def setup_participant(
    kind: str, *, position_code: str = "director-general", **campaign_kwargs
) -> tuple[Participant, CampaignInstrument]:
    """Return a participant (for the post) of a new campaign with the instrument of the kind."""
    campaign = make_campaign(kinds=[kind], **campaign_kwargs)
    participant = make_participant(campaign=campaign, position_code=position_code)
    return participant, campaign_instrument(campaign, kind)


def all_ratings(item: CampaignInstrument, value: int = 3) -> dict[str, int]:
    """Return a rating for every indicator of the item's instrument."""
    return {
        str(pk): value
        for pk in Indicator.objects.filter(instrument_id=item.instrument_id).values_list(
            "id", flat=True
        )
    }


def correct_answers(question_ids: list[int]) -> dict[str, list[int]]:
    """Return the right choices for each question."""
    return {
        str(question.pk): [c.pk for c in question.choices.all() if c.is_correct]
        for question in Question.objects.filter(id__in=question_ids).prefetch_related("choices")
    }


def wrong_answers(question_ids: list[int]) -> dict[str, list[int]]:
    """Return one wrong choice for each question."""
    return {
        str(question.pk): [next(c.pk for c in question.choices.all() if not c.is_correct)]
        for question in Question.objects.filter(id__in=question_ids).prefetch_related("choices")
    }

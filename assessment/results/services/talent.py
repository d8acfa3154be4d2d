"""The talent review: staff ratings of current work results and calibration notes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from assessment.models import Participant, PerformanceRating, Result, TalentReviewNote
from assessment.scoring import potential_of
from audit.services import audit_record


def performance_rate(
    *, participant: Participant, rating: int, basis: str, actor, request: HttpRequest | None = None
) -> PerformanceRating:
    """Record a rating 1–3 of the person's current work results with its basis."""
    basis = basis.strip()
    if rating not in (1, 2, 3):
        raise ValidationError("Результативность оценивается от 1 до 3.")
    if not basis:
        raise ValidationError(
            "Укажите основание оценки: показатели организации, результаты проверок, отзывы."
        )
    with transaction.atomic():
        previous = (
            PerformanceRating.objects.filter(candidate_id=participant.candidate_id)
            .order_by("-rated_at", "-id")
            .first()
        )
        record = PerformanceRating.objects.create(
            candidate_id=participant.candidate_id,
            rating=rating,
            basis=basis,
            rated_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_record(
            actor=actor,
            action="assessment.performance_rating.create",
            obj=record,
            changes={
                "результативность": (previous.rating if previous else None, rating),
                "основание": (None, basis),
            },
            request=request,
        )
    return record


def box_of(participant: Participant) -> str:
    """Return the person's current 9-box cell «potential-performance», or "" if not placed."""
    result = Result.objects.filter(participant=participant).first()
    rating = (
        PerformanceRating.objects.filter(candidate_id=participant.candidate_id)
        .order_by("-rated_at", "-id")
        .first()
    )
    if result is None or rating is None:
        return ""
    potential = potential_of(result.total, participant.campaign.pass_threshold)
    return f"{potential}-{rating.rating}"


def talent_note_add(
    *, participant: Participant, note: str, actor, request: HttpRequest | None = None
) -> TalentReviewNote:
    """Add a calibration note about the person, stamped with the cell they are in now."""
    note = note.strip()
    if not note:
        raise ValidationError("Заметка пуста.")
    with transaction.atomic():
        record = TalentReviewNote.objects.create(
            candidate_id=participant.candidate_id,
            campaign_id=participant.campaign_id,
            box=box_of(participant),
            note=note,
            author=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_record(
            actor=actor,
            action="assessment.talent_note.create",
            obj=record,
            changes={"заметка": (None, note), "ячейка": (None, record.box)},
            request=request,
        )
    return record

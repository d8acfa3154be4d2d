"""Compute and store campaign results; hand completed nominations back to the selection stage."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assessment.models import Campaign, CampaignStatus, Participant, Result
from assessment.results.selectors.scores import CampaignData
from assessment.scoring import compute, rank
from audit.models import AuditSource
from audit.services import Change, audit_record, audit_record_bulk
from candidates.models import NominationStatus
from candidates.services.nominations import nomination_transition


def results_compute(
    *, campaign: Campaign, actor=None, source: AuditSource = AuditSource.WEB, request=None
) -> int:
    """Recompute every participant's result and the ranking; return how many were computed.

    The campaign row is locked first, so that two recomputations (two experts submitting at
    once) run one after the other and the later one reads everything the earlier committed.
    """
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        computed = _compute_locked(campaign)
        if actor is not None:
            audit_record(
                actor=actor,
                action="assessment.results.compute",
                obj=campaign,
                changes={"рассчитано результатов": (None, computed)},
                source=source,
                request=request,
            )
    return computed


def results_compute_on_commit(*, campaign_id: int) -> None:
    """Recompute the campaign once the current transaction commits.

    Services call this when a submission completes something that changes a result (an expert
    panel, a calibration), so that results and ranks are current without a staff action; the
    recomputation reads only what was committed.
    """
    # One recomputation after commit covers every change of the transaction: skip when queued.
    # (Django drops queued callbacks of a rolled-back block, so nothing stale is remembered.)
    for _savepoints, queued, *_ in transaction.get_connection().run_on_commit:
        if getattr(queued, "recompute_campaign_id", None) == campaign_id:
            return

    def recompute() -> None:
        results_compute(campaign=Campaign.objects.get(pk=campaign_id), actor=None)

    recompute.recompute_campaign_id = campaign_id  # type: ignore[attr-defined]
    transaction.on_commit(recompute)


def _compute_locked(campaign: Campaign) -> int:
    data = CampaignData(campaign)
    participants = list(
        Participant.objects.filter(campaign=campaign).select_related("candidate", "nomination")
    )
    outcomes = {}
    flags = {}
    for participant in participants:
        instruments, disagreements = data.instrument_scores(participant)
        outcome = compute(
            instruments=instruments,
            competency_names=data.competency_names,
            targets=data.targets[participant.position_kind_id],
            threshold=campaign.pass_threshold,
        )
        outcome.trace["disagreements"] = disagreements
        outcomes[participant.pk] = outcome
        flags[participant.pk] = bool(disagreements)
    # Places are given among final results only: a running campaign's incomplete result, its
    # missing instruments counted as 0, would push complete ones around and mean nothing itself.
    closed = campaign.status == CampaignStatus.CLOSED
    final = {
        participant.pk
        for participant in participants
        if closed
        or participant.completed_at is not None
        or (outcomes[participant.pk].is_complete and not flags[participant.pk])
    }
    ranks = rank({pk: outcome.total for pk, outcome in outcomes.items() if pk in final})
    existing = {r.participant_id: r for r in Result.objects.filter(participant__in=participants)}
    now = timezone.now()
    to_create, to_update = [], []
    for participant in participants:
        outcome = outcomes[participant.pk]
        values = {
            "competency_scores": {k: float(v) for k, v in outcome.competency_scores.items()},
            "total": outcome.total,
            "passed": outcome.passed,
            "rank": ranks.get(participant.pk),
            "gaps": [gap.__dict__ for gap in outcome.gaps],
            "trace": outcome.trace,
            "has_disagreement": flags[participant.pk],
            "is_complete": outcome.is_complete and not flags[participant.pk],
        }
        result = existing.get(participant.pk)
        if result is None:
            to_create.append(Result(participant=participant, **values))
        else:
            for name, value in values.items():
                setattr(result, name, value)
            result.computed_at = now  # bulk_update does not apply auto_now
            to_update.append(result)
    Result.objects.bulk_create(to_create)
    Result.objects.bulk_update(to_update, [*_RESULT_FIELDS, "computed_at"])
    return len(participants)


_RESULT_FIELDS = [
    "competency_scores",
    "total",
    "passed",
    "rank",
    "gaps",
    "trace",
    "has_disagreement",
    "is_complete",
]


def participant_complete(*, participant: Participant, actor, request=None) -> Participant:
    """Mark the participant's assessment complete and pass a nomination to the commission."""
    result = Result.objects.filter(participant=participant).first()
    if result is None or not result.is_complete:
        raise ValidationError(
            "Оценка не завершена: не все инструменты пройдены или есть нерешённые расхождения "
            "экспертов."
        )
    with transaction.atomic():
        locked = Participant.objects.select_for_update().get(pk=participant.pk)
        if locked.completed_at is not None:
            return locked
        locked.completed_at = timezone.now()
        locked.save(update_fields=["completed_at"])
        audit_record_bulk(
            actor=actor,
            changes=[Change("assessment.complete", locked, {"итог": (None, str(result.total))})],
            source=AuditSource.WEB,
            request=request,
        )
        if locked.nomination_id and locked.nomination.status == NominationStatus.ASSESSMENT:
            nomination_transition(
                nomination=locked.nomination,
                to_status=NominationStatus.COMMISSION_REVIEW,
                actor=actor,
                reason=f"Оценка завершена: {result.total} баллов",
                request=request,
            )
    return locked

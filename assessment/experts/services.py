"""Expert panels: profiles, assignments with conflict checks, blind rating, calibration."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from assessment import access
from assessment.experts.selectors import work_for_assignment
from assessment.models import (
    CalibrationDecision,
    CampaignInstrument,
    CampaignStatus,
    DeclaredRelation,
    ExpertAssignment,
    ExpertProfile,
    Participant,
    RubricCriterion,
)
from assessment.models.experts import MIN_EXPERTS
from assessment.results.services.results import results_compute_on_commit
from audit.services import audit_record


def expert_profile_save(
    *, user, organization, position: str, actor, request: HttpRequest | None = None
) -> ExpertProfile:
    """Record where an expert works, for the conflict-of-interest checks."""
    if not access.can_rate_as_expert(user):
        raise ValidationError("Профиль эксперта ведётся только для пользователей с ролью эксперта.")
    with transaction.atomic():
        profile, created = ExpertProfile.objects.select_for_update().get_or_create(user=user)
        old = {"место работы": profile.organization, "должность": profile.position}
        profile.organization = organization
        profile.position = position.strip()
        profile.save(update_fields=["organization", "position"])
        new = {"место работы": profile.organization, "должность": profile.position}
        audit_record(
            actor=actor,
            action="assessment.expert_profile.create"
            if created
            else "assessment.expert_profile.update",
            obj=profile,
            changes={k: (old[k], new[k]) for k in new if old[k] != new[k]},
            request=request,
        )
    return profile


def expert_conflict(*, expert, participant: Participant) -> str | None:
    """Return why the expert may not rate the participant, or None when nothing blocks."""
    candidate = participant.candidate
    profile = ExpertProfile.objects.filter(user=expert).first()
    if (
        profile is not None
        and profile.organization_id is not None
        and profile.organization_id == candidate.organization_id
    ):
        return (
            f"Эксперт {expert.get_full_name() or expert.username} работает в той же организации, "
            f"что и кандидат ({profile.organization}): назначить его нельзя."
        )
    relation = DeclaredRelation.objects.filter(expert=expert, candidate=candidate).first()
    if relation is not None:
        return (
            f"Эксперт {expert.get_full_name() or expert.username} заявил связь с кандидатом "
            f"(«{relation.description}»): назначить его нельзя."
        )
    return None


def expert_assign(
    *,
    participant: Participant,
    campaign_instrument: CampaignInstrument,
    expert,
    actor,
    request: HttpRequest | None = None,
) -> ExpertAssignment:
    """Assign an expert to rate a participant on an expert-rated instrument."""
    if campaign_instrument.campaign_id != participant.campaign_id:
        raise ValidationError("Инструмент не относится к кампании участника.")
    if not campaign_instrument.instrument.is_expert_rated:
        raise ValidationError(
            f"«{campaign_instrument.instrument}» не оценивается экспертами: назначать некого."
        )
    if not access.can_rate_as_expert(expert):
        raise ValidationError("Назначить можно только пользователя с ролью эксперта.")
    if participant.campaign.status == CampaignStatus.CLOSED:
        raise ValidationError("Кампания завершена: назначения не меняются.")
    reason = expert_conflict(expert=expert, participant=participant)
    if reason:
        raise ValidationError(reason)
    try:
        with transaction.atomic():
            assignment = ExpertAssignment.objects.create(
                participant=participant, campaign_instrument=campaign_instrument, expert=expert
            )
            audit_record(
                actor=actor,
                action="assessment.expert_assignment.create",
                obj=assignment,
                changes={"эксперт": (None, str(expert))},
                request=request,
            )
    except IntegrityError:
        raise ValidationError("Этот эксперт уже назначен на этот инструмент участника.") from None
    return assignment


def expert_unassign(
    *, assignment: ExpertAssignment, actor, request: HttpRequest | None = None
) -> None:
    """Withdraw an assignment the expert has not submitted yet."""
    with transaction.atomic():
        locked = ExpertAssignment.objects.select_for_update().get(pk=assignment.pk)
        if locked.submitted_at is not None:
            raise ValidationError("Эксперт уже отправил оценку: снять назначение нельзя.")
        audit_record(
            actor=actor,
            action="assessment.expert_assignment.delete",
            obj=locked,
            changes={"эксперт": (str(locked.expert), None)},
            request=request,
        )
        locked.delete()


def expert_declare(
    *,
    assignment: ExpertAssignment,
    actor,
    no_conflict: bool,
    relation: str = "",
    request: HttpRequest | None = None,
) -> ExpertAssignment | None:
    """Record the expert's conflict-of-interest declaration.

    A declared relation with the candidate blocks the assignment: it is withdrawn (None is
    returned) and the relation is kept, so that the same expert cannot be assigned again.
    """
    relation = relation.strip()
    if not relation and not no_conflict:
        raise ValidationError(
            "Подтвердите отсутствие конфликта интересов или опишите связь с кандидатом."
        )
    with transaction.atomic():
        locked = (
            ExpertAssignment.objects.select_for_update()
            .select_related("participant__candidate")
            .get(pk=assignment.pk)
        )
        if locked.no_conflict_declared_at is not None:
            return locked
        if relation:
            candidate = locked.participant.candidate
            DeclaredRelation.objects.get_or_create(
                expert=locked.expert, candidate=candidate, defaults={"description": relation}
            )
            audit_record(
                actor=actor,
                action="assessment.expert_assignment.delete",
                obj=locked,
                changes={"связь с кандидатом": (None, relation), "назначение": ("есть", "снято")},
                request=request,
            )
            locked.delete()
            return None
        locked.no_conflict_declared_at = timezone.now()
        locked.save(update_fields=["no_conflict_declared_at"])
        audit_record(
            actor=actor,
            action="assessment.expert_assignment.update",
            obj=locked,
            changes={"отсутствие конфликта интересов": (None, "заявлено")},
            request=request,
        )
    return locked


def panel_is_complete(*, participant_id: int, campaign_instrument_id: int) -> bool:
    """Return whether every assigned expert (at least two) has submitted."""
    states = list(
        ExpertAssignment.objects.filter(
            participant_id=participant_id, campaign_instrument_id=campaign_instrument_id
        ).values_list("submitted_at", flat=True)
    )
    return len(states) >= MIN_EXPERTS and all(states)


def expert_rating_save(
    *,
    assignment: ExpertAssignment,
    scores: Mapping[int, int | None],
    comment: str,
    submit: bool,
    actor,
    request: HttpRequest | None = None,
) -> ExpertAssignment:
    """Save the expert's rubric scores as a draft, or submit them (read-only afterwards).

    When the submission completes the panel, the campaign's results are recomputed after commit,
    so that the ranking and the disagreement flags are current without a staff action.
    """
    with transaction.atomic():
        locked = (
            ExpertAssignment.objects.select_for_update()
            .select_related("campaign_instrument__campaign", "campaign_instrument__instrument")
            .get(pk=assignment.pk)
        )
        if locked.submitted_at is not None:
            raise ValidationError("Оценка уже отправлена и больше не меняется.")
        if locked.no_conflict_declared_at is None:
            raise ValidationError("Сначала заявите об отсутствии конфликта интересов.")
        if locked.campaign_instrument.campaign.status != CampaignStatus.ACTIVE:
            raise ValidationError("Кампания не идёт: оценки не принимаются.")
        if work_for_assignment(locked).awaited:
            raise ValidationError(
                f"Работа ещё не сдана (срок — {locked.campaign_instrument.deadline:%d.%m.%Y}): "
                "оценить её можно после того, как участник её сдаст."
            )
        instrument = locked.campaign_instrument.instrument
        criteria = list(
            instrument.criteria_for(instrument.variant_for(locked.participant.position_kind_id))
        )
        clean: dict[str, int] = {}
        for criterion in criteria:
            value = scores.get(criterion.pk)
            if value in (None, ""):
                continue
            if int(value) not in (1, 2, 3, 4):
                raise ValidationError(
                    f"Оценка по критерию «{criterion.competency}» должна быть от 1 до 4."
                )
            clean[str(criterion.pk)] = int(value)
        if submit:
            missing = [str(c.competency) for c in criteria if str(c.pk) not in clean]
            if missing:
                raise ValidationError(
                    "Чтобы отправить оценку, оцените все критерии. Не оценено: "
                    + "; ".join(missing)
                    + "."
                )
        old_scores = dict(locked.scores)
        locked.scores = clean
        locked.comment = comment.strip()
        fields = ["scores", "comment", "saved_at"]
        if submit:
            locked.submitted_at = timezone.now()
            fields.append("submitted_at")
        locked.save(update_fields=fields)
        audit_record(
            actor=actor,
            action="assessment.expert_assignment.complete"
            if submit
            else "assessment.expert_assignment.update",
            obj=locked,
            changes={"оценки": (old_scores, clean)} if old_scores != clean else {},
            request=request,
        )
        if submit and panel_is_complete(
            participant_id=locked.participant_id,
            campaign_instrument_id=locked.campaign_instrument_id,
        ):
            results_compute_on_commit(campaign_id=locked.campaign_instrument.campaign_id)
    return locked


def disagreement_of(
    *, participant: Participant, campaign_instrument: CampaignInstrument, criterion_id: int
) -> list[int] | None:
    """Return the submitted scores on a criterion when they differ beyond the threshold."""
    if not panel_is_complete(
        participant_id=participant.pk, campaign_instrument_id=campaign_instrument.pk
    ):
        return None
    given = [
        int(scores[str(criterion_id)])
        for scores in ExpertAssignment.objects.filter(
            participant=participant, campaign_instrument=campaign_instrument
        ).values_list("scores", flat=True)
        if scores.get(str(criterion_id))
    ]
    if len(given) < MIN_EXPERTS:
        return None
    threshold = campaign_instrument.campaign.disagreement_threshold
    return given if max(given) - min(given) > threshold else None


def calibration_decide(
    *,
    participant: Participant,
    campaign_instrument: CampaignInstrument,
    criterion: RubricCriterion,
    agreed_score: int,
    reason: str,
    actor,
    request: HttpRequest | None = None,
) -> CalibrationDecision:
    """Record the chair's agreed score on a flagged criterion; it replaces the experts' mean."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Укажите обоснование согласованной оценки.")
    if agreed_score not in (1, 2, 3, 4):
        raise ValidationError("Согласованная оценка должна быть от 1 до 4.")
    if criterion.instrument_id != campaign_instrument.instrument_id:
        raise ValidationError("Критерий не относится к этому инструменту.")
    given = disagreement_of(
        participant=participant, campaign_instrument=campaign_instrument, criterion_id=criterion.pk
    )
    if given is None:
        raise ValidationError(
            "Расхождения по этому критерию нет (или не все эксперты отправили оценки): "
            "калибровка не требуется."
        )
    try:
        with transaction.atomic():
            decision = CalibrationDecision.objects.create(
                participant=participant,
                campaign_instrument=campaign_instrument,
                criterion=criterion,
                agreed_score=agreed_score,
                reason=reason,
                decided_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            audit_record(
                actor=actor,
                action="assessment.calibration.create",
                obj=decision,
                changes={
                    "оценки экспертов": (None, ", ".join(map(str, given))),
                    "согласованная оценка": (None, agreed_score),
                    "обоснование": (None, reason),
                },
                request=request,
            )
            results_compute_on_commit(campaign_id=participant.campaign_id)
    except IntegrityError:
        raise ValidationError("Согласованная оценка по этому критерию уже записана.") from None
    return decision

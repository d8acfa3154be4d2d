"""Writes of induction: the plan from its template, tasks, checkpoints, the mentor, probation.

Locks are taken plan first, then its checkpoint or task. The plan completes when its last
checkpoint (12 months) is passed and the probation's outcome is recorded.
"""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from core.dates import months_after
from development.mentoring import matching
from development.mentoring.selectors import candidate_of, kind_names, neighbour_set, with_load
from development.models import Mentor
from onboarding.induction.selectors import induction_load, mentee_of
from onboarding.models import (
    Appointment,
    CheckpointMonth,
    InductionCheckpoint,
    InductionPlan,
    InductionStatus,
    InductionTask,
    InductionTemplate,
    ProbationOutcome,
)

# A head's probation may not be longer than six months (ТК РФ ст. 70); the plan assumes it.
PROBATION_MONTHS = 6


def _actor(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def induction_plan_create(*, appointment: Appointment, actor) -> InductionPlan:
    """Draw up the new head's plan from the template of the organization's kind.

    Called inside the appointment's transaction. Each checkpoint falls due 1, 3, 6 and 12 months
    after the start date; the tasks are copied, so later edits of the template leave it alone.
    """
    starts_on = appointment.starts_on
    organization = appointment.vacancy.organization
    plan = InductionPlan.objects.create(
        appointment=appointment,
        starts_on=starts_on,
        probation_ends_on=months_after(starts_on, PROBATION_MONTHS) - datetime.timedelta(days=1),
    )
    checkpoints = {
        month: InductionCheckpoint.objects.create(
            plan=plan, month=month, due_on=months_after(starts_on, month)
        )
        for month in CheckpointMonth.values
    }
    template = InductionTemplate.objects.filter(organization_kind=organization.kind).first()
    tasks = list(template.tasks.all()) if template is not None else []
    InductionTask.objects.bulk_create(
        InductionTask(
            checkpoint=checkpoints[task.month],
            title=task.title,
            description=task.description,
            sort_order=task.sort_order,
        )
        for task in tasks
        if task.month in checkpoints
    )
    audit_record(
        actor=actor,
        action="induction.create",
        obj=plan,
        changes={"tasks": (None, len(tasks)), "starts_on": (None, starts_on)},
    )
    return plan


def _lock_plan(plan: InductionPlan) -> InductionPlan:
    locked = InductionPlan.objects.select_for_update().get(pk=plan.pk)
    if locked.status != InductionStatus.ACTIVE:
        raise ValidationError("План введения в должность завершён: он больше не меняется.")
    return locked


def _complete_if_done(plan: InductionPlan, *, actor, request) -> None:
    last = plan.checkpoints.filter(month=CheckpointMonth.TWELFTH, reviewed_at__isnull=False)
    if plan.probation_outcome and last.exists():
        plan.status = InductionStatus.COMPLETED
        plan.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action="induction.complete",
            obj=plan,
            changes={"status": (InductionStatus.ACTIVE, plan.status)},
            request=request,
        )


def induction_task_mark(
    *, task: InductionTask, done: bool, note: str = "", actor, request: HttpRequest | None = None
) -> InductionTask:
    """Mark a task done (with what was done) or not done again."""
    with transaction.atomic():
        _lock_plan(task.checkpoint.plan)
        locked = InductionTask.objects.select_for_update().get(pk=task.pk)
        was_done = locked.done_at is not None
        if done == was_done:
            raise ValidationError("Задача уже отмечена так.")
        locked.done_at = timezone.now() if done else None
        locked.done_by = _actor(actor) if done else None
        locked.note = note.strip() if done else locked.note
        locked.save(update_fields=["done_at", "done_by", "note"])
        audit_record(
            actor=actor,
            action="induction_task.complete" if done else "induction_task.update",
            obj=locked,
            changes={"done": (was_done, done), "note": ("", locked.note)},
            request=request,
        )
    return locked


def induction_checkpoint_review(
    *,
    checkpoint: InductionCheckpoint,
    comment: str,
    actor,
    request: HttpRequest | None = None,
) -> InductionCheckpoint:
    """Mark a checkpoint passed with a comment on how the new head is doing."""
    comment = comment.strip()
    if not comment:
        raise ValidationError("Напишите комментарий: как прошла контрольная точка.")
    with transaction.atomic():
        plan = _lock_plan(checkpoint.plan)
        locked = InductionCheckpoint.objects.select_for_update().get(pk=checkpoint.pk)
        if locked.reviewed_at is not None:
            raise ValidationError("Контрольная точка уже отмечена пройденной.")
        locked.comment = comment
        locked.reviewed_at = timezone.now()
        locked.reviewed_by = _actor(actor)
        locked.save(update_fields=["comment", "reviewed_at", "reviewed_by"])
        audit_record(
            actor=actor,
            action="induction_checkpoint.review",
            obj=locked,
            changes={"comment": ("", comment)},
            request=request,
        )
        _complete_if_done(plan, actor=actor, request=request)
    return locked


def _scored_mentor(plan: InductionPlan, mentor_id: int) -> matching.Match:
    locked_mentor = Mentor.objects.select_for_update().filter(pk=mentor_id).first()
    if locked_mentor is None:
        raise ValidationError("Наставник не найден в реестре.")
    mentor = (
        with_load(Mentor.objects.filter(pk=mentor_id))
        .select_related("user", "organization__municipality")
        .prefetch_related("strengths__competency")
        .get()
    )
    candidate = candidate_of(mentor)
    candidate = dataclasses.replace(candidate, load=candidate.load + induction_load([mentor_id]))
    result = matching.score(mentee_of(plan), candidate, neighbour_set(), kind_names())
    if isinstance(result, matching.Exclusion):
        raise ValidationError(f"Наставник {candidate.name} {result.reason}.")
    return result


def induction_mentor_assign(
    *, plan: InductionPlan, mentor: Mentor, actor, request: HttpRequest | None = None
) -> InductionPlan:
    """Give the new head an adaptation mentor from the mentoring registry, scored as matching.

    The mentor's row is locked and their places counted with the pairs and the adaptation
    plans they already follow, so a mentor is never over capacity.
    """
    with transaction.atomic():
        locked = _lock_plan(plan)
        if locked.mentor_id == mentor.pk:
            raise ValidationError("Этот наставник уже назначен.")
        match = _scored_mentor(locked, mentor.pk)
        old = str(locked.mentor) if locked.mentor_id else None
        locked.mentor = mentor
        locked.mentor_score = match.score
        locked.mentor_explanation = match.explanation()
        locked.mentor_assigned_at = timezone.now()
        locked.save(
            update_fields=["mentor", "mentor_score", "mentor_explanation", "mentor_assigned_at"]
        )
        audit_record(
            actor=actor,
            action="induction.assign",
            obj=locked,
            changes={"mentor": (old, str(mentor)), "score": (None, match.score)},
            request=request,
        )
    return locked


def induction_probation_review(
    *,
    plan: InductionPlan,
    outcome: str,
    comment: str,
    actor,
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> InductionPlan:
    """Record the outcome of the new head's probation, with the conclusion in words."""
    today = today or timezone.localdate()
    if outcome not in ProbationOutcome.values:
        raise ValidationError("Выберите итог испытания.")
    comment = comment.strip()
    if not comment:
        raise ValidationError("Напишите заключение по итогам испытания.")
    with transaction.atomic():
        locked = _lock_plan(plan)
        if locked.probation_outcome:
            raise ValidationError("Итог испытания уже записан.")
        passed = outcome == ProbationOutcome.PASSED
        if passed and locked.probation_ends_on and today < locked.probation_ends_on:
            raise ValidationError(
                f"Испытательный срок идёт до {locked.probation_ends_on:%d.%m.%Y}: выдержанным его "
                "можно признать по окончании. Если испытание не выдержано, запишите это сейчас."
            )
        locked.probation_outcome = outcome
        locked.probation_comment = comment
        locked.probation_reviewed_at = timezone.now()
        locked.probation_reviewed_by = _actor(actor)
        locked.save(
            update_fields=[
                "probation_outcome",
                "probation_comment",
                "probation_reviewed_at",
                "probation_reviewed_by",
            ]
        )
        audit_record(
            actor=actor,
            action="induction.review",
            obj=locked,
            changes={"probation_outcome": ("", outcome), "comment": ("", comment)},
            request=request,
        )
        if not passed:
            locked.status = InductionStatus.COMPLETED
            locked.save(update_fields=["status"])
        else:
            _complete_if_done(locked, actor=actor, request=request)
    return locked

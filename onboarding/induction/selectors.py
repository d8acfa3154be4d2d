"""Reads of induction: the plan page, mentor suggestions (the mentoring registry's matching),
whether a plan keeps to its schedule.

A plan keeps to its schedule on a day when every checkpoint due before that day is passed.
"""

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from development.access import mentors_visible_to
from development.mentoring import matching
from development.mentoring.selectors import (
    completed_results_by_candidate,
    kind_names,
    mentor_candidates,
    neighbour_set,
)
from development.models import Mentor
from onboarding.models import InductionCheckpoint, InductionPlan, InductionStatus, InductionTask


def induction_load(mentor_ids: Iterable[int]) -> int:
    """Return how many active induction plans the mentors follow, in all."""
    return InductionPlan.objects.filter(
        mentor_id__in=list(mentor_ids), status=InductionStatus.ACTIVE
    ).count()


def induction_loads(mentor_ids: Iterable[int]) -> dict[int, int]:
    """Return each mentor's active induction plans."""
    rows = (
        InductionPlan.objects.filter(mentor_id__in=list(mentor_ids), status=InductionStatus.ACTIVE)
        .values("mentor_id")
        .annotate(count=Count("pk"))
    )
    return {row["mentor_id"]: row["count"] for row in rows}


def for_plan_page(plans: QuerySet[InductionPlan]) -> QuerySet[InductionPlan]:
    """Load what a plan's page shows: the person, the post, the mentor, checkpoints with tasks."""
    return plans.select_related(
        "appointment__membership__candidate",
        "appointment__vacancy__organization__municipality",
        "appointment__vacancy__position_kind",
        "mentor__user",
        "mentor__organization",
        "probation_reviewed_by",
    ).prefetch_related(
        Prefetch(
            "checkpoints",
            queryset=InductionCheckpoint.objects.select_related("reviewed_by").prefetch_related(
                Prefetch("tasks", queryset=InductionTask.objects.select_related("done_by"))
            ),
        )
    )


def mentee_of(plan: InductionPlan) -> matching.Mentee:
    """Return the new head as the mentoring matching's mentee: their new organization's place."""
    appointment = plan.appointment
    organization = appointment.vacancy.organization
    candidate = appointment.membership.candidate
    results = completed_results_by_candidate([candidate.pk]).get(candidate.pk) or [None]
    latest = results[0]
    gaps = tuple(
        matching.Gap(
            code=gap["code"], name=gap["name"], level=int(gap["level"]), target=int(gap["target"])
        )
        for gap in (latest["gaps"] if latest else [])
    )
    return matching.Mentee(
        key=plan.pk,
        name=candidate.full_name,
        municipality_id=organization.municipality_id,
        municipality_name=organization.municipality.name,
        organization_id=organization.pk,
        organization_kind=organization.kind,
        target_kinds=tuple(appointment.vacancy.position_kind.organization_kinds or ()),
        gaps=gaps,
        has_result=latest is not None,
    )


def mentor_suggestions(plan: InductionPlan, *, limit: int = 5):
    """Return the best adaptation mentors for the new head and those the hard rules keep out.

    The same scoring over the region's registry as mentoring pairs (development.mentoring
    matching); a mentor's load counts their open pairs and the induction plans they follow.
    """
    mentors = Mentor.objects.exclude(pk=plan.mentor_id or 0)
    candidates = mentor_candidates(mentors)
    loads = induction_loads(candidate.key for candidate in candidates)
    candidates = [
        dataclasses.replace(candidate, load=candidate.load + loads.get(candidate.key, 0))
        for candidate in candidates
    ]
    matches, excluded = matching.rank(mentee_of(plan), candidates, neighbour_set(), kind_names())
    return matches[:limit], excluded


@dataclass(frozen=True)
class Schedule:
    """Where a plan stands on a day: checkpoints passed, overdue, and the next one."""

    passed: int
    overdue: int
    next_due: datetime.date | None

    @property
    def on_schedule(self) -> bool:
        return self.overdue == 0


def schedule_of(plan: InductionPlan, today: datetime.date) -> Schedule:
    """Return the plan's schedule (its checkpoints prefetched)."""
    checkpoints = list(plan.checkpoints.all())
    passed = sum(1 for checkpoint in checkpoints if checkpoint.reviewed_at is not None)
    overdue = sum(
        1
        for checkpoint in checkpoints
        if checkpoint.reviewed_at is None and checkpoint.due_on < today
    )
    upcoming = [c.due_on for c in checkpoints if c.reviewed_at is None and c.due_on >= today]
    return Schedule(passed=passed, overdue=overdue, next_due=min(upcoming, default=None))


def plans_for_list(visible: QuerySet[InductionPlan], today: datetime.date) -> QuerySet:
    """Annotate plans with passed and overdue checkpoints, for the list of new heads."""
    return visible.select_related(
        "appointment__membership__candidate",
        "appointment__vacancy__organization__municipality",
        "appointment__vacancy__position_kind",
        "mentor__user",
    ).annotate(
        passed=Count("checkpoints", filter=Q(checkpoints__reviewed_at__isnull=False)),
        overdue=Count(
            "checkpoints",
            filter=Q(checkpoints__reviewed_at__isnull=True, checkpoints__due_on__lt=today),
        ),
    )


def mentor_ids_visible(user) -> set[int]:
    """Return the mentors whose records the user may open."""
    return set(mentors_visible_to(user).values_list("pk", flat=True))


def own_plan(user) -> InductionPlan | None:
    """Return the signed-in new head's latest induction plan."""
    return (
        InductionPlan.objects.filter(appointment__membership__candidate__user=user)
        .order_by("-starts_on", "-pk")
        .first()
    )

"""Reads of the plans: the source result, progress, what is due, growth between assessments."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from assessment.models import Competency, Result
from assessment.scoring import level_of
from core.numbers import percent, round_half_up
from development.models import (
    WORKING_STATUSES,
    Activity,
    DevelopmentPlan,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
)

DUE_SOON_DAYS = 30


def completed_results(candidate) -> QuerySet[Result]:
    """Return the candidate's results of finished assessments, the latest first."""
    return (
        Result.objects.filter(
            participant__candidate=candidate, participant__completed_at__isnull=False
        )
        .select_related("participant__campaign")
        .order_by("-participant__completed_at", "-pk")
    )


def latest_result(candidate) -> Result | None:
    """Return the result of the candidate's latest finished assessment, or None."""
    return completed_results(candidate).first()


def result_after(result: Result) -> Result | None:
    """Return the candidate's latest finished result after the given one (re-assessment)."""
    return (
        completed_results(result.participant.candidate)
        .filter(participant__completed_at__gt=result.participant.completed_at)
        .first()
    )


def with_progress(plans: QuerySet[DevelopmentPlan], today: datetime.date) -> QuerySet:
    """Annotate plans with their item counts: all, done and overdue."""
    return plans.annotate(
        items_total=Count("items", distinct=True),
        items_done=Count("items", filter=Q(items__status=PlanItemStatus.DONE), distinct=True),
        items_overdue=Count(
            "items", filter=PlanItem.overdue_condition(today, "items__"), distinct=True
        ),
    )


def overdue_items(items: QuerySet[PlanItem], today: datetime.date) -> QuerySet[PlanItem]:
    """Return the open items of plans in work whose due date has passed, oldest first."""
    return (
        items.filter(plan__status__in=WORKING_STATUSES)
        .filter(PlanItem.overdue_condition(today))
        .select_related("plan__candidate", "plan__membership__municipality", "competency")
        .order_by("plan__membership__municipality__name", "due_date", "pk")
    )


@dataclass
class MunicipalityOverdue:
    name: str
    items: list[PlanItem] = field(default_factory=list)

    @property
    def plans(self) -> int:
        return len({item.plan_id for item in self.items})


def overdue_by_municipality(
    items: QuerySet[PlanItem], today: datetime.date
) -> list[MunicipalityOverdue]:
    """Return the overdue items grouped by the reservists' municipalities."""
    groups: dict[str, MunicipalityOverdue] = {}
    for item in overdue_items(items, today):
        name = item.plan.membership.municipality.name
        groups.setdefault(name, MunicipalityOverdue(name=name)).items.append(item)
    return list(groups.values())


@dataclass(frozen=True)
class GrowthLine:
    code: str
    name: str
    before: float | None
    after: float | None
    targeted: bool

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return float(round_half_up(self.after - self.before, 1))

    @property
    def level_before(self) -> int | None:
        return None if self.before is None else level_of(self.before)

    @property
    def level_after(self) -> int | None:
        return None if self.after is None else level_of(self.after)


@dataclass(frozen=True)
class Growth:
    before: Result
    after: Result
    lines: list[GrowthLine]


def plan_growth(plan: DevelopmentPlan) -> Growth | None:
    """Return the scores per competency before the plan and at the re-assessment, or None."""
    if plan.source_result is None or plan.source_result.participant.completed_at is None:
        return None
    later = result_after(plan.source_result)
    if later is None:
        return None
    targeted = set(plan.items.exclude(competency=None).values_list("competency__code", flat=True))
    codes = list(
        Competency.objects.filter(framework_id=plan.source_result.participant.campaign.framework_id)
        .order_by("sort_order", "code")
        .values_list("code", "name")
    )
    before, after = plan.source_result.competency_scores, later.competency_scores
    lines = [
        GrowthLine(
            code=code,
            name=name,
            before=before.get(code),
            after=after.get(code),
            targeted=code in targeted,
        )
        for code, name in codes
        if code in before or code in after
    ]
    return Growth(before=plan.source_result, after=later, lines=lines)


def uncovered_gaps(plan: DevelopmentPlan) -> list[dict]:
    """Return the source result's gaps that no item of the plan addresses."""
    if plan.source_result is None:
        return []
    covered = set(plan.items.exclude(competency=None).values_list("competency__code", flat=True))
    return [gap for gap in plan.source_result.gaps if gap["code"] not in covered]


def open_plan_of(membership) -> DevelopmentPlan | None:
    """Return the membership's plan still in work (not completed), if any."""
    return membership.development_plans.exclude(status=PlanStatus.COMPLETED).first()


def places_taken(activity_ids: list[int]) -> dict[int, int]:
    """Return how many places of each activity the items of plans still in work hold."""
    rows = (
        Activity.objects.filter(pk__in=activity_ids)
        .annotate(
            taken=Count("plan_items", filter=~Q(plan_items__plan__status=PlanStatus.COMPLETED))
        )
        .values_list("pk", "taken")
    )
    return dict(rows)


def latest_plans_with_progress(membership_ids: list[int]) -> dict[int, DevelopmentPlan]:
    """Return each membership's latest plan with its item counts and percent done, in one query."""
    plans = (
        DevelopmentPlan.objects.filter(membership_id__in=membership_ids)
        .annotate(
            items_total=Count("items"),
            items_done=Count("items", filter=Q(items__status=PlanItemStatus.DONE)),
        )
        .order_by("membership_id", "-created_at", "-pk")
    )
    latest: dict[int, DevelopmentPlan] = {}
    for plan in plans:
        if plan.membership_id not in latest:
            plan.percent = percent(plan.items_done, plan.items_total)
            latest[plan.membership_id] = plan
    return latest

"""Drawing up a draft plan from the reservist's latest assessment gaps, with the catalogue."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from assessment.models import Competency, Result
from audit.services import audit_record
from candidates.models import MembershipStatus, ReserveMembership
from development.models import Activity, DevelopmentPlan, PlanItem, PlanStatus
from development.plans.selectors import latest_result, places_taken
from development.plans.services.workflow import record_status_change

S = PlanStatus
MAX_ITEMS_PER_GAP = 2
# Time after an activity ends to apply what was learnt and show it: the item's due date.
PRACTICE_DAYS = 30


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def plan_period(
    membership: ReserveMembership, today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """Return the plan's first and last day: the current year of membership, within the term.

    The first year runs from the membership's start to the day before its anniversary; a plan
    drawn up later covers the year of membership that today falls in. Never past the term's end.
    """
    start = membership.started_on
    years = 0
    while _add_years(start, years + 1) <= today and _add_years(start, years + 1) <= (
        membership.term_ends_on
    ):
        years += 1
    first = _add_years(start, years)
    last = min(membership.term_ends_on, _add_years(first, 1) - datetime.timedelta(days=1))
    return first, last


def gap_reason(name: str, level: int, target: int) -> str:
    """Return why an item is in the plan: «компетенция “…”: уровень 1 при целевом 3»."""
    return f"компетенция “{name}”: уровень {level} при целевом {target}"


def _candidates_for_gap(
    code: str, level: int, *, first: datetime.date, last: datetime.date, today: datetime.date
) -> list[Activity]:
    """Return the catalogue's activities for a gap, best first.

    Fit: develops the competency, its level range covers the current level, still ahead (a
    dated activity starts today or later and within the plan period). Order: with free places
    first, then dated ones by start date, then those without dates.
    """
    activities = list(
        Activity.objects.filter(
            is_active=True,
            competencies__code=code,
            min_level__lte=level,
            max_level__gte=level,
        )
        .filter(Q(starts_on__isnull=True) | Q(starts_on__gte=today, starts_on__lte=last))
        .distinct()
    )
    taken = places_taken([activity.pk for activity in activities])

    def key(activity: Activity) -> tuple:
        full = activity.places is not None and taken.get(activity.pk, 0) >= activity.places
        return (full, activity.starts_on is None, activity.starts_on or last, activity.title)

    return sorted(activities, key=key)


def _pick(candidates: list[Activity], used: set[int]) -> list[Activity]:
    """Return up to two activities: the best, then the best of another kind when there is one."""
    free = [activity for activity in candidates if activity.pk not in used]
    if not free:
        return []
    chosen = [free[0]]
    rest = free[1:]
    other_kind = [activity for activity in rest if activity.kind != chosen[0].kind]
    if other_kind:
        chosen.append(other_kind[0])
    elif rest:
        chosen.append(rest[0])
    return chosen[:MAX_ITEMS_PER_GAP]


def _due_dates(
    activities: list[Activity], *, first: datetime.date, last: datetime.date
) -> list[datetime.date]:
    """Return the items' due dates: 30 days after a dated activity ends, the rest spread evenly."""
    undated = [activity for activity in activities if activity.ends_on is None]
    span = (last - first).days
    slots = {
        activity.pk: first + datetime.timedelta(days=round(span * number / len(undated)))
        for number, activity in enumerate(undated, start=1)
    }
    dates = []
    for activity in activities:
        if activity.ends_on is not None:
            due = activity.ends_on + datetime.timedelta(days=PRACTICE_DAYS)
        else:
            due = slots[activity.pk]
        dates.append(min(max(due, first), last))
    return dates


def _competencies_by_code(result: Result | None) -> dict[str, Competency]:
    competencies = Competency.objects.all()
    if result is not None:
        competencies = competencies.filter(framework_id=result.participant.campaign.framework_id)
    else:
        competencies = competencies.filter(framework__is_current=True)
    return {competency.code: competency for competency in competencies}


def plan_items_from_gaps(
    result: Result, *, first: datetime.date, last: datetime.date, today: datetime.date
) -> list[PlanItem]:
    """Return unsaved items for the result's gaps, largest gaps first, each with its reason."""
    competencies = _competencies_by_code(result)
    gaps = sorted(result.gaps, key=lambda gap: (gap["level"] - gap["target"], gap["code"]))
    used: set[int] = set()
    picked: list[tuple[Activity, dict]] = []
    for gap in gaps:
        candidates = _candidates_for_gap(
            gap["code"], gap["level"], first=first, last=last, today=today
        )
        for activity in _pick(candidates, used):
            used.add(activity.pk)
            picked.append((activity, gap))
    due_dates = _due_dates([activity for activity, _ in picked], first=first, last=last)
    return [
        PlanItem(
            activity=activity,
            title=activity.title,
            competency=competencies.get(gap["code"]),
            reason=gap_reason(gap["name"], gap["level"], gap["target"]),
            due_date=due,
            sort_order=number,
        )
        for number, ((activity, gap), due) in enumerate(zip(picked, due_dates, strict=True))
    ]


def plan_generate(
    *,
    membership: ReserveMembership,
    actor,
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> DevelopmentPlan:
    """Draw up a draft plan from the reservist's latest assessment gaps (empty without one)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = (
            ReserveMembership.objects.select_for_update()
            .select_related("candidate")
            .get(pk=membership.pk)
        )
        if locked.status != MembershipStatus.ACTIVE:
            raise ValidationError("План составляется только для действующего члена резерва.")
        if DevelopmentPlan.objects.filter(membership=locked).exclude(status=S.COMPLETED).exists():
            raise ValidationError("План развития уже составлен: откройте его и продолжайте.")
        result = latest_result(locked.candidate)
        first, last = plan_period(locked, today)
        plan = DevelopmentPlan.objects.create(
            candidate=locked.candidate,
            membership=locked,
            source_result=result,
            starts_on=first,
            ends_on=last,
        )
        items = []
        if result is not None:
            items = plan_items_from_gaps(result, first=first, last=last, today=today)
            for item in items:
                item.plan = plan
            PlanItem.objects.bulk_create(items)
        reason = (
            f"по результатам оценки «{result.participant.campaign}»: пунктов {len(items)}"
            if result is not None
            else "результата оценки нет — пустой черновик"
        )
        record_status_change(plan, from_status="", actor=actor, reason=reason)
        audit_record(
            actor=actor,
            action="development_plan.create",
            obj=plan,
            changes={"status": (None, plan.status), "пунктов": (None, len(items))},
            request=request,
        )
    return plan

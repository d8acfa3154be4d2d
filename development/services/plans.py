"""Individual development plans (ИОМ): generation from gaps, editing a draft, the workflow.

Every transition locks the plan row, checks the source state, records a PlanStatusChange and an
audit event, and tells the reservist by email once the transaction commits.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone

from assessment.models import Competency, Result
from audit.services import audit_record
from candidates.models import MembershipStatus, ReserveMembership
from core.mail import mail_on_commit
from development.models import (
    Activity,
    DevelopmentPlan,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
    PlanStatusChange,
)
from development.selectors_plans import latest_result

S = PlanStatus
MAX_ITEMS_PER_GAP = 2
# Time after an activity ends to apply what was learnt and show it: the item's due date.
PRACTICE_DAYS = 30


@dataclass(frozen=True)
class Transition:
    sources: tuple[PlanStatus, ...]
    needs_reason: bool = False


TRANSITIONS: dict[PlanStatus, Transition] = {
    S.ON_APPROVAL: Transition(sources=(S.DRAFT,)),
    S.APPROVED: Transition(sources=(S.ON_APPROVAL,)),
    S.DRAFT: Transition(sources=(S.ON_APPROVAL,), needs_reason=True),
    S.IN_PROGRESS: Transition(sources=(S.APPROVED,)),
    S.COMPLETED: Transition(sources=(S.APPROVED, S.IN_PROGRESS)),
}


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


def _actor(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _record(plan, *, from_status: str, actor, reason: str = "") -> None:
    PlanStatusChange.objects.create(
        plan=plan,
        from_status=from_status,
        to_status=plan.status,
        actor=_actor(actor),
        reason=reason,
    )


# --- Generation ---------------------------------------------------------------------------


def _open_places(activity_ids: list[int]) -> dict[int, int]:
    """Return how many places each activity has taken by items of plans still in work."""
    rows = (
        Activity.objects.filter(pk__in=activity_ids)
        .annotate(taken=Count("plan_items", filter=~Q(plan_items__plan__status=S.COMPLETED)))
        .values_list("pk", "taken")
    )
    return dict(rows)


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
    taken = _open_places([activity.pk for activity in activities])

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
        _record(plan, from_status="", actor=actor, reason=reason)
        audit_record(
            actor=actor,
            action="development_plan.create",
            obj=plan,
            changes={"status": (None, plan.status), "пунктов": (None, len(items))},
            request=request,
        )
    return plan


# --- Editing a draft ----------------------------------------------------------------------


def _lock_draft(plan: DevelopmentPlan) -> DevelopmentPlan:
    locked = DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)
    if locked.status != S.DRAFT:
        raise ValidationError(
            f"План уже в статусе «{locked.get_status_display()}»: изменять можно только "
            "черновик. Обновите страницу."
        )
    return locked


def _check_due(plan: DevelopmentPlan, due_date: datetime.date) -> None:
    if not plan.starts_on <= due_date <= plan.ends_on:
        raise ValidationError(
            f"Срок должен быть в периоде плана: с {plan.starts_on:%d.%m.%Y} "
            f"по {plan.ends_on:%d.%m.%Y}."
        )


def plan_item_add(
    *,
    plan: DevelopmentPlan,
    actor,
    due_date: datetime.date,
    activity: Activity | None = None,
    title: str = "",
    competency: Competency | None = None,
    reason: str = "",
    request: HttpRequest | None = None,
) -> PlanItem:
    """Add an item to a draft: an activity from the catalogue or the reservist's own task."""
    title = (title or (activity.title if activity else "")).strip()
    if not title:
        raise ValidationError("Укажите, что нужно сделать.")
    with transaction.atomic():
        locked = _lock_draft(plan)
        _check_due(locked, due_date)
        if activity is not None and locked.items.filter(activity=activity).exists():
            raise ValidationError("Это мероприятие уже есть в плане.")
        if not reason and competency is not None and locked.source_result_id:
            gap = next((g for g in locked.source_result.gaps if g["code"] == competency.code), None)
            if gap is not None:
                reason = gap_reason(gap["name"], gap["level"], gap["target"])
        item = PlanItem.objects.create(
            plan=locked,
            activity=activity,
            title=title[:300],
            competency=competency,
            reason=reason.strip(),
            due_date=due_date,
            sort_order=locked.items.count(),
        )
        audit_record(
            actor=actor,
            action="development_plan_item.create",
            obj=item,
            changes={"пункт": (None, item.title), "срок": (None, due_date)},
            request=request,
        )
    return item


def plan_item_redate(
    *, item: PlanItem, actor, due_date: datetime.date, request: HttpRequest | None = None
) -> PlanItem:
    """Move a draft item's due date within the plan period."""
    with transaction.atomic():
        plan = _lock_draft(item.plan)
        _check_due(plan, due_date)
        locked = PlanItem.objects.select_for_update().get(pk=item.pk, plan=plan)
        old = locked.due_date
        if old == due_date:
            return locked
        locked.due_date = due_date
        locked.reminded_at = None
        locked.save(update_fields=["due_date", "reminded_at"])
        audit_record(
            actor=actor,
            action="development_plan_item.update",
            obj=locked,
            changes={"срок": (old, due_date)},
            request=request,
        )
    return locked


def plan_item_remove(*, item: PlanItem, actor, request: HttpRequest | None = None) -> None:
    """Remove an item from a draft."""
    with transaction.atomic():
        plan = _lock_draft(item.plan)
        locked = PlanItem.objects.select_for_update().filter(pk=item.pk, plan=plan).first()
        if locked is None:
            return  # already removed by a second click
        audit_record(
            actor=actor,
            action="development_plan_item.delete",
            obj=locked,
            changes={"пункт": (locked.title, None)},
            request=request,
        )
        locked.delete()


# --- The workflow -------------------------------------------------------------------------


def _notify(plan: DevelopmentPlan, subject: str, lines: list[str]) -> None:
    body = "\n".join(
        [
            f"Здравствуйте, {plan.candidate.first_name}!",
            "",
            *lines,
            "",
            "Подробности — в разделе «Мой план развития» портала «Кадровый резерв».",
        ]
    )
    mail_on_commit(
        subject=f"Кадровый резерв: {subject}", body=body, recipients=[plan.candidate.email]
    )


def transition_locked(
    locked: DevelopmentPlan,
    to_status: PlanStatus,
    *,
    actor,
    reason: str = "",
    request: HttpRequest | None = None,
) -> DevelopmentPlan:
    """Move an already locked plan to a status, recording the change; the caller holds the lock."""
    rule = TRANSITIONS[to_status]
    if locked.status not in rule.sources:
        raise ValidationError(
            f"План уже в статусе «{locked.get_status_display()}»: переход в статус "
            f"«{S(to_status).label}» невозможен. Обновите страницу."
        )
    from_status = locked.status
    locked.status = to_status
    update_fields = ["status"]
    if to_status == S.APPROVED:
        locked.approved_by = _actor(actor)
        locked.approved_at = timezone.now()
        update_fields += ["approved_by", "approved_at"]
    locked.save(update_fields=update_fields)
    _record(locked, from_status=from_status, actor=actor, reason=reason)
    audit_record(
        actor=actor,
        action="development_plan.transition",
        obj=locked,
        changes={
            "status": (from_status, to_status),
            **({"reason": ("", reason)} if reason else {}),
        },
        request=request,
    )
    return locked


def _transition(
    plan: DevelopmentPlan,
    to_status: PlanStatus,
    *,
    actor,
    reason: str = "",
    notice: tuple[str, list[str]] | None = None,
    request: HttpRequest | None = None,
) -> DevelopmentPlan:
    reason = reason.strip()
    if TRANSITIONS[to_status].needs_reason and not reason:
        raise ValidationError("Укажите комментарий — резервист увидит его в плане.")
    with transaction.atomic():
        locked = (
            DevelopmentPlan.objects.select_for_update().select_related("candidate").get(pk=plan.pk)
        )
        if to_status == S.ON_APPROVAL and locked.status == S.DRAFT and not locked.items.exists():
            raise ValidationError("В плане нет ни одного пункта: добавьте их перед отправкой.")
        transition_locked(locked, to_status, actor=actor, reason=reason, request=request)
        if notice is not None:
            _notify(locked, *notice)
    return locked


def plan_submit(*, plan: DevelopmentPlan, actor, request: HttpRequest | None = None):
    """Send the draft to the ministry for approval."""
    return _transition(plan, S.ON_APPROVAL, actor=actor, request=request)


def plan_approve(*, plan: DevelopmentPlan, actor, request: HttpRequest | None = None):
    """Approve the plan; the reservist may start working on it."""
    notice = ("план развития утверждён", ["Ваш индивидуальный план развития утверждён."])
    return _transition(plan, S.APPROVED, actor=actor, notice=notice, request=request)


def plan_return(*, plan: DevelopmentPlan, actor, reason: str, request: HttpRequest | None = None):
    """Return the plan to a draft with a comment for the reservist."""
    notice = (
        "план развития возвращён на доработку",
        ["Ваш план развития возвращён на доработку.", "", f"Комментарий: {reason.strip()}"],
    )
    return _transition(plan, S.DRAFT, actor=actor, reason=reason, notice=notice, request=request)


def plan_start(*, plan: DevelopmentPlan, actor, request: HttpRequest | None = None):
    """Start working on an approved plan («Начать выполнение»)."""
    return _transition(plan, S.IN_PROGRESS, actor=actor, request=request)


def plan_close(*, plan: DevelopmentPlan, actor, reason: str, request: HttpRequest | None = None):
    """Close an approved plan before every item is done, with a reason (ministry)."""
    if not reason.strip():
        raise ValidationError("Укажите, почему план закрывается, не дожидаясь выполнения пунктов.")
    notice = (
        "план развития закрыт",
        ["Ваш план развития закрыт министерством.", "", f"Причина: {reason.strip()}"],
    )
    return _transition(
        plan, S.COMPLETED, actor=actor, reason=reason, notice=notice, request=request
    )


def all_items_done(plan: DevelopmentPlan) -> bool:
    """Return whether the plan has items and all of them are done."""
    statuses = set(plan.items.values_list("status", flat=True))
    return statuses == {PlanItemStatus.DONE}

"""The plan's workflow: draft → on approval → approved → in progress → completed.

Every transition locks the plan row, checks the source state, records a PlanStatusChange and an
audit event, and tells the reservist by email once the transaction commits.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from core.mail import mail_on_commit
from development.models import DevelopmentPlan, PlanItemStatus, PlanStatus, PlanStatusChange

S = PlanStatus


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


def _actor(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def record_status_change(plan, *, from_status: str, actor, reason: str = "") -> None:
    """Record the plan's move from a status (or "" when created) to its status now."""
    PlanStatusChange.objects.create(
        plan=plan,
        from_status=from_status,
        to_status=plan.status,
        actor=_actor(actor),
        reason=reason,
    )


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
    record_status_change(locked, from_status=from_status, actor=actor, reason=reason)
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

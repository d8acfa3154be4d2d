"""Confirmation of an item's practice by someone who saw it, and of a course by its provider.

The one named by the reservist (mentor, head of the organization, internship's tutor) confirms
the practice or returns it with a comment; a confirmed practice with its completion evidenced
makes the item «выполнено». Each decision is a PracticeReview row and an audit event; the
reservist hears of it by mail once it is committed.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from development import access
from development.models import (
    DevelopmentPlan,
    PlanItem,
    PlanItemStatus,
    PracticeReview,
    PracticeStatus,
    ReviewDecision,
)
from development.plans.services.evidence import (
    MAX_DESCRIPTION_LENGTH,
    complete_plan_if_done,
    finish_if_ready,
    lock_item,
)
from development.plans.services.notifications import notify_reservist_on_commit


def _decide(item: PlanItem, *, actor, comment: str, confirmed: bool, request) -> PlanItem:
    comment = comment.strip()
    if len(comment) > MAX_DESCRIPTION_LENGTH:
        raise ValidationError(f"Комментарий длиннее {MAX_DESCRIPTION_LENGTH} знаков.")
    if not confirmed and not comment:
        raise ValidationError("Напишите, что нужно доработать: без замечания вернуть нельзя.")
    with transaction.atomic():
        plan, locked = lock_item(item)
        if not access.can_confirm_practice(actor, locked):
            raise ValidationError(
                "Подтвердить или вернуть это применение может только тот, кого резервист "
                "попросил, пока он наставник, руководитель организации или тьютор стажировки "
                "и пока применение ждёт ответа."
            )
        capacity = access.practice_capacity(actor, locked) or ""
        old = locked.practice_status
        fields = ["practice_status"]
        if confirmed:
            locked.practice_status = PracticeStatus.CONFIRMED
            locked.practice_confirmed_at = timezone.now()
            fields += ["practice_confirmed_at", *finish_if_ready(locked)]
        else:
            locked.practice_status = PracticeStatus.RETURNED
        locked.save(update_fields=fields)
        PracticeReview.objects.create(
            item=locked,
            reviewer=actor,
            capacity=capacity,
            decision=ReviewDecision.CONFIRMED if confirmed else ReviewDecision.RETURNED,
            comment=comment,
        )
        audit_record(
            actor=actor,
            action="development_plan_item.practice_review",
            obj=locked,
            changes={
                "подтверждение применения": (
                    PracticeStatus(old).label,
                    PracticeStatus(locked.practice_status).label,
                ),
                **({"замечание": (None, comment[:200])} if comment else {}),
            },
            request=request,
        )
        if locked.status == PlanItemStatus.DONE:
            complete_plan_if_done(plan, actor=actor, request=request)
        notify_reservist_on_commit(locked, confirmed=confirmed, comment=comment)
    return locked


def practice_confirm(
    *, item: PlanItem, actor, comment: str = "", request: HttpRequest | None = None
) -> PlanItem:
    """Confirm the item's practice as its named mentor, head or tutor."""
    return _decide(item, actor=actor, comment=comment, confirmed=True, request=request)


def practice_return(
    *, item: PlanItem, actor, comment: str, request: HttpRequest | None = None
) -> PlanItem:
    """Return the item's practice to the reservist with what to improve."""
    return _decide(item, actor=actor, comment=comment, confirmed=False, request=request)


def completion_confirm(*, item: PlanItem, actor, request: HttpRequest | None = None) -> PlanItem:
    """Confirm, as the course provider's representative, that the reservist completed it."""
    with transaction.atomic():
        # A done item's completion may still be confirmed: it changes nothing else of the item.
        DevelopmentPlan.objects.select_for_update().filter(pk=item.plan_id).first()
        locked = PlanItem.objects.select_for_update().get(pk=item.pk)
        if not access.can_confirm_completion(actor, locked):
            raise ValidationError(
                "Подтвердить выполнение может представитель организатора этого мероприятия, "
                "когда резервист приложил документ о прохождении."
            )
        locked.completion_confirmed_by = actor
        locked.completion_confirmed_at = timezone.now()
        locked.save(update_fields=["completion_confirmed_by", "completion_confirmed_at"])
        PracticeReview.objects.create(
            item=locked,
            reviewer=actor,
            capacity="представитель организатора обучения",
            decision=ReviewDecision.COMPLETION_CONFIRMED,
        )
        audit_record(
            actor=actor,
            action="development_plan_item.completion_confirm",
            obj=locked,
            changes={"выполнение подтверждено организатором": (None, str(actor))},
            request=request,
        )
    return locked

"""Working on a plan's items: starting them, evidence of completion and of use in practice.

An item is «выполнено» only when its completion is evidenced and its use in practice, described
by the reservist, is confirmed by someone who saw it (plans/services/practice.py); the last item
done completes the plan. Locks are taken plan first, then item, as everywhere in the plans'
services.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from core.uploads import CheckedDocument, check_document
from development import access
from development.models import (
    DevelopmentPlan,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
    PracticeStatus,
)
from development.plans.services.notifications import notify_confirmer_on_commit
from development.plans.services.workflow import all_items_done, transition_locked

MAX_DESCRIPTION_LENGTH = 5000


def checked_file(uploaded_file: UploadedFile) -> CheckedDocument:
    """Return the evidence file as core.uploads accepts it (safe PDF, JPEG, PNG), or refuse it."""
    return check_document(uploaded_file)


def lock_item(item: PlanItem) -> tuple[DevelopmentPlan, PlanItem]:
    plan = (
        DevelopmentPlan.objects.select_for_update().select_related("candidate").get(pk=item.plan_id)
    )
    if not plan.is_in_work:
        raise ValidationError(
            f"План в статусе «{plan.get_status_display()}»: отмечать выполнение можно в "
            "утверждённом плане."
        )
    locked = PlanItem.objects.select_for_update().get(pk=item.pk, plan=plan)
    if locked.status == PlanItemStatus.DONE:
        raise ValidationError("Пункт уже выполнен: подтверждения больше не меняются.")
    return plan, locked


def _start_locked(plan: DevelopmentPlan, item: PlanItem, *, actor, request) -> list[str]:
    """Mark the item started (and the plan, when it is its first); return the changed fields."""
    fields = []
    if item.status == PlanItemStatus.PLANNED:
        item.status = PlanItemStatus.IN_PROGRESS
        fields.append("status")
    if plan.status == PlanStatus.APPROVED:
        transition_locked(
            plan,
            PlanStatus.IN_PROGRESS,
            actor=actor,
            reason=f"начато выполнение пункта «{item.title}»",
            request=request,
        )
    return fields


def finish_if_ready(item: PlanItem) -> list[str]:
    """Mark the item done once its completion is evidenced and its practice confirmed by someone
    else; return the changed fields."""
    practice = bool(item.practice_description) and bool(item.practice_file or item.practice_link)
    confirmed = item.practice_status == PracticeStatus.CONFIRMED
    if not (item.completion_file and practice and confirmed):
        return []
    item.status = PlanItemStatus.DONE
    item.completed_at = timezone.now()
    return ["status", "completed_at"]


def complete_plan_if_done(plan: DevelopmentPlan, *, actor, request) -> None:
    if all_items_done(plan):
        transition_locked(
            plan,
            PlanStatus.COMPLETED,
            actor=actor,
            reason="все пункты плана выполнены и подтверждены",
            request=request,
        )


def plan_item_start(*, item: PlanItem, actor, request: HttpRequest | None = None) -> PlanItem:
    """Mark an item as started («Приступить»); the plan starts with its first item."""
    with transaction.atomic():
        plan, locked = lock_item(item)
        fields = _start_locked(plan, locked, actor=actor, request=request)
        if fields:
            locked.save(update_fields=fields)
            audit_record(
                actor=actor,
                action="development_plan_item.transition",
                obj=locked,
                changes={"status": (PlanItemStatus.PLANNED, locked.status)},
                request=request,
            )
    return locked


def _store(item: PlanItem, field_name: str, checked: CheckedDocument) -> str:
    """Save the file under a random name in the item's field; return the old file's name."""
    field_file = getattr(item, field_name)
    old_name = field_file.name or ""
    # The field's upload_to puts the file under evidence/<year>/<month>/; the name is random.
    field_file.save(f"{uuid.uuid4().hex}{checked.extension}", checked.content, save=False)
    return old_name


def _save_evidence(
    item: PlanItem,
    plan: DevelopmentPlan,
    fields: list[str],
    *,
    new_files: list[str],
    old_files: list[str],
    actor,
    action: str,
    changes: dict,
    request,
) -> None:
    """Save the item with its evidence; drop replaced files after commit, new ones on failure."""
    storage = PlanItem._meta.get_field("completion_file").storage
    try:
        fields += _start_locked(plan, item, actor=actor, request=request)
        fields += finish_if_ready(item)
        item.save(update_fields=sorted(set(fields)))
        audit_record(actor=actor, action=action, obj=item, changes=changes, request=request)
        if item.status == PlanItemStatus.DONE:
            complete_plan_if_done(plan, actor=actor, request=request)
    except Exception:
        for name in new_files:
            storage.delete(name)
        raise
    for name in old_files:
        if name:
            transaction.on_commit(lambda name=name: storage.delete(name))


def plan_item_add_completion(
    *,
    item: PlanItem,
    actor,
    uploaded_file: UploadedFile,
    note: str = "",
    request: HttpRequest | None = None,
) -> PlanItem:
    """Attach the evidence of completion: a certificate, or the tutor's report of an internship."""
    checked = checked_file(uploaded_file)
    with transaction.atomic():
        plan, locked = lock_item(item)
        old = _store(locked, "completion_file", checked)
        locked.completion_note = note.strip()[:MAX_DESCRIPTION_LENGTH]
        locked.completion_added_at = timezone.now()
        _save_evidence(
            locked,
            plan,
            ["completion_file", "completion_note", "completion_added_at"],
            new_files=[locked.completion_file.name],
            old_files=[old],
            actor=actor,
            action="development_plan_item.upload",
            changes={"подтверждение выполнения": (old or None, checked.display_name)},
            request=request,
        )
    return locked


def plan_item_add_practice(
    *,
    item: PlanItem,
    actor,
    description: str,
    confirmer,
    uploaded_file: UploadedFile | None = None,
    link: str = "",
    request: HttpRequest | None = None,
) -> PlanItem:
    """Describe the use in practice, with a document or link, and ask `confirmer` to confirm it.

    The confirmer must be one who saw it: the reservist's mentor, the head of their
    organization or the internship's tutor (development.access.practice_confirmers_for).
    """
    description = description.strip()
    link = link.strip()
    if not description:
        raise ValidationError("Опишите, что изменилось в вашей работе после мероприятия.")
    if len(description) > MAX_DESCRIPTION_LENGTH:
        raise ValidationError(f"Описание длиннее {MAX_DESCRIPTION_LENGTH} знаков.")
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError as error:
            raise ValidationError("Ссылка должна начинаться с http:// или https://.") from error
    checked = checked_file(uploaded_file) if uploaded_file is not None else None
    with transaction.atomic():
        plan, locked = lock_item(item)
        if locked.practice_is_locked:
            raise ValidationError(
                "Применение уже отправлено на подтверждение"
                + (
                    " и подтверждено"
                    if locked.practice_status == PracticeStatus.CONFIRMED
                    else ": дождитесь ответа"
                )
                + " — описание больше не меняется."
            )
        capacity = access.practice_capacity(confirmer, locked) if confirmer is not None else None
        if capacity is None:
            raise ValidationError(
                "Выберите, кто подтвердит применение: ваш наставник, руководитель вашей "
                "организации или тьютор стажировки."
            )
        if uploaded_file is None and not link and not locked.practice_file:
            raise ValidationError(
                "Приложите документ (PDF, JPEG, PNG) или дайте ссылку на результат — одно из двух."
            )
        fields = [
            "practice_description",
            "practice_link",
            "practice_added_at",
            "practice_status",
            "practice_confirmer",
        ]
        new_files, old_files = [], []
        if uploaded_file is not None:
            old_files.append(_store(locked, "practice_file", checked))
            new_files.append(locked.practice_file.name)
            fields.append("practice_file")
        locked.practice_description = description
        locked.practice_link = link
        locked.practice_added_at = timezone.now()
        locked.practice_status = PracticeStatus.PENDING
        locked.practice_confirmer = confirmer
        _save_evidence(
            locked,
            plan,
            fields,
            new_files=new_files,
            old_files=old_files,
            actor=actor,
            action="development_plan_item.update",
            changes={
                "применение в практике": (None, description[:200]),
                "подтверждает": (None, f"{confirmer} ({capacity})"),
            },
            request=request,
        )
        notify_confirmer_on_commit(locked, capacity)
    return locked

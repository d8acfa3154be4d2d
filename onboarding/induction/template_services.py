"""Writes of the induction templates: the ministry adds, edits and removes a template's tasks.

A plan copies its template's tasks when it is drawn up, so these edits change only the plans
made afterwards.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest

from audit.services import audit_record
from onboarding.models import CheckpointMonth, InductionTemplate, InductionTemplateTask


def _clean(month: int, title: str) -> str:
    if month not in CheckpointMonth.values:
        raise ValidationError("Выберите контрольную точку: 1, 3, 6 или 12 месяцев.")
    title = " ".join(title.split())
    if not title:
        raise ValidationError("Назовите задачу.")
    return title[:255]


def template_task_add(
    *,
    template: InductionTemplate,
    month: int,
    title: str,
    description: str,
    actor,
    request: HttpRequest | None = None,
) -> InductionTemplateTask:
    """Add a task to the template at a checkpoint, last among that checkpoint's tasks."""
    title = _clean(month, title)
    with transaction.atomic():
        locked = InductionTemplate.objects.select_for_update().get(pk=template.pk)
        last = locked.tasks.aggregate(last=Max("sort_order"))["last"] or 0
        task = InductionTemplateTask.objects.create(
            template=locked,
            month=month,
            title=title,
            description=description.strip(),
            sort_order=last + 1,
        )
        locked.save(update_fields=["updated_at"])
        audit_record(
            actor=actor,
            action="induction_template.create",
            obj=task,
            changes={"title": (None, title), "month": (None, month)},
            request=request,
        )
    return task


def template_task_update(
    *,
    task: InductionTemplateTask,
    month: int,
    title: str,
    description: str,
    actor,
    request: HttpRequest | None = None,
) -> InductionTemplateTask:
    """Change a task of the template."""
    title = _clean(month, title)
    with transaction.atomic():
        InductionTemplate.objects.select_for_update().get(pk=task.template_id)
        locked = InductionTemplateTask.objects.select_for_update().get(pk=task.pk)
        before = {"month": locked.month, "title": locked.title, "description": locked.description}
        after = {"month": month, "title": title, "description": description.strip()}
        changed = {
            name: (before[name], after[name]) for name in after if before[name] != after[name]
        }
        if not changed:
            return locked
        for name, (_, value) in changed.items():
            setattr(locked, name, value)
        locked.save(update_fields=list(changed))
        locked.template.save(update_fields=["updated_at"])
        audit_record(
            actor=actor,
            action="induction_template.update",
            obj=locked,
            changes=changed,
            request=request,
        )
    return locked


def template_task_delete(
    *, task: InductionTemplateTask, actor, request: HttpRequest | None = None
) -> None:
    """Remove a task from the template (plans already made keep their copy)."""
    with transaction.atomic():
        template = InductionTemplate.objects.select_for_update().get(pk=task.template_id)
        audit_record(
            actor=actor,
            action="induction_template.delete",
            obj=task,
            changes={"title": (task.title, None)},
            request=request,
        )
        task.delete()
        template.save(update_fields=["updated_at"])

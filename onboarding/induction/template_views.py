"""The ministry's pages of the induction templates: one per kind of organization, its tasks."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from onboarding import access
from onboarding.common import attempt, require
from onboarding.induction.forms import TemplateTaskForm
from onboarding.induction.template_services import (
    template_task_add,
    template_task_delete,
    template_task_update,
)
from onboarding.models import CheckpointMonth, InductionTemplate, InductionTemplateTask


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    """List the templates, one per kind of organization, with their number of tasks."""
    require(access.can_edit_induction_templates(request.user))
    templates = InductionTemplate.objects.prefetch_related("tasks")
    return render(request, "onboarding/induction/templates.html", {"templates": templates})


def _template(kind: str) -> InductionTemplate:
    return get_object_or_404(InductionTemplate, organization_kind=kind)


@login_required
def template_detail(request: HttpRequest, kind: str) -> HttpResponse:
    """Show a template's tasks by checkpoint and add a task."""
    require(access.can_edit_induction_templates(request.user))
    template = _template(kind)
    form = TemplateTaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        added = attempt(
            request,
            lambda: template_task_add(
                template=template, actor=request.user, request=request, **form.cleaned_data
            ),
            "Задача добавлена в шаблон.",
        )
        if added is not None:
            return redirect("onboarding:induction_template", kind=kind)
    tasks = list(template.tasks.all())
    by_month = [
        (label, [task for task in tasks if task.month == month])
        for month, label in CheckpointMonth.choices
    ]
    return render(
        request,
        "onboarding/induction/template.html",
        {"template": template, "by_month": by_month, "form": form},
    )


@login_required
def template_task_edit(request: HttpRequest, kind: str, task_pk: int) -> HttpResponse:
    """Change a task of the template."""
    require(access.can_edit_induction_templates(request.user))
    template = _template(kind)
    task = get_object_or_404(InductionTemplateTask, pk=task_pk, template=template)
    form = TemplateTaskForm(
        request.POST or None,
        initial={"month": task.month, "title": task.title, "description": task.description},
    )
    if request.method == "POST" and form.is_valid():
        changed = attempt(
            request,
            lambda: template_task_update(
                task=task, actor=request.user, request=request, **form.cleaned_data
            ),
            "Задача шаблона изменена.",
        )
        if changed is not None:
            return redirect("onboarding:induction_template", kind=kind)
    return render(
        request,
        "onboarding/induction/template_task.html",
        {"template": template, "task": task, "form": form},
    )


@login_required
@require_POST
def template_task_remove(request: HttpRequest, kind: str, task_pk: int) -> HttpResponse:
    """Remove a task from the template."""
    require(access.can_edit_induction_templates(request.user))
    template = _template(kind)
    task = get_object_or_404(InductionTemplateTask, pk=task_pk, template=template)
    attempt(
        request,
        lambda: template_task_delete(task=task, actor=request.user, request=request),
        f"Задача «{task.title}» удалена из шаблона.",
    )
    return redirect("onboarding:induction_template", kind=kind)

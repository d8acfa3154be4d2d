"""Induction pages: the new heads, one plan with what is due, tasks, checkpoints, the adaptation
mentor and the probation's outcome; the new head's and the mentor's own entry points."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from core.views import show_errors
from development.models import Mentor
from onboarding import access
from onboarding.common import PAGE_SIZE, attempt, require, show_form_errors
from onboarding.induction.forms import CheckpointForm, MentorForm, ProbationForm, TaskDoneForm
from onboarding.induction.selectors import (
    for_plan_page,
    mentor_ids_visible,
    mentor_suggestions,
    own_plan,
    plans_for_list,
    schedule_of,
)
from onboarding.induction.services import (
    induction_checkpoint_review,
    induction_mentor_assign,
    induction_probation_review,
    induction_task_mark,
)
from onboarding.models import InductionCheckpoint, InductionPlan, InductionStatus, InductionTask

# A checkpoint this close is shown as coming up.
DUE_SOON_DAYS = 14


@login_required
def induction_list(request: HttpRequest) -> HttpResponse:
    """List the new heads: the territory's for staff, the ones a mentor follows."""
    user = request.user
    require(access.can_view_vacancies(user) or access.can_view_mentored_inductions(user))
    status = request.GET.get("status", InductionStatus.ACTIVE)
    status = status if status in InductionStatus.values else InductionStatus.ACTIVE
    today = timezone.localdate()
    plans = plans_for_list(
        access.induction_plans_visible_to(user).filter(status=status), today
    ).order_by("-starts_on", "-pk")
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "onboarding/induction/list.html",
        {
            "page": page,
            "status": status,
            "statuses": InductionStatus.choices,
            "query": f"status={status}",
            "today": today,
            "is_mentor": access.can_view_mentored_inductions(user),
            "region_wide": access.works_region_wide(user),
        },
    )


def plan_for(user, pk: int) -> InductionPlan:
    """Return the plan if the user may see it, else 404."""
    return get_object_or_404(for_plan_page(access.induction_plans_visible_to(user)), pk=pk)


@login_required
def induction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the plan: checkpoints with their tasks, what is due, the mentor, the probation."""
    user = request.user
    plan = plan_for(user, pk)
    today = timezone.localdate()
    if not access.is_new_head_of(user, plan):
        personal_data_access_log(
            actor=user,
            subject=plan.appointment.membership.candidate,
            purpose="план введения в должность",
            request=request,
        )
    can_manage = access.can_manage_induction(user, plan)
    matches, excluded = mentor_suggestions(plan) if can_manage else ([], [])
    checkpoints = list(plan.checkpoints.all())
    for checkpoint in checkpoints:
        checkpoint.is_overdue = checkpoint.reviewed_at is None and checkpoint.due_on < today
        checkpoint.is_due_soon = (
            checkpoint.reviewed_at is None and today <= checkpoint.due_on <= _soon(today)
        )
    return render(
        request,
        "onboarding/induction/detail.html",
        {
            "plan": plan,
            "checkpoints": checkpoints,
            "schedule": schedule_of(plan, today),
            "today": today,
            "can_manage": can_manage,
            "can_mark": access.can_mark_task(user, plan),
            "can_review": access.can_review_checkpoint(user, plan),
            "is_new_head": access.is_new_head_of(user, plan),
            "matches": matches,
            "excluded": excluded,
            "visible_mentors": mentor_ids_visible(user) if can_manage else set(),
            "probation_form": ProbationForm(),
            "checkpoint_form": CheckpointForm(),
            "task_form": TaskDoneForm(),
            "can_open_appointment": access.can_view_appointment(user, plan.appointment),
        },
    )


def _soon(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=DUE_SOON_DAYS)


@login_required
@require_POST
def task_mark(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    """Mark a task done (with what was done) or open again."""
    plan = plan_for(request.user, pk)
    require(access.can_mark_task(request.user, plan))
    task = get_object_or_404(InductionTask, pk=task_pk, checkpoint__plan=plan)
    form = TaskDoneForm(request.POST)
    form.is_valid()
    done = request.POST.get("done") == "1"
    attempt(
        request,
        lambda: induction_task_mark(
            task=task,
            done=done,
            note=form.cleaned_data.get("note", ""),
            actor=request.user,
            request=request,
        ),
        f"Задача «{task.title}» отмечена выполненной." if done else "Отметка снята.",
    )
    return redirect(f"{plan_url(plan)}#checkpoint-{task.checkpoint_id}")


def plan_url(plan: InductionPlan) -> str:
    """Return the plan's page address."""
    return reverse("onboarding:induction_detail", args=[plan.pk])


@login_required
@require_POST
def checkpoint_review(request: HttpRequest, pk: int, checkpoint_pk: int) -> HttpResponse:
    """Mark a checkpoint passed with a comment."""
    plan = plan_for(request.user, pk)
    require(access.can_review_checkpoint(request.user, plan))
    checkpoint = get_object_or_404(InductionCheckpoint, pk=checkpoint_pk, plan=plan)
    form = CheckpointForm(request.POST)
    if not form.is_valid():
        show_form_errors(request, form)
    else:
        attempt(
            request,
            lambda: induction_checkpoint_review(
                checkpoint=checkpoint,
                comment=form.cleaned_data["comment"],
                actor=request.user,
                request=request,
            ),
            f"Контрольная точка «{checkpoint.get_month_display()}» пройдена.",
        )
    return redirect(f"{plan_url(plan)}#checkpoint-{checkpoint.pk}")


@login_required
@require_POST
def mentor_assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Give the new head an adaptation mentor from the suggestions."""
    plan = plan_for(request.user, pk)
    require(access.can_manage_induction(request.user, plan))
    form = MentorForm(request.POST)
    mentor = (
        Mentor.objects.filter(pk=form.cleaned_data["mentor"]).select_related("user").first()
        if form.is_valid()
        else None
    )
    if mentor is None:
        show_errors(request, ValidationError("Выберите наставника из предложенных."))
    else:
        attempt(
            request,
            lambda: induction_mentor_assign(
                plan=plan, mentor=mentor, actor=request.user, request=request
            ),
            f"Наставник по адаптации: {mentor}.",
        )
    return redirect(f"{plan_url(plan)}#mentor")


@login_required
@require_POST
def probation_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the outcome of the new head's probation."""
    plan = plan_for(request.user, pk)
    require(access.can_manage_induction(request.user, plan))
    form = ProbationForm(request.POST)
    if not form.is_valid():
        show_form_errors(request, form)
    else:
        attempt(
            request,
            lambda: induction_probation_review(
                plan=plan,
                outcome=form.cleaned_data["outcome"],
                comment=form.cleaned_data["comment"],
                actor=request.user,
                request=request,
            ),
            "Итог испытательного срока записан.",
        )
    return redirect(f"{plan_url(plan)}#probation")


@login_required
def my_induction(request: HttpRequest) -> HttpResponse:
    """Send the new head to their own plan, or say there is none yet."""
    require(access.can_view_own_offers(request.user))
    plan = own_plan(request.user)
    if plan is None:
        return render(request, "onboarding/induction/none.html")
    return redirect("onboarding:induction_detail", pk=plan.pk)

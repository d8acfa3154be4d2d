"""Individual development plans: «Мой план развития», the staff lists and a plan's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from candidates.models import MembershipStatus, ReserveMembership
from candidates.selectors import search_by_candidate_name
from core.numbers import percent
from core.views import show_errors
from development import access
from development.models import DevelopmentPlan, PlanItemStatus, PlanStatus
from development.plans.forms import CommentForm, PlanFilterForm
from development.plans.selectors import (
    DUE_SOON_DAYS,
    open_plan_of,
    overdue_by_municipality,
    plan_growth,
    uncovered_gaps,
    with_progress,
)
from development.plans.services.generation import MAX_ITEMS_PER_GAP, PRACTICE_DAYS, plan_generate
from development.plans.services.workflow import (
    plan_approve,
    plan_close,
    plan_return,
    plan_start,
    plan_submit,
)

PAGE_SIZE = 25
WITHOUT_PLAN_LIMIT = 20


def plan_for(request: HttpRequest, pk: int) -> DevelopmentPlan:
    """Return the plan if the user may open it, else 404."""
    return get_object_or_404(
        access.plans_visible_to(request.user).select_related(
            "candidate__user",
            "membership__municipality",
            "membership__position_kind",
            "source_result__participant__campaign",
            "approved_by",
        ),
        pk=pk,
    )


def _own_active_membership(request: HttpRequest) -> ReserveMembership | None:
    candidate = getattr(request.user, "candidate", None)
    if candidate is None:
        return None
    return (
        candidate.memberships.filter(status=MembershipStatus.ACTIVE)
        .select_related("position_kind", "municipality")
        .order_by("-started_on", "-pk")
        .first()
    )


@login_required
def my_plan(request: HttpRequest) -> HttpResponse:
    """Open the reservist's plan in work, or offer to draw one up."""
    if not access.can_have_own_plan(request.user):
        raise Http404
    membership = _own_active_membership(request)
    if membership is not None:
        plan = open_plan_of(membership)
        if plan is not None:
            return redirect("development:plan_detail", plan.pk)
    finished = (
        access.plans_visible_to(request.user)
        .filter(status=PlanStatus.COMPLETED)
        .select_related("membership__position_kind")
        .order_by("-starts_on")
    )
    return render(
        request,
        "development/plans/my_plan.html",
        {"membership": membership, "finished": finished},
    )


@login_required
@require_POST
def my_plan_generate(request: HttpRequest) -> HttpResponse:
    """Draw up the reservist's draft plan from the latest assessment."""
    if not access.can_have_own_plan(request.user):
        raise Http404
    membership = _own_active_membership(request)
    if membership is None:
        messages.error(request, "Вы не состоите в кадровом резерве: план составлять не для чего.")
        return redirect("development:my_plan")
    return _generate(request, membership)


def _generate(request: HttpRequest, membership: ReserveMembership) -> HttpResponse:
    try:
        plan = plan_generate(membership=membership, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
        existing = open_plan_of(membership)
        if existing is not None:  # a second click: the first one made the plan
            return redirect("development:plan_detail", existing.pk)
        if access.can_have_own_plan(request.user):
            return redirect("development:my_plan")
        return redirect("development:plan_list")
    count = plan.items.count()
    if plan.source_result_id is None:
        messages.warning(
            request, "Черновик создан пустым: результата оценки нет. Добавьте пункты вручную."
        )
    else:
        messages.success(request, f"Черновик составлен по результатам оценки: пунктов {count}.")
    return redirect("development:plan_detail", plan.pk)


@login_required
@require_POST
def plan_generate_for(request: HttpRequest, membership_pk: int) -> HttpResponse:
    """Draw up a reservist's draft plan (coordinator, ministry or the mentor of the pair)."""
    membership = get_object_or_404(
        ReserveMembership.objects.select_related("candidate"), pk=membership_pk
    )
    if not access.can_generate_plan(request.user, membership):
        raise Http404
    return _generate(request, membership)


def _without_plan(request: HttpRequest, text: str):
    """Return the active memberships the user may plan for that have no plan in work."""
    memberships = access.memberships_to_plan_for(request.user)
    memberships = memberships.filter(status=MembershipStatus.ACTIVE).exclude(
        development_plans__status__in=[s for s in PlanStatus.values if s != PlanStatus.COMPLETED]
    )
    memberships = search_by_candidate_name(memberships, text)
    return memberships.select_related("candidate", "municipality", "position_kind").order_by(
        "candidate__last_name", "candidate__first_name", "pk"
    )


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """List the plans of the user's territory (or mentees), those awaiting approval first."""
    if not access.can_view_plan_lists(request.user):
        raise Http404
    today = timezone.localdate()
    data = request.GET.copy()
    if "status" not in data and access.approves_plans(request.user):
        data["status"] = PlanStatus.ON_APPROVAL  # what the ministry has to act on
    form = PlanFilterForm(data)
    plans = access.plans_visible_to(request.user)
    text = ""
    if form.is_valid():
        text = form.cleaned_data["q"]
        plans = search_by_candidate_name(plans, text)
        if form.cleaned_data["status"]:
            plans = plans.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["municipality"] and access.works_region_wide(request.user):
            plans = plans.filter(membership__municipality=form.cleaned_data["municipality"])
    plans = (
        with_progress(plans, today)
        .select_related("candidate", "membership__municipality", "membership__position_kind")
        .order_by("candidate__last_name", "candidate__first_name", "-pk")
    )
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("page"))
    for plan in page.object_list:
        plan.progress = percent(plan.items_done, plan.items_total)
        plan.shows_overdue = plan.is_in_work and plan.items_overdue
    without = _without_plan(request, text)
    return render(
        request,
        "development/plans/list.html",
        {
            "form": form,
            "page": page,
            "choose_municipality": access.works_region_wide(request.user),
            "without_plan": list(without[:WITHOUT_PLAN_LIMIT]),
            "without_plan_count": without.count(),
            "show_overdue_link": access.can_view_overdue_report(request.user),
        },
    )


@login_required
def overdue_list(request: HttpRequest) -> HttpResponse:
    """List overdue items by municipality (a coordinator sees their own)."""
    if not access.can_view_overdue_report(request.user):
        raise Http404
    today = timezone.localdate()
    groups = overdue_by_municipality(access.plan_items_visible_to(request.user), today)
    return render(
        request,
        "development/plans/overdue.html",
        {"groups": groups, "today": today, "total": sum(len(group.items) for group in groups)},
    )


def _plan_context(request: HttpRequest, plan: DevelopmentPlan) -> dict:
    today = timezone.localdate()
    items = list(
        plan.items.select_related("activity__host_organization", "competency").order_by(
            "due_date", "sort_order", "pk"
        )
    )
    for item in items:
        item.is_overdue = item.overdue_on(today)
    done = sum(1 for item in items if item.status == PlanItemStatus.DONE)
    due_soon = [
        item
        for item in items
        if item.status != PlanItemStatus.DONE and 0 <= (item.due_date - today).days <= DUE_SOON_DAYS
    ]
    history = list(plan.status_changes.select_related("actor"))
    last_return = next(
        (
            change
            for change in reversed(history)
            if change.to_status == PlanStatus.DRAFT and change.reason and change.from_status
        ),
        None,
    )
    user = request.user
    return {
        "plan": plan,
        "candidate": plan.candidate,
        "membership": plan.membership,
        "items": items,
        "done": done,
        "progress": percent(done, len(items)),
        "overdue_count": sum(1 for item in items if item.is_overdue),
        "due_soon": due_soon,
        "due_soon_days": DUE_SOON_DAYS,
        "history": history,
        "last_return": last_return if plan.status == PlanStatus.DRAFT else None,
        "growth": plan_growth(plan),
        "uncovered": uncovered_gaps(plan),
        "max_items_per_gap": MAX_ITEMS_PER_GAP,
        "practice_days": PRACTICE_DAYS,
        "in_work": plan.is_in_work or plan.status == PlanStatus.COMPLETED,
        "is_own": access.is_own_plan(user, plan),
        "can_edit": access.can_edit_plan(user, plan),
        "can_submit": access.can_submit_plan(user, plan),
        "can_approve": access.can_approve_plan(user, plan),
        "can_start": access.can_start_plan(user, plan),
        "can_close": access.can_close_plan(user, plan),
        "can_work": access.can_work_on_items(user, plan),
        "comment_form": CommentForm(),
    }


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a plan: items, progress, what is due, evidence, growth, history and its actions."""
    plan = plan_for(request, pk)
    if not access.is_own_plan(request.user, plan):
        personal_data_access_log(
            actor=request.user,
            subject=plan.candidate,
            purpose="просмотр индивидуального плана развития",
            request=request,
        )
    return render(request, "development/plans/detail.html", _plan_context(request, plan))


def _act(request: HttpRequest, pk: int, allowed, action, success: str, *, reason=False):
    plan = plan_for(request, pk)
    if not allowed(request.user, plan):
        raise Http404
    kwargs = {}
    if reason:
        form = CommentForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Напишите комментарий: без него действие не выполняется.")
            return redirect("development:plan_detail", pk)
        kwargs["reason"] = form.cleaned_data["reason"]
    try:
        action(plan=plan, actor=request.user, request=request, **kwargs)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, success)
    return redirect("development:plan_detail", pk)


@login_required
@require_POST
def plan_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the draft for approval."""
    return _act(request, pk, access.can_submit_plan, plan_submit, "План отправлен на согласование.")


@login_required
@require_POST
def plan_approve_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve the plan (ministry)."""
    return _act(request, pk, access.can_approve_plan, plan_approve, "План утверждён.")


@login_required
@require_POST
def plan_return_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Return the plan to a draft with a comment (ministry)."""
    return _act(
        request,
        pk,
        access.can_approve_plan,
        plan_return,
        "План возвращён на доработку.",
        reason=True,
    )


@login_required
@require_POST
def plan_start_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Start working on the approved plan (the reservist)."""
    return _act(request, pk, access.can_start_plan, plan_start, "Выполнение плана начато.")


@login_required
@require_POST
def plan_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Close the plan with a reason (ministry)."""
    return _act(request, pk, access.can_close_plan, plan_close, "План закрыт.", reason=True)

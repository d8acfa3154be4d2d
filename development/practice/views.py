"""Pages of the one asked to confirm a reservist's practice (or a course's completion)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from core.views import show_errors
from development import access
from development.models import PlanItem, PracticeStatus
from development.plans.services.practice import (
    completion_confirm,
    practice_confirm,
    practice_return,
)
from development.practice.forms import ReviewForm

ITEM_RELATIONS = (
    "plan__candidate__organization",
    "plan__membership__position_kind",
    "activity__host_organization",
    "competency",
    "practice_confirmer",
)


@login_required
def practice_requests(request: HttpRequest) -> HttpResponse:
    """List what the user was asked to confirm: pending first, then decided; courses' items."""
    if not access.can_open_practice_requests(request.user):
        raise Http404
    asked = access.practice_requests_of(request.user).select_related(*ITEM_RELATIONS)
    return render(
        request,
        "development/practice/requests.html",
        {
            "pending": asked.filter(practice_status=PracticeStatus.PENDING).order_by(
                "practice_added_at", "pk"
            ),
            "decided": asked.exclude(practice_status=PracticeStatus.PENDING).order_by(
                "-practice_added_at", "-pk"
            )[:50],
            "completions": access.completions_to_confirm_for(request.user)
            .select_related(*ITEM_RELATIONS)
            .order_by("completion_confirmed_at", "-completion_added_at"),
        },
    )


def _item_for(request: HttpRequest, item_pk: int) -> PlanItem:
    """Return the item if the user was asked to confirm its practice or its completion."""
    item = get_object_or_404(PlanItem.objects.select_related(*ITEM_RELATIONS), pk=item_pk)
    if not (
        access.can_view_practice_request(request.user, item)
        or access.completions_to_confirm_for(request.user).filter(pk=item.pk).exists()
    ):
        raise Http404
    return item


@login_required
def practice_review(request: HttpRequest, item_pk: int) -> HttpResponse:
    """Show the item's practice (and completion) to the one who confirms it."""
    item = _item_for(request, item_pk)
    personal_data_access_log(
        actor=request.user,
        subject=item.plan.candidate,
        purpose=f"подтверждение применения в практике: {item.title}"[:200],
        request=request,
    )
    return render(
        request,
        "development/practice/review.html",
        {
            "item": item,
            "candidate": item.plan.candidate,
            "capacity": access.practice_capacity(request.user, item),
            "can_decide": access.can_confirm_practice(request.user, item),
            "can_confirm_completion": access.can_confirm_completion(request.user, item),
            "is_asked": access.can_view_practice_request(request.user, item),
            "reviews": item.reviews.select_related("reviewer"),
            "form": ReviewForm(),
        },
    )


def _decide(request: HttpRequest, item_pk: int, *, confirmed: bool) -> HttpResponse:
    item = _item_for(request, item_pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        show_errors(request, ValidationError(form.errors["comment"]))
        return redirect("development:practice_review", item_pk)
    service = practice_confirm if confirmed else practice_return
    try:
        service(
            item=item, actor=request.user, comment=form.cleaned_data["comment"], request=request
        )
    except ValidationError as error:
        show_errors(request, error)
        return redirect("development:practice_review", item_pk)
    if confirmed:
        messages.success(request, f"Применение подтверждено: {item.plan.candidate.full_name}.")
    else:
        messages.success(request, "Описание возвращено резервисту с вашим замечанием.")
    return redirect("development:practice_requests")


@login_required
@require_POST
def practice_confirm_view(request: HttpRequest, item_pk: int) -> HttpResponse:
    """Confirm the practice: you saw it in the reservist's work."""
    return _decide(request, item_pk, confirmed=True)


@login_required
@require_POST
def practice_return_view(request: HttpRequest, item_pk: int) -> HttpResponse:
    """Return the practice with what to improve."""
    return _decide(request, item_pk, confirmed=False)


@login_required
@require_POST
def completion_confirm_view(request: HttpRequest, item_pk: int) -> HttpResponse:
    """Confirm, as the course's provider, that the reservist completed it."""
    item = _item_for(request, item_pk)
    try:
        completion_confirm(item=item, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, f"Прохождение подтверждено: {item.plan.candidate.full_name}.")
    return redirect("development:practice_review", item_pk)

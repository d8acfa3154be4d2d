"""The bank of good practice: offer a confirmed practice, review it, read the bank by competency."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from assessment.models import Competency
from core.views import show_errors
from development import access
from development.models import GoodPractice, PlanItem, PracticeState
from development.practice.criteria import PRACTICE_CRITERIA
from development.practice.forms import BankFilterForm, BankReviewForm, ProposeForm
from development.practice.services import (
    good_practice_propose,
    good_practice_review,
    good_practice_withdraw_consent,
)

RELATIONS = (
    "competency",
    "item__activity",
    "item__plan__candidate__organization",
    "item__practice_confirmer",
    "reviewed_by",
)


@login_required
def practice_bank(request: HttpRequest) -> HttpResponse:
    """Show the published practices by competency, and the published criteria."""
    if not access.can_view_practice_bank(request.user):
        raise Http404
    competencies = Competency.objects.filter(framework__is_current=True).order_by(
        "sort_order", "code"
    )
    form = BankFilterForm(request.GET or None, competencies=competencies)
    visible = access.good_practices_visible_to(request.user).select_related(*RELATIONS)
    published = visible.filter(state=PracticeState.PUBLISHED, consent_withdrawn_at__isnull=True)
    if form.is_valid() and form.cleaned_data["competency"]:
        published = published.filter(competency=form.cleaned_data["competency"])
    groups: dict[Competency, list[GoodPractice]] = {}
    for practice in published.order_by("competency__sort_order", "-reviewed_at"):
        groups.setdefault(practice.competency, []).append(practice)
    reviewer = access.can_review_practices(request.user)
    return render(
        request,
        "development/practice/bank.html",
        {
            "form": form,
            "groups": groups,
            "criteria": PRACTICE_CRITERIA,
            "proposed": visible.filter(state=PracticeState.PROPOSED).order_by("proposed_at")
            if reviewer
            else [],
            "own": visible.filter(item__plan__candidate__user=request.user).order_by(
                "-proposed_at"
            ),
        },
    )


def _own_item(request: HttpRequest, item_pk: int) -> PlanItem:
    item = get_object_or_404(
        access.plan_items_visible_to(request.user).select_related("plan__candidate", "competency"),
        pk=item_pk,
    )
    if not access.can_propose_practice(request.user, item):
        raise Http404
    return item


@login_required
def practice_propose(request: HttpRequest, item_pk: int) -> HttpResponse:
    """Offer one's confirmed practice to the bank, with consent to publish it."""
    item = _own_item(request, item_pk)
    initial = {"title": item.title, "summary": item.practice_description}
    form = ProposeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            good_practice_propose(
                item=item,
                actor=request.user,
                title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"],
                consent=form.cleaned_data["consent"],
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, "Практика предложена в банк: её рассмотрят по критериям.")
            return redirect("development:practice_bank")
    return render(
        request,
        "development/practice/propose.html",
        {"item": item, "form": form, "criteria": PRACTICE_CRITERIA},
        status=400 if form.errors else 200,
    )


def _practice_for(request: HttpRequest, pk: int) -> GoodPractice:
    return get_object_or_404(
        access.good_practices_visible_to(request.user).select_related(*RELATIONS), pk=pk
    )


@login_required
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a practice of the bank; the reviewer reviews it here, its author may withdraw."""
    practice = _practice_for(request, pk)
    reviewer = access.can_review_practices(request.user)
    return render(
        request,
        "development/practice/bank_detail.html",
        {
            "practice": practice,
            "candidate": practice.item.plan.candidate,
            "criteria": [
                (criterion, criterion.code in practice.criteria_met)
                for criterion in PRACTICE_CRITERIA
            ],
            "can_review": reviewer and practice.state == PracticeState.PROPOSED,
            "review_form": BankReviewForm(criteria=PRACTICE_CRITERIA),
            "is_author": access.is_practice_author(request.user, practice),
        },
    )


@login_required
@require_POST
def practice_review_bank(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the review: published when every criterion is met, else declined with a reason."""
    practice = _practice_for(request, pk)
    if not access.can_review_practices(request.user):
        raise Http404
    form = BankReviewForm(request.POST, criteria=PRACTICE_CRITERIA)
    if not form.is_valid():
        show_errors(request, ValidationError("Форма заполнена неверно: обновите страницу."))
        return redirect("development:practice_detail", pk)
    try:
        reviewed = good_practice_review(
            practice=practice,
            actor=request.user,
            criteria_met=form.cleaned_data["criteria"],
            comment=form.cleaned_data["comment"],
            request=request,
        )
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, f"Практика «{reviewed.title}»: {reviewed.get_state_display()}.")
    return redirect("development:practice_detail", pk)


@login_required
@require_POST
def practice_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw the author's consent: the practice leaves the bank."""
    practice = _practice_for(request, pk)
    if not access.is_practice_author(request.user, practice):
        raise Http404
    try:
        good_practice_withdraw_consent(practice=practice, actor=request.user, request=request)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, "Согласие отозвано: практика больше не показывается в банке.")
    return redirect("development:practice_bank")

"""Shortlists and offers: building and reordering the list, offering the post, the reservist's
answer on their page, and the exclusion that repeated refusals propose."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from candidates.access import memberships_visible_to
from candidates.models import Candidate
from core.views import show_errors
from governance.selectors import regulation_in_force
from onboarding import access
from onboarding.common import attempt, require, show_form_errors
from onboarding.induction.selectors import own_plan
from onboarding.models import Offer, OfferStatus, ReservistPreference, ShortlistEntry
from onboarding.shortlists.forms import (
    AnswerForm,
    ExclusionForm,
    MoveForm,
    OfferForm,
    RelocationForm,
    WithdrawForm,
)
from onboarding.shortlists.selectors import (
    memberships_to_exclude_for_refusals,
    own_offers,
    refusals_of,
)
from onboarding.shortlists.services import (
    REFUSALS_GROUND,
    offer_answer,
    offer_make,
    offer_withdraw,
    refusals_exclusion_confirm,
    reservist_preference_set,
    shortlist_build,
    shortlist_move,
)
from onboarding.vacancies.views import vacancy_for


@login_required
@require_POST
def shortlist_build_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Rank the reserve for the vacancy and store the shortlist."""
    vacancy = vacancy_for(request.user, pk)
    require(access.can_build_shortlist(request.user, vacancy))
    try:
        entries = shortlist_build(
            vacancy=vacancy, actor=request.user, today=timezone.localdate(), request=request
        )
    except ValidationError as error:
        show_errors(request, error)
        return redirect("onboarding:vacancy_detail", pk=vacancy.pk)
    if entries:
        messages.success(request, f"Список кандидатов составлен: {len(entries)}.")
    else:
        messages.warning(request, "Подходящих резервистов нет: список пуст.")
    return redirect(reverse("onboarding:vacancy_detail", args=[vacancy.pk]) + "#shortlist")


def _entry_for(request: HttpRequest, pk: int, entry_pk: int) -> ShortlistEntry:
    vacancy = vacancy_for(request.user, pk)
    entry = get_object_or_404(
        ShortlistEntry.objects.select_related("membership__candidate"), pk=entry_pk, vacancy=vacancy
    )
    entry.vacancy = vacancy
    return entry


@login_required
@require_POST
def shortlist_move_view(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    """Move a reservist to another place on the list, with the reason."""
    entry = _entry_for(request, pk, entry_pk)
    require(access.can_make_offer(request.user, entry.vacancy))
    form = MoveForm(request.POST)
    if not form.is_valid():
        show_form_errors(request, form)
    else:
        attempt(
            request,
            lambda: shortlist_move(
                entry=entry,
                to_position=form.cleaned_data["to_position"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
                request=request,
            ),
            f"{entry.membership.candidate} — теперь на месте {form.cleaned_data['to_position']}.",
        )
    return redirect(reverse("onboarding:vacancy_detail", args=[pk]) + "#shortlist")


@login_required
@require_POST
def offer_make_view(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    """Offer the post to a reservist on the list."""
    entry = _entry_for(request, pk, entry_pk)
    require(access.can_make_offer(request.user, entry.vacancy))
    form = OfferForm(request.POST)
    if not form.is_valid():
        show_form_errors(request, form)
    else:
        attempt(
            request,
            lambda: offer_make(
                entry=entry,
                respond_by=form.cleaned_data["respond_by"],
                message=form.cleaned_data["message"],
                actor=request.user,
                request=request,
            ),
            f"Предложение отправлено: {entry.membership.candidate}.",
        )
    return redirect("onboarding:vacancy_detail", pk=pk)


def _offer_for(user, pk: int) -> Offer:
    return get_object_or_404(
        access.offers_visible_to(user).select_related(
            "vacancy__organization__municipality",
            "vacancy__position_kind",
            "membership__candidate",
        ),
        pk=pk,
    )


@login_required
@require_POST
def offer_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw an offer still waiting for an answer."""
    offer = _offer_for(request.user, pk)
    require(access.can_withdraw_offer(request.user, offer))
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        show_form_errors(request, form)
    else:
        attempt(
            request,
            lambda: offer_withdraw(
                offer=offer, reason=form.cleaned_data["reason"], actor=request.user, request=request
            ),
            "Предложение отозвано.",
        )
    return redirect("onboarding:vacancy_detail", pk=offer.vacancy_id)


@login_required
def my_onboarding(request: HttpRequest) -> HttpResponse:
    """The reservist's «Назначение»: offers to answer, past answers, relocation, induction."""
    user = request.user
    require(access.can_view_own_offers(user))
    offers = list(own_offers(user))
    today = timezone.localdate()
    for offer in offers:
        offer.can_answer = access.can_answer_offer(user, offer) and offer.respond_by >= today
    candidate = Candidate.objects.filter(user=user).first()
    preference = (
        ReservistPreference.objects.filter(candidate=candidate).first() if candidate else None
    )
    return render(
        request,
        "onboarding/shortlists/my.html",
        {
            "pending": [offer for offer in offers if offer.status == OfferStatus.OFFERED],
            "answered": [offer for offer in offers if offer.status != OfferStatus.OFFERED],
            "relocation_form": RelocationForm(
                initial={"ready_to_relocate": bool(preference and preference.ready_to_relocate)}
            ),
            "has_profile": candidate is not None,
            "plan": own_plan(user),
            "today": today,
        },
    )


@login_required
def offer_answer_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Show an offer to the reservist and take their answer."""
    offer = _offer_for(request.user, pk)
    require(access.is_own_offer(request.user, offer))
    form = AnswerForm(request.POST or None)
    if request.method == "POST":
        require(access.can_answer_offer(request.user, offer))
        if form.is_valid():
            accept = form.cleaned_data["answer"] == "accept"
            answered = attempt(
                request,
                lambda: offer_answer(
                    offer=offer,
                    accept=accept,
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                    request=request,
                ),
                "Спасибо, вы приняли предложение. Дальше — аттестация и приказ учредителя."
                if accept
                else "Ответ сохранён: вы отказались от предложения.",
            )
            if answered is not None:
                return redirect("onboarding:my_onboarding")
    return render(
        request,
        "onboarding/shortlists/answer.html",
        {
            "offer": offer,
            "form": form,
            "can_answer": access.can_answer_offer(request.user, offer)
            and offer.respond_by >= timezone.localdate(),
        },
    )


@login_required
@require_POST
def relocation_view(request: HttpRequest) -> HttpResponse:
    """Save whether the reservist is ready to move for a post."""
    require(access.can_view_own_offers(request.user))
    candidate = get_object_or_404(Candidate, user=request.user)
    form = RelocationForm(request.POST)
    form.is_valid()
    ready = bool(form.cleaned_data.get("ready_to_relocate"))
    reservist_preference_set(
        candidate=candidate, ready_to_relocate=ready, actor=request.user, request=request
    )
    messages.success(
        request,
        "Сохранено: вы готовы к переезду." if ready else "Сохранено: вы не готовы к переезду.",
    )
    return redirect("onboarding:my_onboarding")


@login_required
def refusals_exclusion(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    """Confirm the exclusion of a reservist who refused the Regulation's number of offers."""
    vacancy = vacancy_for(request.user, pk)
    require(access.can_propose_exclusion(request.user, vacancy))
    membership = get_object_or_404(
        memberships_visible_to(request.user).select_related("candidate", "position_kind"),
        pk=membership_pk,
    )
    require(membership.pk in memberships_to_exclude_for_refusals([membership.pk]))
    form = ExclusionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        excluded = attempt(
            request,
            lambda: refusals_exclusion_confirm(
                membership=membership,
                comment=form.cleaned_data["comment"],
                actor=request.user,
                request=request,
            ),
            f"Резервист {membership.candidate} исключён из резерва по основанию Положения.",
        )
        if excluded is not None:
            return redirect("candidates:membership_detail", pk=membership.pk)
    regulation = regulation_in_force()
    refused = (
        Offer.objects.filter(membership=membership, status=OfferStatus.REFUSED)
        .select_related("vacancy__organization", "vacancy__position_kind")
        .order_by("answered_at")
    )
    return render(
        request,
        "onboarding/shortlists/exclusion.html",
        {
            "vacancy": vacancy,
            "membership": membership,
            "refused": refused,
            "count": refusals_of([membership.pk]).get(membership.pk, 0),
            "ground_name": regulation.exclusion_ground_name(REFUSALS_GROUND),
            "max_refusals": regulation.max_offer_refusals,
            "form": form,
        },
    )

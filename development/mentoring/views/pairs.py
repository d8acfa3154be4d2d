"""Mentoring pairs for everyone who may see them: the list, a pair's page, confirming, ending."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from core.views import query_id, show_errors
from development import access
from development.mentoring.forms import EndPairForm
from development.mentoring.selectors import (
    OPEN_STATUSES,
    hours_of,
    mentoring_norm_hours,
    pending_count,
    sessions_of,
)
from development.mentoring.services.pairs import mentorship_confirm, mentorship_end
from development.mentoring.views.common import PAGE_SIZE, attempt, require
from development.models import Mentorship, MentorshipStatus
from registry.models import Municipality

PAIR_FILTERS = {
    "open": ("Открытые", Q(status__in=OPEN_STATUSES)),
    MentorshipStatus.PROPOSED: ("Предложенные", Q(status=MentorshipStatus.PROPOSED)),
    MentorshipStatus.ACTIVE: ("Действующие", Q(status=MentorshipStatus.ACTIVE)),
    MentorshipStatus.COMPLETED: ("Завершённые", Q(status=MentorshipStatus.COMPLETED)),
    MentorshipStatus.CANCELLED: ("Отменённые", Q(status=MentorshipStatus.CANCELLED)),
    "all": ("Все", Q()),
}


@login_required
def pair_list(request: HttpRequest) -> HttpResponse:
    """List the pairs of the user's territory by status, with confirmed hours."""
    require(access.can_match(request.user))
    status = request.GET.get("status", "open")
    status = status if status in PAIR_FILTERS else "open"
    pairs = access.mentorships_visible_to(request.user).filter(PAIR_FILTERS[status][1])
    municipality = None
    chosen = query_id(request, "municipality")
    if access.works_region_wide(request.user) and chosen is not None:
        municipality = Municipality.objects.filter(pk=chosen).first()
        if municipality is not None:
            pairs = pairs.filter(membership__municipality=municipality)
    pairs = pairs.select_related(
        "mentor__user", "mentor__organization__municipality", "mentee", "membership__municipality"
    ).order_by("-created_at", "-pk")
    page = Paginator(pairs, PAGE_SIZE).get_page(request.GET.get("page"))
    ids = [pair.pk for pair in page]
    hours = hours_of(ids, timezone.localdate())
    pending = pending_count(ids)
    for pair in page:
        pair.hours = hours.get(pair.pk)
        pair.pending = pending.get(pair.pk, 0)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "development/mentoring/pair_list.html",
        {
            "page": page,
            "status": status,
            "filters": [(key, title) for key, (title, _) in PAIR_FILTERS.items()],
            "municipality": municipality,
            "municipalities": Municipality.objects.order_by("name")
            if access.works_region_wide(request.user)
            else None,
            "query": query.urlencode(),
        },
    )


def pair_for(user, pk: int) -> Mentorship:
    """Return the pair if the user may see it, else 404."""
    return get_object_or_404(
        access.mentorships_visible_to(user).select_related(
            "mentor__user",
            "mentor__organization__municipality",
            "mentee__organization",
            "membership__municipality",
            "membership__position_kind",
        ),
        pk=pk,
    )


@login_required
def pair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a pair: why it was matched, the hours against the norm, the sessions, the actions."""
    pair = pair_for(request.user, pk)
    user = request.user
    if not access.is_mentee_of_pair(user, pair):
        personal_data_access_log(
            actor=user, subject=pair.mentee, purpose="пара наставничества", request=request
        )
    sessions = list(sessions_of(pair))
    for session in sessions:
        session.can_edit = access.can_edit_session(user, session)
        session.can_answer = access.can_answer_session(user, session)
    return render(
        request,
        "development/mentoring/pair_detail.html",
        {
            "pair": pair,
            "sessions": sessions,
            "hours": hours_of([pair.pk], timezone.localdate()).get(pair.pk),
            "can_confirm": access.can_confirm_pair(user, pair),
            "can_end": access.can_end_pair(user, pair),
            "can_log": access.can_log_session(user, pair),
            "end_form": EndPairForm(can_complete=pair.status == MentorshipStatus.ACTIVE),
            "is_staff_view": access.can_manage_pair(user, pair),
            "norm": mentoring_norm_hours(),
        },
    )


@login_required
@require_POST
def pair_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm a proposed pair."""
    pair = pair_for(request.user, pk)
    require(access.can_manage_pair(request.user, pair))
    attempt(
        request,
        lambda: mentorship_confirm(mentorship=pair, actor=request.user, request=request),
        "Пара подтверждена. Наставнику и резервисту отправлены письма.",
    )
    return redirect("development:pair_detail", pk=pair.pk)


@login_required
@require_POST
def pair_end(request: HttpRequest, pk: int) -> HttpResponse:
    """Complete or cancel a pair with a reason."""
    pair = pair_for(request.user, pk)
    require(access.can_manage_pair(request.user, pair))
    form = EndPairForm(request.POST, can_complete=pair.status == MentorshipStatus.ACTIVE)
    if not form.is_valid():
        refusals = [message for errors in form.errors.values() for message in errors]
        show_errors(request, ValidationError(refusals))
        return redirect("development:pair_detail", pk=pair.pk)
    outcome = form.cleaned_data["outcome"]
    attempt(
        request,
        lambda: mentorship_end(
            mentorship=pair,
            outcome=outcome,
            reason=form.cleaned_data["reason"],
            actor=request.user,
            request=request,
        ),
        "Пара завершена." if outcome == MentorshipStatus.COMPLETED else "Пара отменена.",
    )
    return redirect("development:pair_detail", pk=pair.pk)

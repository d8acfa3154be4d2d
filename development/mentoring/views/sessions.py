"""Mentoring for the pair itself: «Мои наставляемые», «Мой наставник», logging and answering."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from candidates.exports import log_export_access
from core.views import show_errors
from development import access
from development.mentoring.forms import CONFIRM, SessionAnswerForm, SessionForm
from development.mentoring.selectors import (
    OPEN_STATUSES,
    completed_results_by_candidate,
    hours_of,
    mentoring_norm_hours,
    pending_count,
)
from development.mentoring.services.sessions import (
    session_answer,
    session_create,
    session_update,
)
from development.mentoring.views.common import attempt
from development.mentoring.views.pairs import pair_for
from development.models import (
    MentoringSession,
    MentorshipStatus,
    SessionConfirmation,
)
from development.plans.selectors import latest_plans_with_progress


@login_required
def my_mentees(request: HttpRequest) -> HttpResponse:
    """Show the mentor's mentees: their gaps, plans' progress, hours and sessions to log."""
    if not access.can_view_my_mentees(request.user):
        raise Http404
    pairs = list(
        access.mentorships_visible_to(request.user)
        .select_related(
            "mentee__organization", "membership__municipality", "membership__position_kind"
        )
        .order_by("status", "-started_on", "-created_at")
    )
    current = [pair for pair in pairs if pair.status in OPEN_STATUSES]
    ids = [pair.pk for pair in pairs]
    hours = hours_of(ids, timezone.localdate())
    pending = pending_count(ids)
    plans = latest_plans_with_progress([pair.membership_id for pair in current])
    results = completed_results_by_candidate(pair.mentee_id for pair in current)
    for pair in pairs:
        pair.hours = hours.get(pair.pk)
        pair.pending = pending.get(pair.pk, 0)
    log_export_access(
        actor=request.user,
        candidate_ids=[pair.mentee_id for pair in current],
        purpose="«Мои наставляемые»: дефициты и план развития",
        request=request,
    )
    for pair in current:
        pair.plan = plans.get(pair.membership_id)
        if pair.plan is not None:
            pair.plan.url = reverse("development:plan_detail", args=[pair.plan.pk])
        latest = (results.get(pair.mentee_id) or [None])[0]
        pair.gaps = latest["gaps"] if latest else None
    return render(
        request,
        "development/mentoring/my_mentees.html",
        {
            "current": current,
            "history": [pair for pair in pairs if pair.status not in OPEN_STATUSES],
            "has_profile": access.can_edit_own_mentor_profile(request.user),
            "norm": mentoring_norm_hours(),
        },
    )


@login_required
def my_mentor(request: HttpRequest) -> HttpResponse:
    """Show the reservist's mentor, the meetings to confirm and the history."""
    if not access.can_view_my_mentor(request.user):
        raise Http404
    pairs = list(
        access.mentorships_visible_to(request.user)
        .select_related("mentor__user", "mentor__organization__municipality")
        .order_by("-created_at")
    )
    current = next((pair for pair in pairs if pair.status in OPEN_STATUSES), None)
    sessions = list(
        access.sessions_visible_to(request.user)
        .select_related("mentorship__mentor__user")
        .prefetch_related("competencies")
        .order_by("-date", "-pk")
    )
    hours = hours_of([pair.pk for pair in pairs], timezone.localdate())
    return render(
        request,
        "development/mentoring/my_mentor.html",
        {
            "current": current,
            "hours": hours.get(current.pk) if current else None,
            "to_answer": [s for s in sessions if s.confirmation == SessionConfirmation.PENDING],
            "answered": [s for s in sessions if s.confirmation != SessionConfirmation.PENDING],
            "past_pairs": [pair for pair in pairs if pair is not current],
            "norm": mentoring_norm_hours(),
        },
    )


def _session_values(form: SessionForm) -> dict:
    data = form.cleaned_data
    return {
        "date": data["date"],
        "duration_minutes": data["duration_minutes"],
        "format": data["format"],
        "topics": data["topics"],
        "agreed_actions": data["agreed_actions"],
    }


@login_required
def session_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the pair's mentor log a meeting."""
    pair = pair_for(request.user, pk)
    if not access.is_mentor_of_pair(request.user, pair):
        raise Http404
    if pair.status != MentorshipStatus.ACTIVE:
        messages.error(request, "Встречи записывают только в действующей паре.")
        return redirect("development:pair_detail", pk=pair.pk)
    form = SessionForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        logged = attempt(
            request,
            lambda: session_create(
                mentorship=pair,
                competencies=form.cleaned_data["competencies"],
                actor=request.user,
                request=request,
                **_session_values(form),
            ),
            "Встреча записана и ждёт подтверждения наставляемого.",
        )
        if logged is not None:
            return redirect("development:pair_detail", pk=pair.pk)
    return render(
        request,
        "development/mentoring/session_form.html",
        {"form": form, "pair": pair, "session": None},
    )


def _session_for(user, pk: int, **mine) -> MentoringSession:
    return get_object_or_404(
        access.sessions_visible_to(user)
        .filter(**mine)
        .select_related("mentorship__mentor__user", "mentorship__mentee"),
        pk=pk,
    )


@login_required
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the mentor correct a meeting the mentee has not answered yet."""
    session = _session_for(request.user, pk, mentorship__mentor__user=request.user)
    pair = session.mentorship
    if not access.can_edit_session(request.user, session):
        messages.error(
            request, f"Встреча уже {session.get_confirmation_display()}: исправить её нельзя."
        )
        return redirect("development:pair_detail", pk=pair.pk)
    initial = {
        "date": session.date,
        "duration_minutes": session.duration_minutes,
        "format": session.format,
        "topics": session.topics,
        "agreed_actions": session.agreed_actions,
        "competencies": list(session.competencies.all()),
    }
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        corrected = attempt(
            request,
            lambda: session_update(
                session=session,
                competencies=form.cleaned_data["competencies"],
                actor=request.user,
                request=request,
                **_session_values(form),
            ),
            "Встреча исправлена.",
        )
        if corrected is not None:
            return redirect("development:pair_detail", pk=pair.pk)
    return render(
        request,
        "development/mentoring/session_form.html",
        {"form": form, "pair": pair, "session": session},
    )


@login_required
def session_answer_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the mentee confirm and rate a meeting, or dispute it with a comment."""
    session = _session_for(request.user, pk, mentorship__mentee__user=request.user)
    if not access.can_answer_session(request.user, session):
        messages.info(
            request, f"На эту встречу вы уже ответили: {session.get_confirmation_display()}."
        )
        return redirect("development:my_mentor")
    form = SessionAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            answered = session_answer(
                session=session,
                confirmed=data["decision"] == CONFIRM,
                usefulness=data["usefulness"],
                comment=data["comment"],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(
                request, f"Спасибо, ответ сохранён: встреча {answered.get_confirmation_display()}."
            )
            return redirect("development:my_mentor")
    return render(
        request,
        "development/mentoring/session_answer.html",
        {"form": form, "session": session, "pair": session.mentorship},
    )

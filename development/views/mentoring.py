"""Mentoring for staff: the mentor registry, matching one reservist or a cohort, the pairs."""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.access import bound_municipality_id, is_region_wide
from audit.services import personal_data_access_log
from candidates.exports import log_export_access
from candidates.models import ReserveMembership
from core.views import show_errors
from development import access, matching
from development.forms_mentoring import (
    BulkFilterForm,
    MentorFilterForm,
    MentorForm,
    MentorProfileForm,
    ProposeForm,
)
from development.models import Mentor
from development.selectors_mentoring import (
    for_matching,
    kind_names,
    mentees_of,
    mentor_candidates,
    neighbour_set,
    open_pair_of,
    with_load,
    without_open_pair,
)
from development.services.mentoring import (
    BulkPair,
    mentor_create,
    mentor_update,
    mentorship_propose,
    mentorships_create_bulk,
)
from registry.models import Municipality

PAGE_SIZE = 50
T = TypeVar("T")


def attempt(request: HttpRequest, action: Callable[[], T], success: str) -> T | None:
    """Run a service call; show its refusal, or the success message, as page messages."""
    try:
        result = action()
    except ValidationError as error:
        show_errors(request, error)
        return None
    messages.success(request, success)
    return result


def require(allowed: bool) -> None:
    """Answer 404 unless the policy allows."""
    if not allowed:
        raise Http404


# --- The registry ----------------------------------------------------------------------------


def _filtered_mentors(mentors: QuerySet[Mentor], data: dict) -> QuerySet[Mentor]:
    if data.get("municipality"):
        mentors = mentors.filter(organization__municipality=data["municipality"])
    if data.get("kind"):
        mentors = mentors.filter(organization__kind=data["kind"])
    if data.get("competency"):
        mentors = mentors.filter(
            strengths__competency=data["competency"],
            strengths__level__gte=data.get("min_level") or 1,
        )
    if data.get("free"):
        mentors = mentors.filter(is_available=True, load__lt=F("capacity"))
    return mentors


@login_required
def mentor_list(request: HttpRequest) -> HttpResponse:
    """List the mentors of the user's territory with filters."""
    require(access.can_manage_mentors(request.user))
    form = MentorFilterForm(request.GET or None, region_wide=is_region_wide(request.user))
    mentors = with_load(access.mentors_visible_to(request.user))
    if form.is_bound:
        mentors = (
            _filtered_mentors(mentors, form.cleaned_data) if form.is_valid() else mentors.none()
        )
    mentors = (
        mentors.select_related("user", "organization__municipality")
        .prefetch_related("strengths__competency")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    page = Paginator(mentors, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "development/mentoring/mentor_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "show_municipality": is_region_wide(request.user),
            "kind_names": kind_names(),
        },
    )


@login_required
def mentor_create_view(request: HttpRequest) -> HttpResponse:
    """Add a mentor to the registry."""
    require(access.can_manage_mentors(request.user))
    form = MentorForm(request.POST or None, municipality_id=bound_municipality_id(request.user))
    if request.method == "POST" and form.is_valid():
        mentor = attempt(
            request,
            lambda: mentor_create(
                user=form.cleaned_data["user"],
                strengths=form.strengths(),
                actor=request.user,
                request=request,
                **form.record(),
            ),
            "Наставник внесён в реестр.",
        )
        if mentor is not None:
            return redirect("development:mentor_detail", pk=mentor.pk)
    return render(request, "development/mentoring/mentor_form.html", {"form": form, "mentor": None})


def _mentor_for(user, pk: int) -> Mentor:
    return get_object_or_404(
        with_load(access.mentors_visible_to(user)).select_related(
            "user", "organization__municipality"
        ),
        pk=pk,
    )


@login_required
def mentor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a mentor: workplace, experience, strengths, load and the pairs the user may see."""
    mentor = _mentor_for(request.user, pk)
    strengths = mentor.strengths.select_related("competency").order_by(
        "-level", "competency__sort_order"
    )
    pairs = (
        access.mentorships_visible_to(request.user)
        .filter(mentor=mentor)
        .select_related("mentee", "membership__municipality")
        .order_by("-created_at")
    )
    return render(
        request,
        "development/mentoring/mentor_detail.html",
        {
            "mentor": mentor,
            "strengths": strengths,
            "pairs": pairs,
            "kind_names": kind_names(),
            "can_edit": access.can_edit_mentor(request.user, mentor),
            "is_own": mentor.user_id == request.user.pk,
        },
    )


@login_required
def mentor_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a mentor's record (staff of the mentor's territory)."""
    mentor = _mentor_for(request.user, pk)
    require(access.can_edit_mentor(request.user, mentor))
    form = MentorForm(
        request.POST or None, mentor=mentor, municipality_id=bound_municipality_id(request.user)
    )
    if request.method == "POST" and form.is_valid():
        updated = attempt(
            request,
            lambda: mentor_update(
                mentor=mentor,
                strengths=form.strengths(),
                actor=request.user,
                request=request,
                **form.record(),
            ),
            "Изменения сохранены.",
        )
        if updated is not None:
            return redirect("development:mentor_detail", pk=mentor.pk)
    return render(
        request, "development/mentoring/mentor_form.html", {"form": form, "mentor": mentor}
    )


@login_required
def mentor_profile(request: HttpRequest) -> HttpResponse:
    """Let a mentor say whether they take mentees now and what they are strong in."""
    require(access.can_edit_own_mentor_profile(request.user))
    mentor = _mentor_for(request.user, Mentor.objects.get(user=request.user).pk)
    form = MentorProfileForm(request.POST or None, mentor=mentor)
    if request.method == "POST" and form.is_valid():
        mentor_update(
            mentor=mentor,
            is_available=form.cleaned_data["is_available"],
            about=form.cleaned_data["about"],
            strengths=form.strengths(),
            actor=request.user,
            request=request,
        )
        messages.success(request, "Профиль наставника сохранён.")
        return redirect("development:mentor_profile")
    return render(
        request, "development/mentoring/mentor_profile.html", {"form": form, "mentor": mentor}
    )


# --- Matching --------------------------------------------------------------------------------


@login_required
def match_list(request: HttpRequest) -> HttpResponse:
    """List the reservists of the user's territory who have no mentor, to match one by one."""
    require(access.can_match(request.user))
    memberships = without_open_pair(access.memberships_to_match(request.user))
    search = request.GET.get("q", "").strip()
    if search:
        memberships = memberships.filter(
            Q(candidate__last_name__icontains=search) | Q(candidate__first_name__icontains=search)
        )
    municipality = None
    if is_region_wide(request.user) and request.GET.get("municipality", "").isdigit():
        municipality = Municipality.objects.filter(pk=request.GET["municipality"]).first()
        if municipality is not None:
            memberships = memberships.filter(municipality=municipality)
    page = Paginator(for_matching(memberships), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "development/mentoring/match_list.html",
        {
            "page": page,
            "search": search,
            "municipality": municipality,
            "municipalities": Municipality.objects.order_by("name")
            if is_region_wide(request.user)
            else None,
            "query": query.urlencode(),
        },
    )


def _membership_for(user, pk: int) -> ReserveMembership:
    return get_object_or_404(for_matching(access.memberships_to_match(user)), pk=pk)


@login_required
def match_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Rank the region's mentors for one reservist, each score explained line by line."""
    require(access.can_match(request.user))
    membership = _membership_for(request.user, pk)
    personal_data_access_log(
        actor=request.user,
        subject=membership.candidate,
        purpose="подбор наставника",
        request=request,
    )
    (mentee,) = mentees_of([membership])
    open_pair = open_pair_of(membership)
    matches, excluded = [], []
    if open_pair is None and membership.status == "active":
        matches, excluded = matching.rank(
            mentee, mentor_candidates(Mentor.objects.all()), neighbour_set(), kind_names()
        )
    visible_mentors = set(access.mentors_visible_to(request.user).values_list("pk", flat=True))
    return render(
        request,
        "development/mentoring/match_detail.html",
        {
            "membership": membership,
            "mentee": mentee,
            "open_pair": open_pair,
            "matches": matches,
            "excluded": excluded,
            "visible_mentors": visible_mentors,
            "form": ProposeForm(),
        },
    )


@login_required
@require_POST
def match_propose(request: HttpRequest, pk: int) -> HttpResponse:
    """Propose the pair of the reservist and the chosen mentor."""
    require(access.can_match(request.user))
    membership = _membership_for(request.user, pk)
    form = ProposeForm(request.POST)
    mentor = None
    if form.is_valid():
        mentor = Mentor.objects.filter(pk=form.cleaned_data["mentor"]).first()
    if mentor is None:
        messages.error(request, "Выберите наставника из списка.")
        return redirect("development:match_detail", pk=membership.pk)
    try:
        pair = mentorship_propose(
            membership=membership,
            mentor=mentor,
            goals=form.cleaned_data["goals"],
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        show_errors(request, error)
        return redirect("development:match_detail", pk=membership.pk)
    messages.success(
        request,
        "Пара предложена и занимает место у наставника. Подтвердите её, когда договоритесь.",
    )
    return redirect("development:pair_detail", pk=pair.pk)


def _bulk_municipality(
    request: HttpRequest, data
) -> tuple[Municipality | None, BulkFilterForm | None]:
    """Return the cohort's municipality: the coordinator's own, or the ministry's choice."""
    bound = bound_municipality_id(request.user)
    if bound is not None:
        return Municipality.objects.get(pk=bound), None
    form = BulkFilterForm(data if data.get("municipality") else None)
    if form.is_bound and form.is_valid():
        return form.cleaned_data["municipality"], form
    return None, form


def _proposal(user, municipality: Municipality) -> matching.Proposal:
    cohort = list(
        for_matching(
            without_open_pair(access.memberships_to_match(user).filter(municipality=municipality))
        )
    )
    return matching.assign(
        mentees_of(cohort), mentor_candidates(Mentor.objects.all()), neighbour_set(), kind_names()
    )


@login_required
def bulk_match(request: HttpRequest) -> HttpResponse:
    """Propose mentors for all of a municipality's reservists without one; confirm all at once."""
    require(access.can_match(request.user))
    data = request.POST if request.method == "POST" else request.GET
    municipality, form = _bulk_municipality(request, data)
    if request.method == "POST" and municipality is not None:
        pairs = []
        for value in request.POST.getlist("pair"):
            membership_id, _, mentor_id = value.partition(":")
            if membership_id.isdigit() and mentor_id.isdigit():
                pairs.append(BulkPair(int(membership_id), int(mentor_id)))
        try:
            created = mentorships_create_bulk(
                pairs=pairs,
                allowed_memberships=access.memberships_to_match(request.user).filter(
                    municipality=municipality
                ),
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            messages.error(request, "Пары не созданы: предложение устарело. Проверьте новое.")
            show_errors(request, error)
        else:
            messages.success(
                request,
                f"Создано пар: {len(created)}. Наставникам и резервистам отправлены письма.",
            )
            return redirect(
                f"{reverse('development:pair_list')}?status=active&municipality={municipality.pk}"
            )
    proposal = _proposal(request.user, municipality) if municipality is not None else None
    if proposal is not None:
        shown = [mentee for mentee, _ in proposal.pairs] + [m for m, _ in proposal.unassigned]
        log_export_access(
            actor=request.user,
            candidate_ids=list(
                ReserveMembership.objects.filter(
                    pk__in=[mentee.key for mentee in shown]
                ).values_list("candidate_id", flat=True)
            ),
            purpose="подбор наставников для группы",
            request=request,
        )
    return render(
        request,
        "development/mentoring/bulk_match.html",
        {
            "form": form,
            "municipality": municipality,
            "proposal": proposal,
        },
    )

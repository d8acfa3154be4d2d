"""Matching for staff: mentors ranked for one reservist, a whole cohort proposed at once."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.access import bound_municipality_id
from audit.services import personal_data_access_log
from candidates.exports import log_export_access
from candidates.models import MembershipStatus, ReserveMembership
from candidates.selectors import search_by_candidate_name
from core.views import parse_id, query_id, show_errors
from development import access
from development.mentoring import matching
from development.mentoring.forms import (
    BulkFilterForm,
    ProposeForm,
)
from development.mentoring.selectors import (
    for_matching,
    kind_names,
    mentees_of,
    mentor_candidates,
    neighbour_set,
    open_pair_of,
    without_open_pair,
)
from development.mentoring.services.pairs import (
    BulkPair,
    mentorship_propose,
    mentorships_create_bulk,
)
from development.mentoring.views.common import PAGE_SIZE, require
from development.models import Mentor
from registry.models import Municipality


@login_required
def match_list(request: HttpRequest) -> HttpResponse:
    """List the reservists of the user's territory who have no mentor, to match one by one."""
    require(access.can_match(request.user))
    memberships = without_open_pair(access.memberships_to_match(request.user))
    search = request.GET.get("q", "").strip()
    memberships = search_by_candidate_name(memberships, search)
    municipality = None
    chosen = query_id(request, "municipality")
    if access.works_region_wide(request.user) and chosen is not None:
        municipality = Municipality.objects.filter(pk=chosen).first()
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
            if access.works_region_wide(request.user)
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
    if open_pair is None and membership.status == MembershipStatus.ACTIVE:
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
            membership_key, mentor_key = parse_id(membership_id), parse_id(mentor_id)
            if membership_key is not None and mentor_key is not None:
                pairs.append(BulkPair(membership_key, mentor_key))
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

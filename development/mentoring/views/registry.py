"""The mentor registry for staff: the list with filters, a mentor's record, the own profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from development import access
from development.mentoring.forms import (
    MentorFilterForm,
    MentorForm,
    MentorProfileForm,
)
from development.mentoring.selectors import (
    kind_names,
    with_load,
)
from development.mentoring.services.registry import mentor_create, mentor_update
from development.mentoring.views.common import PAGE_SIZE, attempt, require
from development.models import Mentor
from registry.access import organizations_to_choose


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
    form = MentorFilterForm(request.GET or None, region_wide=access.works_region_wide(request.user))
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
            "show_municipality": access.works_region_wide(request.user),
            "kind_names": kind_names(),
        },
    )


@login_required
def mentor_create_view(request: HttpRequest) -> HttpResponse:
    """Add a mentor to the registry."""
    require(access.can_manage_mentors(request.user))
    form = MentorForm(request.POST or None, organizations=organizations_to_choose(request.user))
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
            "is_own": access.is_own_mentor_record(request.user, mentor),
        },
    )


@login_required
def mentor_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a mentor's record (staff of the mentor's territory)."""
    mentor = _mentor_for(request.user, pk)
    require(access.can_edit_mentor(request.user, mentor))
    form = MentorForm(
        request.POST or None, mentor=mentor, organizations=organizations_to_choose(request.user)
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

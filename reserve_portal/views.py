"""The portal's entry: the home page of each role, and the error pages in Russian.

The home pages gather panels from several apps (the registry's territory, governance's record),
so they live here, where the apps are wired together, rather than in any one app.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import path
from django.utils import timezone

from accounts import selectors
from accounts.access import can_manage_users, has_role, role_of
from accounts.models import Role
from assessment.models import ExpertAssignment
from audit.admin import actor_label, object_type_label
from audit.models import AuditEvent, audit_action_label
from candidates.access import meetings_visible_to, nominations_visible_to
from candidates.models import MeetingStatus
from candidates.selectors_commission import candidate_memberships
from development.models import (
    MentoringSession,
    Mentorship,
    MentorshipStatus,
    SessionConfirmation,
)
from governance.access import can_view_audit_log, can_view_personal_data_log
from governance.selectors import regulation_in_force
from monitoring.indicators.home import home_dashboard
from onboarding.overview import stage_overview
from registry.access import can_choose_municipality
from registry.selectors import territory_overview
from reserve_portal.next_steps import next_steps_for

RECENT_AUDIT_LIMIT = 10

# Where each role starts its work. Later stages replace these targets with their own pages.
ROLE_HOME_URL_NAMES = {
    Role.ADMIN: "accounts:home_admin",
    Role.MINISTRY: "accounts:home_ministry",
    Role.MUNICIPAL: "accounts:home_municipal",
    Role.EXPERT: "accounts:home_expert",
    Role.MENTOR: "accounts:home_mentor",
    Role.CANDIDATE: "accounts:home_candidate",
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send the user to the home page of their role."""
    return redirect(ROLE_HOME_URL_NAMES[role_of(request.user)])


def _require_role(request: HttpRequest, role: Role) -> None:
    if not has_role(request.user, role):
        raise Http404


def _render_home(request: HttpRequest, role: Role, context: dict) -> HttpResponse:
    return render(
        request,
        f"accounts/home_{role.value}.html",
        {"role_label": role.label, "profile_user": request.user, **context},
    )


def _territory_context(request: HttpRequest) -> dict:
    today = timezone.localdate()
    return {
        "overview": territory_overview(request.user, today=today),
        "show_municipality_breakdown": can_choose_municipality(request.user),
        "can_view_audit_log": can_view_audit_log(request.user),
        "onboarding": stage_overview(request.user, today=today),
    }


def recent_audit_events(*, limit: int = RECENT_AUDIT_LIMIT) -> list[AuditEvent]:
    """Return the latest audit events with their actors, described in Russian."""
    events = list(AuditEvent.objects.select_related("actor")[:limit])
    for event in events:
        event.action_label = (
            f"{audit_action_label(event.action)}: {object_type_label(event.object_type)}"
        )
        event.actor_label = actor_label(event.actor)
    return events


@login_required
def home_admin(request: HttpRequest) -> HttpResponse:
    """Show the administrator what the portal holds and what changed lately."""
    _require_role(request, Role.ADMIN)
    return _render_home(
        request,
        Role.ADMIN,
        {
            "portal": selectors.portal_overview(),
            "recent_events": recent_audit_events(),
            "can_manage_users": can_manage_users(request.user),
            "can_view_audit_log": can_view_audit_log(request.user),
            "can_view_personal_data_log": can_view_personal_data_log(request.user),
        },
    )


def _dashboard_context(request: HttpRequest) -> dict:
    return home_dashboard(
        request.user, period_key=request.GET.get("period"), today=timezone.localdate()
    )


@login_required
def home_ministry(request: HttpRequest) -> HttpResponse:
    """Show the region's dashboard: every municipality side by side, what needs attention."""
    _require_role(request, Role.MINISTRY)
    context = {**_territory_context(request), **_dashboard_context(request)}
    return _render_home(request, Role.MINISTRY, context)


@login_required
def home_municipal(request: HttpRequest) -> HttpResponse:
    """Show the coordinator's municipality against the region, and what needs attention."""
    _require_role(request, Role.MUNICIPAL)
    context = {**_territory_context(request), **_dashboard_context(request)}
    context["municipality"] = request.user.municipality
    return _render_home(request, Role.MUNICIPAL, context)


@login_required
def home_expert(request: HttpRequest) -> HttpResponse:
    """Show the expert's profile, ratings still to give and the coming commission meetings."""
    _require_role(request, Role.EXPERT)
    assignments = ExpertAssignment.objects.filter(expert=request.user)
    context = {
        "ratings_open": assignments.filter(submitted_at__isnull=True).count(),
        "ratings_done": assignments.filter(submitted_at__isnull=False).count(),
        "meetings_planned": meetings_visible_to(request.user)
        .filter(status=MeetingStatus.PLANNED)
        .count(),
    }
    return _render_home(request, Role.EXPERT, context)


@login_required
def home_mentor(request: HttpRequest) -> HttpResponse:
    """Show the mentor's profile, their mentees and the meetings awaiting confirmation."""
    _require_role(request, Role.MENTOR)
    pairs = Mentorship.objects.filter(mentor__user=request.user)
    context = {
        "has_mentor_profile": hasattr(request.user, "mentor_profile"),
        "mentees_active": pairs.filter(status=MentorshipStatus.ACTIVE).count(),
        "mentees_proposed": pairs.filter(status=MentorshipStatus.PROPOSED).count(),
        "sessions_pending": MentoringSession.objects.filter(
            mentorship__in=pairs, confirmation=SessionConfirmation.PENDING
        ).count(),
    }
    return _render_home(request, Role.MENTOR, context)


@login_required
def home_candidate(request: HttpRequest) -> HttpResponse:
    """Show the candidate what to do next, their profile and their applications to the reserve."""
    _require_role(request, Role.CANDIDATE)
    nominations = (
        nominations_visible_to(request.user).select_related("position_kind").order_by("-created_at")
    )
    candidate = getattr(request.user, "candidate", None)
    memberships = (
        candidate_memberships(candidate, regulation_in_force()) if candidate is not None else []
    )
    return _render_home(
        request,
        Role.CANDIDATE,
        {
            "nominations": nominations,
            "memberships": memberships,
            "next_steps": next_steps_for(request.user, today=timezone.localdate()),
        },
    )


# Joined to accounts' routes under its namespace, so the names stay `accounts:home_<role>`.
role_home_urlpatterns = [
    path("home/admin/", home_admin, name="home_admin"),
    path("home/ministry/", home_ministry, name="home_ministry"),
    path("home/municipal/", home_municipal, name="home_municipal"),
    path("home/expert/", home_expert, name="home_expert"),
    path("home/mentor/", home_mentor, name="home_mentor"),
    path("home/candidate/", home_candidate, name="home_candidate"),
]


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Render the Russian «access denied» page."""
    return render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Render the Russian «page not found» page."""
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Render the Russian «server error» page without the request context.

    The failure may be the database itself, so nothing here may touch it: no session, no user,
    no context processors.
    """
    return HttpResponseServerError(loader.get_template("errors/500.html").render())

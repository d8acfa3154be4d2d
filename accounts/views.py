"""Sign-in and password pages, and the home page of each role."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone

from accounts import selectors
from accounts.access import can_manage_users, has_role, is_region_wide
from accounts.forms import LoginForm, PortalPasswordChangeForm, PortalSetPasswordForm
from accounts.models import Role
from accounts.russian import reset_link_lifetime
from governance.access import can_view_audit_log, can_view_personal_data_log


class PortalLoginView(auth_views.LoginView):
    """Sign in; `next` is followed only when it points inside the portal."""

    template_name = "registration/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True


class PortalLogoutView(auth_views.LogoutView):
    """Sign out (POST only) and return to the sign-in page."""


class PortalPasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    form_class = PortalPasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "request": self.request}


class PortalPasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "registration/password_change_done.html"


class PortalPasswordResetView(auth_views.PasswordResetView):
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        self.extra_email_context = {
            "link_lifetime": reset_link_lifetime(settings.PASSWORD_RESET_TIMEOUT)
        }
        return super().form_valid(form)


class PortalPasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"

    def get_context_data(self, **kwargs) -> dict:
        lifetime = reset_link_lifetime(settings.PASSWORD_RESET_TIMEOUT)
        return {**super().get_context_data(**kwargs), "link_lifetime": lifetime}


class PortalPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    form_class = PortalSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "request": self.request}


class PortalPasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


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
    return {
        "overview": selectors.territory_overview(request.user, today=timezone.localdate()),
        "show_municipality_breakdown": is_region_wide(request.user),
        "can_view_audit_log": can_view_audit_log(request.user),
    }


@login_required
def home_admin(request: HttpRequest) -> HttpResponse:
    """Show the administrator what the portal holds and what changed lately."""
    _require_role(request, Role.ADMIN)
    return _render_home(
        request,
        Role.ADMIN,
        {
            "portal": selectors.portal_overview(),
            "recent_events": selectors.recent_audit_events(),
            "can_manage_users": can_manage_users(request.user),
            "can_view_audit_log": can_view_audit_log(request.user),
            "can_view_personal_data_log": can_view_personal_data_log(request.user),
        },
    )


@login_required
def home_ministry(request: HttpRequest) -> HttpResponse:
    """Show the region: organizations by municipality and kind, early vacancy signals."""
    _require_role(request, Role.MINISTRY)
    return _render_home(request, Role.MINISTRY, _territory_context(request))


@login_required
def home_municipal(request: HttpRequest) -> HttpResponse:
    """Show the coordinator's own municipality: its organizations and vacancy signals."""
    _require_role(request, Role.MUNICIPAL)
    context = _territory_context(request)
    context["municipality"] = request.user.municipality
    return _render_home(request, Role.MUNICIPAL, context)


@login_required
def home_expert(request: HttpRequest) -> HttpResponse:
    """Show the expert's profile and what the assessment stage will bring here."""
    _require_role(request, Role.EXPERT)
    return _render_home(request, Role.EXPERT, {})


@login_required
def home_mentor(request: HttpRequest) -> HttpResponse:
    """Show the mentor's profile and what the development stage will bring here."""
    _require_role(request, Role.MENTOR)
    return _render_home(request, Role.MENTOR, {})


@login_required
def home_candidate(request: HttpRequest) -> HttpResponse:
    """Show the candidate's profile and what the selection stage will bring here."""
    _require_role(request, Role.CANDIDATE)
    return _render_home(request, Role.CANDIDATE, {})

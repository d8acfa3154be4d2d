"""Sign-in pages and the home page of each role (fleshed out by the accounts UI work)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import has_role
from accounts.models import Role


class PortalLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PortalLogoutView(auth_views.LogoutView):
    pass


def _role_home(request: HttpRequest, role: Role) -> HttpResponse:
    if not has_role(request.user, role):
        raise Http404
    return render(request, f"accounts/home_{role.value}.html", {"role": role})


@login_required
def home_admin(request: HttpRequest) -> HttpResponse:
    return _role_home(request, Role.ADMIN)


@login_required
def home_ministry(request: HttpRequest) -> HttpResponse:
    return _role_home(request, Role.MINISTRY)


@login_required
def home_municipal(request: HttpRequest) -> HttpResponse:
    return _role_home(request, Role.MUNICIPAL)


@login_required
def home_expert(request: HttpRequest) -> HttpResponse:
    return _role_home(request, Role.EXPERT)


@login_required
def home_mentor(request: HttpRequest) -> HttpResponse:
    return _role_home(request, Role.MENTOR)


@login_required
def home_candidate(request: HttpRequest) -> HttpResponse:
    return _role_home(request, Role.CANDIDATE)

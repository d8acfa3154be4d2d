"""The portal's entry: each role lands on its own home page; error pages in Russian."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader

from accounts.access import role_of
from accounts.models import Role

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

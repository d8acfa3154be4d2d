"""Ask a person to accept a newly published consent text at the start of their next visit.

A visit starts on the home page (every sign-in lands there); the check runs there once per
session, so the other pages never pay its queries.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from governance.consent import consents_to_renew

# Asked once per session: «at the next visit», not on every click.
SESSION_KEY = "consent_renewal_checked"


class ConsentRenewalMiddleware:
    """Send a person who consented to an older text to the renewal page, once a session."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            request.method == "GET"
            and request.path == reverse("home")
            and user is not None
            and user.is_authenticated
            and not request.session.get(SESSION_KEY)
        ):
            request.session[SESSION_KEY] = True
            if consents_to_renew(user):
                return redirect(f"{reverse('governance:consent_renew')}?next={request.path}")
        return self.get_response(request)

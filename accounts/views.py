"""Sign-in and password pages; the role home pages live in reserve_portal.views."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy

from accounts import throttling
from accounts.forms import (
    LoginForm,
    PortalPasswordChangeForm,
    PortalPasswordResetForm,
    PortalSetPasswordForm,
    lockout_message,
)
from core.http import client_ip
from core.russian import quantity


def reset_link_lifetime(seconds: int) -> str:
    """Return how long a password-reset link lives, in hours (at least one)."""
    return quantity(max(seconds // 3600, 1), "час", "часа", "часов")


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
    """Send a reset link; the page never says whether the address has an account.

    Requests are limited per client address and per email address (counted whether or not an
    account exists, so the limit reveals nothing either).
    """

    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    form_class = PortalPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        window = settings.PASSWORD_RESET_LIMIT_WINDOW_SECONDS
        email = form.cleaned_data["email"].strip().casefold()
        allowed = throttling.rate_limit_hit(
            scope="password_reset_ip",
            key=client_ip(self.request) or "",
            limit=settings.PASSWORD_RESET_MAX_PER_ADDRESS,
            window_seconds=window,
        ) and throttling.rate_limit_hit(
            scope="password_reset_email",
            key=email,
            limit=settings.PASSWORD_RESET_MAX_PER_EMAIL,
            window_seconds=window,
        )
        if not allowed:
            form.add_error(
                None,
                "Слишком много запросов на восстановление пароля. Письмо со ссылкой уже могло "
                "прийти — проверьте почту, в том числе папку «Спам», или попробуйте через час.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
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


def lockout_response(
    request: HttpRequest, original_response=None, credentials=None
) -> HttpResponse:
    """Answer a sign-in that axes refused past the form: the sign-in page with the reason."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    lock = throttling.login_lock(request, username=username)
    minutes = lock.minutes_left(throttling._now()) if lock is not None else 1
    # An unbound form that carries the refusal: binding it would check the password again.
    form = LoginForm(request, initial={"username": username})
    form._errors = ErrorDict()
    form.cleaned_data = {}
    form.add_error(None, lockout_message(minutes))
    return render(request, "registration/login.html", {"form": form}, status=429)

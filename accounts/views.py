"""Sign-in and password pages; the role home pages live in reserve_portal.views."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpResponse
from django.urls import reverse_lazy

from accounts.forms import LoginForm, PortalPasswordChangeForm, PortalSetPasswordForm
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

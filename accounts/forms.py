"""Sign-in and password forms: Russian messages, throttling, passwords set through the service."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from accounts import services, throttling
from accounts.access import is_back_office
from accounts.models import Role, User
from core.russian import quantity

INVALID_LOGIN_MESSAGE = (
    "Неправильное имя пользователя или пароль. Проверьте раскладку клавиатуры и не нажата ли "
    "клавиша Caps Lock."
)
INACTIVE_MESSAGE = "Эта учётная запись отключена. Обратитесь к администратору портала."


def lockout_message(minutes: int) -> str:
    """Return the refusal shown while a sign-in is locked."""
    return (
        "Слишком много неудачных попыток входа. Вход с этого адреса под этим именем временно "
        f"заблокирован, попробуйте снова через {quantity(minutes, 'минуту', 'минуты', 'минут')}. "
        "Если вы забыли пароль, восстановите его или обратитесь к администратору портала."
    )


class ThrottledLoginMixin:
    """Refuse attempts while the username is locked from this address; axes counts failures."""

    request: HttpRequest | None
    cleaned_data: dict

    def clean(self) -> dict:
        username = self.cleaned_data.get("username") or ""
        if username and self.cleaned_data.get("password") and self.request is not None:
            lock = throttling.login_lock(self.request, username=username)
            if lock is not None:
                raise ValidationError(
                    lockout_message(lock.minutes_left(throttling._now())), code="throttled"
                )
        return super().clean()


class LoginForm(ThrottledLoginMixin, AuthenticationForm):
    error_messages = {"invalid_login": INVALID_LOGIN_MESSAGE, "inactive": INACTIVE_MESSAGE}

    def __init__(self, request: HttpRequest | None = None, *args, **kwargs) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Имя пользователя или email"
        self.fields["password"].label = "Пароль"
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})


class AdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    """The admin's own sign-in form, throttled like the portal's."""

    error_messages = {
        "invalid_login": INVALID_LOGIN_MESSAGE,
        "inactive": INACTIVE_MESSAGE,
        "not_back_office": "У этой учётной записи нет доступа к администрированию портала.",
    }

    def confirm_login_allowed(self, user: User) -> None:
        """Refuse accounts whose role does not work in the back office, saying so."""
        AuthenticationForm.confirm_login_allowed(self, user)
        if not is_back_office(user):
            raise ValidationError(self.error_messages["not_back_office"], code="not_back_office")


class AuditedPasswordMixin:
    """Save the new password through the service, which validates it and writes the audit."""

    user: User
    cleaned_data: dict

    def __init__(self, *args, request: HttpRequest | None = None, **kwargs) -> None:
        self.request = request
        super().__init__(*args, **kwargs)

    def save(self, commit: bool = True) -> User:
        services.user_set_password(
            user=self.user,
            password=self.cleaned_data["new_password1"],
            actor=self.user,
            request=self.request,
        )
        return self.user


class PortalPasswordChangeForm(AuditedPasswordMixin, PasswordChangeForm):
    pass


class PortalSetPasswordForm(AuditedPasswordMixin, SetPasswordForm):
    pass


class PortalPasswordResetForm(PasswordResetForm):
    """Django's reset form that also reaches a candidate invited by a nominator.

    An invited candidate has no password until they follow the invitation; once that link
    expired, «Забыли пароль?» is how they get a new one. Staff whose password an administrator
    disabled stay out of reach, as in Django.
    """

    def get_users(self, email: str):
        for user in User.objects.filter(email__iexact=email, is_active=True):
            if user.has_usable_password() or user.role == Role.CANDIDATE:
                yield user


class TwoFactorCodeForm(forms.Form):
    """A six-digit code from the authenticator app, or a backup code."""

    code = forms.CharField(
        label="Код подтверждения",
        max_length=32,
        help_text="Шесть цифр из приложения-аутентификатора или один из резервных кодов.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

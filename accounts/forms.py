"""Sign-in and password forms: Russian messages, throttling, passwords set through the service."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from accounts import services, throttling
from accounts.access import is_back_office
from accounts.models import User
from core.http import client_ip
from core.russian import quantity

INVALID_LOGIN_MESSAGE = (
    "Неправильное имя пользователя или пароль. Проверьте раскладку клавиатуры и не нажата ли "
    "клавиша Caps Lock."
)
INACTIVE_MESSAGE = "Эта учётная запись отключена. Обратитесь к администратору портала."


class ThrottledLoginMixin:
    """Refuse attempts while the username or address is locked; count the failures."""

    request: HttpRequest | None
    cleaned_data: dict
    user_cache: User | None

    def clean(self) -> dict:
        username = self.cleaned_data.get("username") or ""
        ip_address = client_ip(self.request)
        if username and self.cleaned_data.get("password"):
            lock = throttling.login_lock(username=username, ip_address=ip_address)
            if lock is not None:
                minutes = lock.minutes_left(throttling._now())
                raise ValidationError(
                    "Слишком много неудачных попыток входа. Вход временно заблокирован, "
                    f"попробуйте снова через {quantity(minutes, 'минуту', 'минуты', 'минут')}.",
                    code="throttled",
                )
        try:
            cleaned_data = super().clean()
        except ValidationError:
            # A wrong password, not a refusal of a correct one (inactive, not staff).
            if username and self.user_cache is None:
                throttling.login_failure_record(username=username, ip_address=ip_address)
            raise
        throttling.login_failures_clear(username=username)
        return cleaned_data


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

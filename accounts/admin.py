"""Back office for accounts: users and roles, every change through accounts.services."""

from contextvars import ContextVar

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.http import HttpRequest, HttpResponse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import access, services, two_factor
from accounts.forms import AdminLoginForm
from accounts.models import User
from audit.models import AuditSource
from audit.services import personal_data_access_log
from core.admin_base import PolicyAdmin

# The admin signs in through the same throttled form as the portal.
admin.site.login_form = AdminLoginForm
# Access follows roles (accounts.access), not Django groups; the groups page would only mislead.
admin.site.unregister(Group)
# django-otp's own pages show every user's secret key and QR code: whoever saw them could pass
# anyone's second factor. The user page's «Сбросить двухфакторный вход» is the only admin tool.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)

# Django builds the admin's password form without the request; the view puts it here so the
# form can name the acting user in the audit. A ContextVar keeps concurrent requests apart.
_admin_request: ContextVar[HttpRequest | None] = ContextVar("admin_request", default=None)


PERSONAL_FIELDS = ["last_name", "first_name", "middle_name", "email", "phone"]
ROLE_FIELDS = ["role", "municipality"]


class UserCreateForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ["username", *PERSONAL_FIELDS, *ROLE_FIELDS]


class UserEditForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = ["password", *PERSONAL_FIELDS, *ROLE_FIELDS, "is_active"]


class UserPasswordForm(AdminPasswordChangeForm):
    """The admin's password form, saved through the audited service."""

    def save(self, commit: bool = True) -> User:
        request = _admin_request.get()
        usable = self.cleaned_data.get("set_usable_password", True)
        services.user_set_password(
            user=self.user,
            password=self.cleaned_data["password1"] if usable else None,
            actor=request.user if request is not None else None,
            source=AuditSource.ADMIN,
            request=request,
        )
        return self.user


@admin.register(User)
class UserAdmin(PolicyAdmin, DjangoUserAdmin):
    name_accusative = "пользователя"
    visible_to = access.users_visible_to
    may_view = access.can_view_users
    may_change = access.can_manage_users

    form = UserEditForm
    add_form = UserCreateForm
    change_password_form = UserPasswordForm
    list_display = ["username", "full_name", "role", "municipality", "email", "is_active"]
    list_select_related = ["municipality"]
    list_filter = ["role", ("municipality", admin.RelatedOnlyFieldListFilter), "is_active"]
    search_fields = ["username", "last_name", "first_name", "middle_name", "email"]
    ordering = ["last_name", "first_name", "username"]
    autocomplete_fields = ["municipality"]
    readonly_fields = ["username", "last_login", "date_joined"]
    filter_horizontal = []
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Личные данные", {"fields": PERSONAL_FIELDS}),
        (
            "Роль и доступ",
            {
                "fields": [*ROLE_FIELDS, "is_active"],
                "description": "Муниципальный координатор видит только данные своего "
                "муниципального образования; для него МО обязательно.",
            },
        ),
        ("Даты", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["username", "usable_password", "password1", "password2"]}),
        ("Личные данные", {"fields": PERSONAL_FIELDS}),
        ("Роль и доступ", {"fields": ROLE_FIELDS}),
    ]

    actions = ["reset_two_factor"]

    @admin.action(description="Сбросить двухфакторный вход", permissions=["change"])
    def reset_two_factor(self, request: HttpRequest, queryset) -> None:
        """Remove the authenticator apps and backup codes: they enrol again at the next sign-in."""
        users = list(queryset)
        for user in users:
            two_factor.two_factor_reset(
                user=user, actor=request.user, source=AuditSource.ADMIN, request=request
            )
        names = ", ".join(user.username for user in users)
        self.message_user(
            request,
            f"Двухфакторный вход сброшен: {names}. При следующем входе приложение "
            "подключается заново.",
        )

    @admin.display(description="ФИО", ordering="last_name")
    def full_name(self, user: User) -> str:
        return user.get_full_name() or "—"

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> list[str]:
        # The username is chosen once, on the add page.
        return [] if obj is None else list(self.readonly_fields)

    def save_model(self, request: HttpRequest, obj: User, form, change: bool) -> None:
        data = form.cleaned_data
        if not change:
            usable = data.get("set_usable_password", True)
            created = services.user_create(
                username=data["username"],
                password=data.get("password1") if usable else None,
                role=data["role"],
                municipality=data.get("municipality"),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
                middle_name=data.get("middle_name", ""),
                email=data.get("email", ""),
                phone=data.get("phone", ""),
                actor=request.user,
                source=AuditSource.ADMIN,
                request=request,
            )
            # The admin goes on with `obj` (its history entry, the redirect): make it the row.
            obj.pk = created.pk
            obj._state.adding = False
            obj._state.db = created._state.db
            return
        services.user_update(
            user=obj,
            data={name: data[name] for name in services.PROFILE_FIELDS if name in data},
            actor=request.user,
            source=AuditSource.ADMIN,
            request=request,
        )
        services.user_set_role(
            user=obj,
            role=data["role"],
            municipality=data.get("municipality"),
            actor=request.user,
            source=AuditSource.ADMIN,
            request=request,
        )

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        subject = getattr(response, "context_data", {}).get("original")
        if request.method == "GET" and response.status_code == 200 and subject is not None:
            personal_data_access_log(
                actor=request.user,
                subject=subject,
                purpose="карточка пользователя в администрировании",
                request=request,
            )
        return response

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        token = _admin_request.set(request)
        try:
            return super().user_change_password(request, id, form_url)
        finally:
            _admin_request.reset(token)


@admin.register(AccessAttempt)
class LoginLockAdmin(PolicyAdmin):
    """Failed sign-ins counted by django-axes; deleting a row lifts that lock (administrators)."""

    may_view = access.can_manage_users
    name_accusative = "запись о неудачных попытках входа"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time", "locked"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    readonly_fields = ["username", "ip_address", "failures_since_start", "attempt_time"]
    fields = readonly_fields
    actions = ["unlock"]

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_manage_users(request.user)

    @admin.display(description="заблокирован", boolean=True)
    def locked(self, attempt: AccessAttempt) -> bool:
        return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT

    @admin.action(description="Снять блокировку входа", permissions=["delete"])
    def unlock(self, request: HttpRequest, queryset) -> None:
        usernames = sorted({attempt.username for attempt in queryset})
        for username in usernames:
            services.login_unlock(
                username=username, actor=request.user, source=AuditSource.ADMIN, request=request
            )
        self.message_user(request, f"Блокировка входа снята: {', '.join(usernames)}.")

    def delete_model(self, request: HttpRequest, obj: AccessAttempt) -> None:
        services.login_unlock(
            username=obj.username, actor=request.user, source=AuditSource.ADMIN, request=request
        )

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        self.unlock(request, queryset)

"""Users of the portal, their roles and the municipality a coordinator is bound to."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.names import validate_person_name


class Role(models.TextChoices):
    MINISTRY = "ministry", _("Специалист министерства")
    MUNICIPAL = "municipal", _("Муниципальный координатор")
    EXPERT = "expert", _("Эксперт / член комиссии")
    MENTOR = "mentor", _("Наставник")
    CANDIDATE = "candidate", _("Кандидат / резервист")
    ADMIN = "admin", _("Администратор")


# Roles that work in the back office (the Django admin).
BACK_OFFICE_ROLES = frozenset({Role.MINISTRY, Role.ADMIN})


def role_binds_municipality(role: str) -> bool:
    """Return whether an account of the role is bound to one municipality (coordinators only)."""
    return role == Role.MUNICIPAL


class User(AbstractUser):
    # Django's names, with the rule every name of a person follows here.
    first_name = models.CharField(
        _("имя"), max_length=150, blank=True, validators=[validate_person_name]
    )
    last_name = models.CharField(
        _("фамилия"), max_length=150, blank=True, validators=[validate_person_name]
    )
    middle_name = models.CharField(
        _("отчество"), max_length=150, blank=True, validators=[validate_person_name]
    )
    role = models.CharField(_("роль"), max_length=16, choices=Role.choices, default=Role.CANDIDATE)
    municipality = models.ForeignKey(
        "registry.Municipality",
        verbose_name=_("муниципальное образование"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinators",
        help_text=_("Обязательно для муниципального координатора: он видит только своё МО."),
    )
    phone = models.CharField(_("телефон"), max_length=50, blank=True)

    objects = UserManager()

    class Meta:
        verbose_name = _("пользователь")
        verbose_name_plural = _("пользователи")
        ordering = ["last_name", "first_name", "username"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="municipal") | Q(municipality__isnull=False),
                name="accounts_user_municipal_has_municipality",
                violation_error_message=_(
                    "Муниципальному координатору нужно указать муниципальное образование."
                ),
            ),
            # Password reset finds the account by email, so one address is one account.
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="accounts_user_email_unique",
                violation_error_message=_("Пользователь с таким email уже есть."),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        """Return the surname, first name and patronymic, as Russian documents write them."""
        parts = [self.last_name, self.first_name, self.middle_name]
        return " ".join(part for part in parts if part).strip()

    def save(self, *args, **kwargs) -> None:
        # Back-office access follows the role; it is never set by hand.
        self.is_staff = self.is_superuser or self.role in BACK_OFFICE_ROLES
        if not role_binds_municipality(self.role):
            self.municipality = None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "role" in update_fields:
            kwargs["update_fields"] = {*update_fields, "is_staff", "municipality"}
        super().save(*args, **kwargs)


class RateLimitHit(models.Model):
    """One accepted request of a rate-limited kind (a password reset) under one key."""

    scope = models.CharField(_("вид запроса"), max_length=32)
    key = models.CharField(_("ключ"), max_length=255)
    at = models.DateTimeField(_("когда"))

    class Meta:
        verbose_name = _("запрос с ограничением частоты")
        verbose_name_plural = _("запросы с ограничением частоты")
        indexes = [
            # The limit's question: "how many requests of this kind under this key lately".
            models.Index(fields=["scope", "key", "at"], name="accounts_ratelimit_key_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.scope}: {self.key}"


# In-portal notifications live in their feature package; imported here for migrations.
from accounts.notifications.models import Notification  # noqa: E402

__all__ = ["BACK_OFFICE_ROLES", "Notification", "RateLimitHit", "Role", "User"]

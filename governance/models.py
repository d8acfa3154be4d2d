"""The rules: the Regulation's versions, and the consent texts people agree to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegulationVersion(models.Model):
    """One version of the Regulation's parameters; exactly one is in force."""

    number = models.PositiveIntegerField(_("номер редакции"), unique=True)
    in_force = models.BooleanField(_("действует"), default=False)
    effective_from = models.DateField(_("действует с"))
    parameters = models.JSONField(_("параметры"))
    reason = models.TextField(_("основание изменения"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("автор"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)

    class Meta:
        verbose_name = _("редакция Положения")
        verbose_name_plural = _("редакции Положения")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["in_force"],
                condition=models.Q(in_force=True),
                name="governance_regulationversion_one_in_force",
                violation_error_message=_("Действующей может быть только одна редакция."),
            ),
        ]

    def __str__(self) -> str:
        return f"Редакция № {self.number} от {self.effective_from:%d.%m.%Y}"


class ConsentPurpose(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("обработка персональных данных кандидата")
    WELLBEING = "wellbeing", _("участие в опросе о благополучии")


class ConsentText(models.Model):
    """A version of the text a person agrees to."""

    purpose = models.CharField(_("цель"), max_length=24, choices=ConsentPurpose.choices)
    version = models.PositiveIntegerField(_("версия"))
    text = models.TextField(_("текст согласия"))
    in_force = models.BooleanField(_("действует"), default=True)
    created_at = models.DateTimeField(_("создан"), auto_now_add=True)

    class Meta:
        verbose_name = _("текст согласия")
        verbose_name_plural = _("тексты согласий")
        ordering = ["purpose", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "version"], name="governance_consenttext_version_unique"
            ),
            models.UniqueConstraint(
                fields=["purpose"],
                condition=models.Q(in_force=True),
                name="governance_consenttext_one_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}, версия {self.version}"


class ConsentRecord(models.Model):
    """A person's consent to one text version: given, and perhaps later withdrawn."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто дал согласие"),
        on_delete=models.PROTECT,
        related_name="consents",
    )
    text = models.ForeignKey(
        ConsentText, verbose_name=_("текст"), on_delete=models.PROTECT, related_name="records"
    )
    given_at = models.DateTimeField(_("дано"), auto_now_add=True)
    given_ip = models.GenericIPAddressField(_("IP при согласии"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("отозвано"), null=True, blank=True)
    withdrawn_ip = models.GenericIPAddressField(_("IP при отзыве"), null=True, blank=True)

    class Meta:
        verbose_name = _("согласие")
        verbose_name_plural = _("согласия")
        ordering = ["-given_at", "-id"]
        constraints = [
            # At most one standing consent per person and text.
            models.UniqueConstraint(
                fields=["user", "text"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="governance_consentrecord_one_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.text}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None

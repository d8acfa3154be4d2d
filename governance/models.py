"""The rules: the Regulation's versions, and the consent texts people agree to."""

from django.conf import settings
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _


class RegulationVersion(models.Model):
    """One version of the Regulation's parameters; exactly one is in force."""

    number = models.PositiveIntegerField(_("номер редакции"), unique=True)
    in_force = models.BooleanField(_("действует"), default=False)
    effective_from = models.DateField(_("действует с"))
    parameters = models.JSONField(_("параметры"))
    approval_order = models.ForeignKey(
        "governance.Order",
        verbose_name=_("утверждена приказом"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
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


class OrderKind(models.TextChoices):
    INCLUSION = "inclusion", _("о включении в кадровый резерв")
    EXCLUSION = "exclusion", _("об исключении из кадрового резерва")
    EXTENSION = "extension", _("о продлении срока пребывания в кадровом резерве")
    COMMISSION = "commission", _("об утверждении состава комиссии")
    REGULATION = "regulation", _("об утверждении Положения")
    PROGRAMME = "programme", _("об утверждении программы развития")


class Order(models.Model):
    """An order of the ministry in the register: number, date, kind and who signed it."""

    number = models.CharField(_("номер"), max_length=50)
    date = models.DateField(_("дата"))
    kind = models.CharField(_("вид"), max_length=16, choices=OrderKind.choices)
    title = models.CharField(_("заголовок"), max_length=500)
    signatory_name = models.CharField(
        _("подписал (фамилия и инициалы)"), max_length=150, help_text=_("Например: Иванова А. П.")
    )
    signatory_post = models.CharField(_("должность подписавшего"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто записал"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("записан"), auto_now_add=True)

    class Meta:
        verbose_name = _("приказ министерства")
        verbose_name_plural = _("реестр приказов министерства")
        ordering = ["-date", "-id"]
        constraints = [
            # Numbers restart every year: a number is unique within its year.
            models.UniqueConstraint(
                models.F("number"),
                ExtractYear("date"),
                name="governance_order_number_unique_in_year",
                violation_error_message=_("Приказ с таким номером в этом году уже записан."),
            ),
        ]
        indexes = [
            # The register's list and the next number: the latest orders first.
            models.Index(fields=["-date", "-id"], name="governance_order_date_idx"),
        ]

    def __str__(self) -> str:
        return f"Приказ от {self.date:%d.%m.%Y} № {self.number}"

    @property
    def reference(self) -> str:
        """Return «от 08.09.2026 № 01-21/1547» as acts cite an order."""
        return f"от {self.date:%d.%m.%Y} № {self.number}"


class DocumentTemplate(models.Model):
    """A version of a generated document's Word template (docxtpl); one version of a kind acts."""

    kind = models.CharField(_("документ"), max_length=32)
    version = models.PositiveIntegerField(_("версия"))
    content = models.BinaryField(_("файл шаблона"))
    filename = models.CharField(_("имя файла"), max_length=255)
    in_force = models.BooleanField(_("действует"), default=True)
    note = models.TextField(_("что изменено"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто загрузил"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("загружен"), auto_now_add=True)

    class Meta:
        verbose_name = _("шаблон документа")
        verbose_name_plural = _("шаблоны документов")
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "version"], name="governance_documenttemplate_version_unique"
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(in_force=True),
                name="governance_documenttemplate_one_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}, версия {self.version}"


# The roadmap's models live in their feature package; imported here for migrations and models.X.
from governance.roadmap.models import (  # noqa: E402, F401
    BudgetSource,
    MeasuredIndicator,
    RoadmapItem,
    RoadmapStage,
    RoadmapStatus,
)

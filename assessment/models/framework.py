"""The competency model: versioned frameworks, competencies, level descriptors, target levels."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


class LabourFunction(models.Model):
    """A generalised labour function of a professional standard, under its code (250н: A–D)."""

    code = models.CharField(_("код"), max_length=16, unique=True)
    name = models.CharField(_("наименование"), max_length=300)
    standard = models.CharField(
        _("профессиональный стандарт"),
        max_length=300,
        help_text=_("Наименование стандарта и приказ, которым он утверждён."),
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("обобщённая трудовая функция")
        verbose_name_plural = _("обобщённые трудовые функции")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class PositionGroup(models.TextChoices):
    HEAD = "head", _("руководитель")
    DEPUTY = "deputy", _("заместитель руководителя")


class CompetencyFramework(models.Model):
    version = models.PositiveIntegerField(_("версия"), unique=True)
    name = models.CharField(_("наименование"), max_length=255)
    description = models.TextField(
        _("основания модели"),
        blank=True,
        help_text=_(
            "На каких профессиональных стандартах и квалификационных требованиях построена "
            "модель и как она применяется к разным типам организаций и должностям."
        ),
    )
    is_current = models.BooleanField(_("текущая"), default=False)
    notes = models.TextField(_("что изменено"), blank=True)
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)

    class Meta:
        verbose_name = _("модель компетенций")
        verbose_name_plural = _("модели компетенций")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="assessment_framework_one_current",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (версия {self.version})"


class Competency(models.Model):
    framework = models.ForeignKey(
        CompetencyFramework,
        on_delete=models.CASCADE,
        related_name="competencies",
        verbose_name=_("модель компетенций"),
    )
    code = models.CharField(_("код"), max_length=10)
    name = models.CharField(_("наименование"), max_length=255)
    description = models.TextField(_("описание"))
    # A competency may serve several functions (leading staff is administration, and it also
    # carries the organization's development).
    labour_functions = models.ManyToManyField(
        LabourFunction,
        verbose_name=_("обобщённые трудовые функции"),
        related_name="competencies",
        blank=True,
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("компетенция")
        verbose_name_plural = _("компетенции")
        ordering = ["framework", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="assessment_competency_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CompetencyLevel(models.Model):
    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, related_name="levels", verbose_name=_("компетенция")
    )
    level = models.PositiveSmallIntegerField(_("уровень"), validators=LEVEL_VALIDATORS)
    title = models.CharField(_("название уровня"), max_length=100)
    descriptor = models.TextField(_("поведенческие индикаторы"))

    class Meta:
        verbose_name = _("уровень компетенции")
        verbose_name_plural = _("уровни компетенции")
        ordering = ["competency", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "level"], name="assessment_competencylevel_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="assessment_competencylevel_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency}: {self.level}"


class TargetLevel(models.Model):
    """The level a competency must reach for a position kind (a post in a kind of organization)."""

    competency = models.ForeignKey(
        Competency,
        on_delete=models.CASCADE,
        related_name="target_levels",
        verbose_name=_("компетенция"),
    )
    position_kind = models.ForeignKey(
        "registry.PositionKind",
        verbose_name=_("должность"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    level = models.PositiveSmallIntegerField(_("целевой уровень"), validators=LEVEL_VALIDATORS)

    class Meta:
        verbose_name = _("целевой уровень")
        verbose_name_plural = _("целевые уровни")
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "position_kind"], name="assessment_targetlevel_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="assessment_targetlevel_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency} — {self.position_kind}: {self.level}"

"""The competency model: versioned frameworks, competencies, level descriptors, target levels."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


class LabourFunction(models.TextChoices):
    """The generalised labour functions of professional standard 250н (2021)."""

    EDUCATION = "education", _("Управление образовательной деятельностью")
    ADMINISTRATION = "administration", _("Администрирование деятельности организации")
    DEVELOPMENT = "development", _("Управление развитием организации")
    RELATIONS = "relations", _("Управление взаимодействием с участниками отношений и партнёрами")


class PositionGroup(models.TextChoices):
    HEAD = "head", _("руководитель")
    DEPUTY = "deputy", _("заместитель руководителя")


class CompetencyFramework(models.Model):
    version = models.PositiveIntegerField(_("версия"), unique=True)
    name = models.CharField(_("наименование"), max_length=255)
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
    labour_function = models.CharField(
        _("трудовая функция"), max_length=16, choices=LabourFunction.choices
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
    """The level a competency must reach for a position group."""

    competency = models.ForeignKey(
        Competency,
        on_delete=models.CASCADE,
        related_name="target_levels",
        verbose_name=_("компетенция"),
    )
    position_group = models.CharField(
        _("группа должностей"), max_length=8, choices=PositionGroup.choices
    )
    level = models.PositiveSmallIntegerField(_("целевой уровень"), validators=LEVEL_VALIDATORS)

    class Meta:
        verbose_name = _("целевой уровень")
        verbose_name_plural = _("целевые уровни")
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "position_group"], name="assessment_targetlevel_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="assessment_targetlevel_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency} — {self.get_position_group_display()}: {self.level}"

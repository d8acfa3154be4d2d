"""Induction of a new head: templates by organization kind, the plan, checkpoints and tasks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.models import OrganizationKind


class CheckpointMonth(models.IntegerChoices):
    FIRST = 1, _("1 месяц")
    THIRD = 3, _("3 месяца")
    SIXTH = 6, _("6 месяцев")
    TWELFTH = 12, _("12 месяцев")


class InductionTemplate(models.Model):
    """The tasks a new head of this kind of organization gets, by checkpoint; staff edit it."""

    organization_kind = models.CharField(
        _("тип организации"), max_length=16, choices=OrganizationKind.choices, unique=True
    )
    updated_at = models.DateTimeField(_("изменён"), auto_now=True)

    class Meta:
        verbose_name = _("шаблон плана введения в должность")
        verbose_name_plural = _("шаблоны планов введения в должность")
        ordering = ["organization_kind"]

    def __str__(self) -> str:
        return f"Шаблон: {self.get_organization_kind_display()}"


class InductionTemplateTask(models.Model):
    template = models.ForeignKey(
        InductionTemplate, verbose_name=_("шаблон"), on_delete=models.CASCADE, related_name="tasks"
    )
    month = models.PositiveSmallIntegerField(
        _("контрольная точка"), choices=CheckpointMonth.choices
    )
    title = models.CharField(_("задача"), max_length=255)
    description = models.TextField(_("что сделать"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("задача шаблона")
        verbose_name_plural = _("задачи шаблона")
        ordering = ["template", "month", "sort_order", "pk"]

    def __str__(self) -> str:
        return self.title


class InductionStatus(models.TextChoices):
    ACTIVE = "active", _("идёт")
    COMPLETED = "completed", _("завершён")


class ProbationOutcome(models.TextChoices):
    PASSED = "passed", _("испытание выдержано")
    NOT_PASSED = "not_passed", _("испытание не выдержано")


class InductionPlan(models.Model):
    """The new head's first year: checkpoints at 1, 3, 6 and 12 months, mentor, probation."""

    appointment = models.OneToOneField(
        "onboarding.Appointment",
        verbose_name=_("назначение"),
        on_delete=models.PROTECT,
        related_name="induction_plan",
    )
    starts_on = models.DateField(_("начало"))
    status = models.CharField(
        _("статус"), max_length=16, choices=InductionStatus.choices, default=InductionStatus.ACTIVE
    )
    mentor = models.ForeignKey(
        "development.Mentor",
        verbose_name=_("наставник по адаптации"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    mentor_score = models.PositiveSmallIntegerField(_("баллы подбора"), null=True, blank=True)
    mentor_explanation = models.JSONField(_("почему предложен наставник"), default=list)
    mentor_assigned_at = models.DateTimeField(_("наставник назначен"), null=True, blank=True)
    probation_ends_on = models.DateField(_("испытательный срок до"), null=True, blank=True)
    probation_outcome = models.CharField(
        _("итог испытания"), max_length=16, choices=ProbationOutcome.choices, blank=True
    )
    probation_comment = models.TextField(_("заключение по итогам испытания"), blank=True)
    probation_reviewed_at = models.DateTimeField(_("итог записан"), null=True, blank=True)
    probation_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто записал итог"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("составлен"), auto_now_add=True)

    class Meta:
        verbose_name = _("план введения в должность")
        verbose_name_plural = _("планы введения в должность")
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return f"План введения в должность: {self.appointment}"


class InductionCheckpoint(models.Model):
    plan = models.ForeignKey(
        InductionPlan, verbose_name=_("план"), on_delete=models.CASCADE, related_name="checkpoints"
    )
    month = models.PositiveSmallIntegerField(
        _("контрольная точка"), choices=CheckpointMonth.choices
    )
    due_on = models.DateField(_("срок"))
    comment = models.TextField(_("комментарий"), blank=True)
    reviewed_at = models.DateTimeField(_("пройдена"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто отметил"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reminded_at = models.DateTimeField(_("напоминание отправлено"), null=True, blank=True)

    class Meta:
        verbose_name = _("контрольная точка")
        verbose_name_plural = _("контрольные точки")
        ordering = ["plan", "month"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "month"], name="onboarding_checkpoint_once"),
        ]
        indexes = [
            # The daily reminders: checkpoints not yet passed by their due date.
            models.Index(fields=["reviewed_at", "due_on"], name="onboarding_checkpoint_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_month_display()}: до {self.due_on:%d.%m.%Y}"


class InductionTask(models.Model):
    checkpoint = models.ForeignKey(
        InductionCheckpoint,
        verbose_name=_("контрольная точка"),
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    title = models.CharField(_("задача"), max_length=255)
    description = models.TextField(_("что сделать"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)
    note = models.TextField(_("что сделано"), blank=True)
    done_at = models.DateTimeField(_("выполнена"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто отметил"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("задача плана введения в должность")
        verbose_name_plural = _("задачи плана введения в должность")
        ordering = ["checkpoint", "sort_order", "pk"]

    def __str__(self) -> str:
        return self.title

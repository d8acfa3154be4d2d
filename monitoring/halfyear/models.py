"""A reservist's report for one reporting date: written, commented by the mentor, reviewed."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("черновик")
    SUBMITTED = "submitted", _("сдан")
    RETURNED = "returned", _("возвращён на доработку")
    ACCEPTED = "accepted", _("принят")


# The reservist may still change the text.
EDITABLE_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)


class HalfYearReport(models.Model):
    membership = models.ForeignKey(
        "candidates.ReserveMembership",
        verbose_name=_("членство в резерве"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("срок сдачи"))
    period_start = models.DateField(_("период с"))
    status = models.CharField(
        _("статус"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    done = models.TextField(_("что выполнено по плану"), blank=True)
    applied = models.TextField(_("что применено в практике"), blank=True)
    difficulties = models.TextField(_("трудности и что нужно"), blank=True)
    first_submitted_at = models.DateTimeField(_("впервые сдан"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("сдан"), null=True, blank=True)
    mentor_comment = models.TextField(_("комментарий наставника"), blank=True)
    mentor_commented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("наставник"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    mentor_commented_at = models.DateTimeField(_("прокомментирован"), null=True, blank=True)
    review_comment = models.TextField(_("комментарий координатора"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("рассмотрел"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("рассмотрен"), null=True, blank=True)
    created_at = models.DateTimeField(_("создан"), auto_now_add=True)

    class Meta:
        verbose_name = _("полугодовой отчёт резервиста")
        verbose_name_plural = _("полугодовые отчёты резервистов")
        ordering = ["-due_on", "membership__candidate__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "due_on"], name="monitoring_halfyearreport_one_per_date"
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__lt=models.F("due_on")),
                name="monitoring_halfyearreport_period_before_due",
            ),
        ]
        indexes = [
            # The late and missing lists: the reports of one reporting date.
            models.Index(fields=["due_on", "status"], name="monitoring_report_due_idx"),
        ]

    def __str__(self) -> str:
        return f"Отчёт на {self.due_on:%d.%m.%Y}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def submitted_on(self) -> datetime.date | None:
        """Return the local day of the first submission: it decides «in time» or «late»."""
        if self.first_submitted_at is None:
            return None
        return timezone.localdate(self.first_submitted_at)

    @property
    def is_late(self) -> bool:
        return self.submitted_on is not None and self.submitted_on > self.due_on


class ReportEvent(models.Model):
    """A recorded step of a report: submitted, commented, returned, accepted."""

    report = models.ForeignKey(
        HalfYearReport, verbose_name=_("отчёт"), on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(_("из статуса"), max_length=16, blank=True)
    to_status = models.CharField(_("в статус"), max_length=16)
    action = models.CharField(_("действие"), max_length=24)
    comment = models.TextField(_("комментарий"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("когда"), auto_now_add=True)

    class Meta:
        verbose_name = _("событие отчёта")
        verbose_name_plural = _("история отчёта")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.report}: {self.action}"

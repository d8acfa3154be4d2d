"""The voluntary well-being pulse: five answers 0–5 and a 0–100 index."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PulseResponse(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pulse_responses",
        verbose_name=_("пользователь"),
    )
    submitted_on = models.DateField(_("дата"))
    answers = models.JSONField(_("ответы"))  # five integers 0–5, in the order of the questions
    index = models.PositiveSmallIntegerField(_("индекс благополучия, 0–100"))
    # Group keys captured at answer time, for aggregates of five or more people.
    municipality = models.ForeignKey(
        "registry.Municipality",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("муниципальное образование"),
    )
    cohort_year = models.PositiveSmallIntegerField(_("год включения в резерв"), null=True)

    class Meta:
        verbose_name = _("ответ на опрос благополучия")
        verbose_name_plural = _("опрос благополучия")
        ordering = ["-submitted_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(index__lte=100), name="development_pulse_index_range"
            ),
        ]
        indexes = [
            # Aggregates by municipality over a period.
            models.Index(
                fields=["municipality", "submitted_on"], name="development_pulse_muni_idx"
            ),
        ]

    def __str__(self) -> str:
        # No index here: the text lands in the audit log, which staff read.
        return f"Ответ на опрос благополучия за {self.submitted_on:%m.%Y}"

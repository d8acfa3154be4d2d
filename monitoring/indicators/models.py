"""A month's stored figure of one indicator for one municipality (or the region)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorSnapshot(models.Model):
    month = models.DateField(_("месяц"), help_text=_("первое число месяца"))
    code = models.CharField(_("показатель"), max_length=40)
    # Empty for the region's figure.
    municipality = models.ForeignKey(
        "registry.Municipality",
        verbose_name=_("муниципальное образование"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    numerator = models.DecimalField(_("числитель"), max_digits=14, decimal_places=2)
    denominator = models.DecimalField(_("знаменатель"), max_digits=14, decimal_places=2)
    group_size = models.PositiveIntegerField(_("человек в группе"), null=True, blank=True)
    value = models.DecimalField(_("значение"), max_digits=14, decimal_places=2, null=True)
    computed_at = models.DateTimeField(_("рассчитано"), auto_now_add=True)

    class Meta:
        verbose_name = _("срез показателя")
        verbose_name_plural = _("срезы показателей")
        ordering = ["-month", "code"]
        constraints = [
            # One figure per month, indicator and municipality; the region's once too.
            models.UniqueConstraint(
                fields=["month", "code", "municipality"],
                name="monitoring_snapshot_once",
            ),
            models.UniqueConstraint(
                fields=["month", "code"],
                condition=models.Q(municipality__isnull=True),
                name="monitoring_snapshot_region_once",
            ),
        ]
        indexes = [
            # The dashboard's trend: one indicator's months, region or municipality.
            models.Index(
                fields=["code", "municipality", "month"], name="monitoring_snap_trend_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} за {self.month:%m.%Y}"

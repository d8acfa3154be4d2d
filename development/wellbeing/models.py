"""The voluntary well-being pulse (WHO-5: five answers 0–5, an index 0–100) and the requests
for a conversation a low index offers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PulseScale(models.TextChoices):
    """The questionnaire an answer was given to: indices of different scales are not compared."""

    PORTAL_2025 = "portal_2025", _("прежний опросник портала (до перехода на ВОЗ-5)")
    WHO5 = "who5", _("ВОЗ-5 (WHO-5)")


class PulseResponse(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pulse_responses",
        verbose_name=_("пользователь"),
    )
    submitted_on = models.DateField(_("дата"))
    answers = models.JSONField(_("ответы"))  # five integers 0–5, in the order of the questions
    scale = models.CharField(
        _("опросник"), max_length=12, choices=PulseScale.choices, default=PulseScale.WHO5
    )
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


class SupportStatus(models.TextChoices):
    OPEN = "open", _("ждёт звонка координатора")
    CONTACTED = "contacted", _("координатор связался")


class SupportRequest(models.Model):
    """A person's request for a conversation with the coordinator, offered by a low index.

    It carries who asks and how to reach them — never the answers or the index.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто просит"),
        on_delete=models.CASCADE,
        related_name="support_requests",
    )
    municipality = models.ForeignKey(
        "registry.Municipality",
        verbose_name=_("муниципальное образование"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    contact = models.CharField(_("как связаться"), max_length=300)
    status = models.CharField(
        _("состояние"), max_length=12, choices=SupportStatus.choices, default=SupportStatus.OPEN
    )
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто связался"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("когда связался"), null=True, blank=True)

    class Meta:
        verbose_name = _("просьба о разговоре")
        verbose_name_plural = _("просьбы о разговоре")
        ordering = ["status", "-created_at"]
        constraints = [
            # One open request per person: a second click does not make a second call.
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="open"),
                name="development_supportrequest_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"Просьба о разговоре от {self.created_at:%d.%m.%Y}"

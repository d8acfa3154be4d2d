"""Expert panels: where experts work, what they declared, whom they rate, agreed scores."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assessment.models.campaigns import CampaignInstrument, Participant
from assessment.models.instruments import RubricCriterion

# An expert-rated instrument counts once this many experts have submitted.
MIN_EXPERTS = 2


class ExpertProfile(models.Model):
    """An expert's place of work and declared relations, for conflict-of-interest checks."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="expert_profile",
        verbose_name=_("учётная запись"),
    )
    organization = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("место работы"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    position = models.CharField(_("должность"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("эксперт")
        verbose_name_plural = _("эксперты")

    def __str__(self) -> str:
        return str(self.user)


class DeclaredRelation(models.Model):
    """A relation an expert declared with a candidate (kinship, subordination…)."""

    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="declared_relations",
        verbose_name=_("эксперт"),
    )
    candidate = models.ForeignKey(
        "candidates.Candidate",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("кандидат"),
    )
    description = models.CharField(_("характер связи"), max_length=255)
    declared_at = models.DateTimeField(_("заявлено"), auto_now_add=True)

    class Meta:
        verbose_name = _("заявленная связь эксперта")
        verbose_name_plural = _("заявленные связи экспертов")
        constraints = [
            models.UniqueConstraint(
                fields=["expert", "candidate"], name="assessment_declaredrelation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert} — {self.candidate}: {self.description}"


class ExpertAssignment(models.Model):
    """An expert rating one participant on one instrument, blind to the other experts."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="expert_assignments",
        verbose_name=_("участник оценки"),
    )
    campaign_instrument = models.ForeignKey(
        CampaignInstrument,
        on_delete=models.CASCADE,
        related_name="expert_assignments",
        verbose_name=_("инструмент кампании"),
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="expert_assignments",
        verbose_name=_("эксперт"),
    )
    no_conflict_declared_at = models.DateTimeField(
        _("заявлено отсутствие конфликта интересов"), null=True, blank=True
    )
    scores = models.JSONField(_("оценки"), default=dict)  # {criterion_id: 1..4}
    comment = models.TextField(_("комментарий эксперта"), blank=True)
    saved_at = models.DateTimeField(_("сохранено"), auto_now=True)
    submitted_at = models.DateTimeField(_("оценка отправлена"), null=True, blank=True)

    class Meta:
        verbose_name = _("назначение эксперта")
        verbose_name_plural = _("назначения экспертов")
        ordering = ["participant", "campaign_instrument", "expert"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "campaign_instrument", "expert"],
                name="assessment_expertassignment_once",
            ),
        ]
        indexes = [
            # The expert's page: my assignments.
            models.Index(fields=["expert", "submitted_at"], name="assessment_expert_work_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.expert} → {self.participant} ({self.campaign_instrument.instrument})"


class CalibrationDecision(models.Model):
    """The chair's agreed score where experts disagreed beyond the threshold."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="calibrations",
        verbose_name=_("участник оценки"),
    )
    campaign_instrument = models.ForeignKey(
        CampaignInstrument,
        on_delete=models.CASCADE,
        related_name="calibrations",
        verbose_name=_("инструмент кампании"),
    )
    criterion = models.ForeignKey(
        RubricCriterion,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("критерий рубрики"),
    )
    agreed_score = models.PositiveSmallIntegerField(_("согласованная оценка"))
    reason = models.TextField(_("обоснование"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("кто согласовал"),
    )
    decided_at = models.DateTimeField(_("когда согласовано"), auto_now_add=True)

    class Meta:
        verbose_name = _("калибровка оценки")
        verbose_name_plural = _("калибровка оценок")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "campaign_instrument", "criterion"],
                name="assessment_calibration_once",
            ),
            models.CheckConstraint(
                condition=Q(agreed_score__gte=1, agreed_score__lte=4),
                name="assessment_calibration_score_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.criterion} = {self.agreed_score}"

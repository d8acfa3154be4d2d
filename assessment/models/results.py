"""Results of assessment and the talent review."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assessment.models.campaigns import CampaignStatus, Participant

# A result is final — its total, pass and place may be stated — once every instrument has counted
# (and no expert disagreement waits), or once the campaign is closed and what is missing counts as
# 0. A running campaign's incomplete result says «оценка не завершена» instead.
FINAL_RESULT = (
    Q(is_complete=True)
    | Q(participant__completed_at__isnull=False)
    | Q(participant__campaign__status=CampaignStatus.CLOSED)
)
# The same condition asked of participants (with a result).
FINAL_PARTICIPANT = Q(result__isnull=False) & (
    Q(result__is_complete=True)
    | Q(completed_at__isnull=False)
    | Q(campaign__status=CampaignStatus.CLOSED)
)


class Result(models.Model):
    """The computed result of one participant, with the trace of how it was computed."""

    participant = models.OneToOneField(
        Participant,
        on_delete=models.CASCADE,
        related_name="result",
        verbose_name=_("участник оценки"),
    )
    competency_scores = models.JSONField(_("баллы по компетенциям"), default=dict)
    total = models.DecimalField(_("итоговый балл"), max_digits=5, decimal_places=1)
    passed = models.BooleanField(_("пройден порог"))
    rank = models.PositiveIntegerField(_("место"), null=True, blank=True)
    gaps = models.JSONField(_("дефициты"), default=list)
    # How each number was obtained: instruments, weights, missing parts.
    trace = models.JSONField(_("расчёт"), default=dict)
    has_disagreement = models.BooleanField(_("есть расхождение экспертов"), default=False)
    is_complete = models.BooleanField(_("все инструменты пройдены"), default=False)
    computed_at = models.DateTimeField(_("рассчитано"), auto_now=True)

    class Meta:
        verbose_name = _("результат оценки")
        verbose_name_plural = _("результаты оценки")
        ordering = ["rank"]
        indexes = [
            # The campaign ranking table.
            models.Index(fields=["rank"], name="assessment_result_rank_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.total}"

    @property
    def is_final(self) -> bool:
        """Return whether the total, the pass and the place may be stated (see FINAL_RESULT)."""
        participant = self.participant
        return (
            self.is_complete
            or participant.completed_at is not None
            or participant.campaign.status == CampaignStatus.CLOSED
        )


class PerformanceRating(models.Model):
    """A staff rating of a reservist's current work results: the 9-box's performance axis."""

    candidate = models.ForeignKey(
        "candidates.Candidate",
        on_delete=models.CASCADE,
        related_name="performance_ratings",
        verbose_name=_("кандидат"),
    )
    rating = models.PositiveSmallIntegerField(
        _("результативность"),
        choices=[
            (1, _("ниже ожиданий")),
            (2, _("соответствует ожиданиям")),
            (3, _("выше ожиданий")),
        ],
    )
    basis = models.TextField(_("основание оценки"))
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("кто оценил"),
    )
    rated_at = models.DateTimeField(_("когда оценено"), auto_now_add=True)

    class Meta:
        verbose_name = _("оценка результативности")
        verbose_name_plural = _("оценки результативности")
        ordering = ["-rated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=3), name="assessment_performance_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate}: {self.get_rating_display()}"


class TalentReviewNote(models.Model):
    """A calibration note of the talent review about one person."""

    candidate = models.ForeignKey(
        "candidates.Candidate",
        on_delete=models.CASCADE,
        related_name="talent_notes",
        verbose_name=_("кандидат"),
    )
    campaign = models.ForeignKey(
        "assessment.Campaign",
        on_delete=models.CASCADE,
        related_name="talent_notes",
        verbose_name=_("кампания оценки"),
    )
    box = models.CharField(_("ячейка"), max_length=8)  # "3-2": potential 3, performance 2
    note = models.TextField(_("заметка калибровки"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("автор"),
    )
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)

    class Meta:
        verbose_name = _("заметка талант-ревью")
        verbose_name_plural = _("заметки талант-ревью")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.candidate}: {self.box}"

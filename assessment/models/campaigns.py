"""Assessment campaigns: the cohort, the instruments with weights and deadlines."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessment.models.framework import CompetencyFramework, PositionGroup
from assessment.models.instruments import Instrument


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("подготовка")
    ACTIVE = "active", _("идёт оценка")
    CLOSED = "closed", _("завершена")


class Campaign(models.Model):
    name = models.CharField(_("наименование"), max_length=255)
    framework = models.ForeignKey(
        CompetencyFramework,
        verbose_name=_("модель компетенций"),
        on_delete=models.PROTECT,
        related_name="campaigns",
    )
    status = models.CharField(
        _("статус"), max_length=8, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    starts_on = models.DateField(_("начало"))
    ends_on = models.DateField(_("окончание"))
    pass_threshold = models.PositiveSmallIntegerField(
        _("проходной балл"), validators=[MaxValueValidator(100)]
    )
    disagreement_threshold = models.PositiveSmallIntegerField(
        _("допустимое расхождение экспертов, баллов"),
        default=1,
        help_text=_("Расхождение оценок двух экспертов больше этого числа требует калибровки."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("кто создал"),
    )
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)

    class Meta:
        verbose_name = _("кампания оценки")
        verbose_name_plural = _("кампании оценки")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="assessment_campaign_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CampaignInstrument(models.Model):
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="instruments",
        verbose_name=_("кампания оценки"),
    )
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="+", verbose_name=_("инструмент оценки")
    )
    weight = models.PositiveSmallIntegerField(_("вес, %"), validators=[MaxValueValidator(100)])
    deadline = models.DateField(_("срок"))

    class Meta:
        verbose_name = _("инструмент кампании")
        verbose_name_plural = _("инструменты кампании")
        ordering = ["campaign", "instrument__kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "instrument"], name="assessment_campaigninstrument_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument} ({self.weight}%)"

    @property
    def display_order(self) -> tuple[int, int]:
        """Return the sort key that lists a campaign's instruments in the order of the kinds."""
        return (self.instrument.kind_order, self.pk)

    @property
    def deadline_end(self) -> datetime.datetime:
        """Return the moment the deadline day ends in the portal's time zone."""
        next_day = self.deadline + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time.min))

    def is_overdue(self, now: datetime.datetime | None = None) -> bool:
        """Return whether the deadline has passed."""
        return (now or timezone.now()) >= self.deadline_end

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        """Return whether participants may still answer: the campaign runs, the deadline holds."""
        return self.campaign.status == CampaignStatus.ACTIVE and not self.is_overdue(now)

    def is_collection_over(self, now: datetime.datetime | None = None) -> bool:
        """Return whether answers are no longer collected: campaign closed or deadline passed.

        360° answers count, and are shown, only then: a result that moved after each colleague's
        answer would let the participant work out what one colleague said.
        """
        return self.campaign.status == CampaignStatus.CLOSED or self.is_overdue(now)


class Participant(models.Model):
    """A person assessed in a campaign: a nomination in «оценка» or a reservist re-assessed."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("кампания оценки"),
    )
    candidate = models.ForeignKey(
        "candidates.Candidate",
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("кандидат"),
    )
    nomination = models.ForeignKey(
        "candidates.Nomination",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("заявка"),
    )
    membership = models.ForeignKey(
        "candidates.ReserveMembership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("членство в резерве"),
    )
    position_group = models.CharField(
        _("группа должностей"), max_length=8, choices=PositionGroup.choices
    )
    # The target post: its targets, its case variant and its section of the test.
    position_kind = models.ForeignKey(
        "registry.PositionKind",
        verbose_name=_("должность"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "registry.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("муниципальное образование"),
    )
    added_at = models.DateTimeField(_("добавлен"), auto_now_add=True)
    completed_at = models.DateTimeField(_("оценка завершена"), null=True, blank=True)

    class Meta:
        verbose_name = _("участник оценки")
        verbose_name_plural = _("участники оценки")
        ordering = ["campaign", "candidate__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "candidate"], name="assessment_participant_once_per_campaign"
            ),
            models.CheckConstraint(
                condition=Q(nomination__isnull=False) | Q(membership__isnull=False),
                name="assessment_participant_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} — {self.campaign}"

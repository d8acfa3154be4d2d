"""Who may confirm a reservist's practice besides the mentor, and the bank of good practice."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class WitnessKind(models.TextChoices):
    HEAD = "head", _("руководитель организации")
    TUTOR = "tutor", _("методист (тьютор) стажировки")
    PROVIDER = "provider", _("представитель организатора обучения")


class PracticeWitness(models.Model):
    """An account that may confirm what it saw: a head for their organization's reservists, a
    methodist or tutor for an internship's items, a provider's representative for its course."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("учётная запись"),
        on_delete=models.CASCADE,
        related_name="practice_witness_roles",
    )
    kind = models.CharField(_("в качестве"), max_length=12, choices=WitnessKind.choices)
    organization = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("организация"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Для руководителя: организация, в которой работают резервисты."),
    )
    activity = models.ForeignKey(
        "development.Activity",
        verbose_name=_("мероприятие"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="witnesses",
        help_text=_("Для тьютора и организатора: стажировка или курс."),
    )

    class Meta:
        verbose_name = _("подтверждающее лицо")
        verbose_name_plural = _("подтверждающие лица")
        ordering = ["kind", "user__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=WitnessKind.HEAD, organization__isnull=False, activity__isnull=True)
                    | (
                        ~Q(kind=WitnessKind.HEAD)
                        & Q(activity__isnull=False, organization__isnull=True)
                    )
                ),
                name="development_practicewitness_names_its_place",
            ),
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=Q(kind=WitnessKind.HEAD),
                name="development_practicewitness_head_once",
            ),
            models.UniqueConstraint(
                fields=["user", "kind", "activity"],
                condition=~Q(kind=WitnessKind.HEAD),
                name="development_practicewitness_activity_once",
            ),
        ]

    def __str__(self) -> str:
        place = self.organization or self.activity
        return f"{self.user} — {self.get_kind_display()} ({place})"


class PracticeState(models.TextChoices):
    PROPOSED = "proposed", _("предложена, на рассмотрении")
    PUBLISHED = "published", _("в банке практик")
    DECLINED = "declined", _("не включена")


class GoodPractice(models.Model):
    """A confirmed practice a reservist agreed to share, reviewed against published criteria."""

    item = models.OneToOneField(
        "development.PlanItem",
        verbose_name=_("пункт плана"),
        on_delete=models.PROTECT,
        related_name="good_practice",
    )
    title = models.CharField(_("название практики"), max_length=300)
    summary = models.TextField(_("описание практики"))
    competency = models.ForeignKey(
        "assessment.Competency",
        verbose_name=_("компетенция"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("состояние"), max_length=12, choices=PracticeState.choices, default=PracticeState.PROPOSED
    )
    consent_given_at = models.DateTimeField(_("согласие автора на публикацию"))
    consent_withdrawn_at = models.DateTimeField(_("согласие отозвано"), null=True, blank=True)
    proposed_at = models.DateTimeField(_("предложена"), auto_now_add=True)
    # The review: the criteria met (codes of PRACTICE_CRITERIA), by whom, and why not if declined.
    criteria_met = models.JSONField(_("выполненные критерии"), default=list, blank=True)
    review_comment = models.TextField(_("заключение"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("рассмотрел"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("рассмотрена"), null=True, blank=True)

    class Meta:
        verbose_name = _("практика банка")
        verbose_name_plural = _("банк практик")
        ordering = ["-reviewed_at", "-proposed_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state=PracticeState.PROPOSED) | Q(reviewed_at__isnull=False),
                name="development_goodpractice_reviewed_has_date",
            ),
        ]
        indexes = [
            # The bank by competency: published practices of one competency.
            models.Index(fields=["state", "competency"], name="development_practice_bank_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_shown(self) -> bool:
        """Return whether others see it: published and its author has not withdrawn consent."""
        return self.state == PracticeState.PUBLISHED and self.consent_withdrawn_at is None

"""What participants and their colleagues answer: self-assessment drafts, test attempts, 360°."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessment.models.campaigns import CampaignInstrument, Participant
from core.names import validate_person_name

# 360° answers count (and are shown) only when a group has at least this many respondents.
FEEDBACK_MIN_GROUP = 3
# Test answers still count if they reach the server this long after the attempt's deadline
# (network, a slow click on the last second); anything later is refused.
GRACE = datetime.timedelta(seconds=30)


class Response(models.Model):
    """A participant's own answers to a self-assessment: a draft until submitted."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("участник оценки"),
    )
    campaign_instrument = models.ForeignKey(
        CampaignInstrument,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("инструмент кампании"),
    )
    answers = models.JSONField(_("ответы"), default=dict)  # {indicator_id: 1..4}
    saved_at = models.DateTimeField(_("сохранено"), auto_now=True)
    submitted_at = models.DateTimeField(_("отправлено"), null=True, blank=True)

    class Meta:
        verbose_name = _("ответ участника")
        verbose_name_plural = _("ответы участников")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "campaign_instrument"], name="assessment_response_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.campaign_instrument}"


class TestAttempt(models.Model):
    """One attempt at the knowledge test; the deadline is enforced by the server."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="attempts",
        verbose_name=_("участник оценки"),
    )
    campaign_instrument = models.ForeignKey(
        CampaignInstrument,
        on_delete=models.CASCADE,
        related_name="attempts",
        verbose_name=_("инструмент кампании"),
    )
    question_ids = models.JSONField(_("вопросы попытки"), default=list)
    answers = models.JSONField(_("ответы"), default=dict)  # {question_id: [choice_id, ...]}
    started_at = models.DateTimeField(_("начата"))
    deadline_at = models.DateTimeField(_("завершить до"))
    submitted_at = models.DateTimeField(_("завершена"), null=True, blank=True)
    # {competency_code: [correct, asked]}
    score_by_competency = models.JSONField(_("результат по компетенциям"), default=dict)
    is_void = models.BooleanField(_("аннулирована"), default=False)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("кто аннулировал"),
    )
    void_reason = models.TextField(_("причина сброса"), blank=True)

    class Meta:
        verbose_name = _("попытка теста")
        verbose_name_plural = _("попытки теста")
        ordering = ["-started_at"]
        constraints = [
            # One attempt unless staff voids it.
            models.UniqueConstraint(
                fields=["participant", "campaign_instrument"],
                condition=Q(is_void=False),
                name="assessment_testattempt_one_live",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: попытка от {self.started_at:%d.%m.%Y}"

    def is_time_over(self, now: datetime.datetime | None = None) -> bool:
        """Return whether the server no longer accepts answers to the attempt."""
        return (now or timezone.now()) > self.deadline_at + GRACE


class FeedbackRelation(models.TextChoices):
    SUPERIOR = "superior", _("руководитель")
    PEER = "peer", _("коллега")
    SUBORDINATE = "subordinate", _("подчинённый")


class FeedbackInvitation(models.Model):
    """A personal single-use link for a colleague; it records use, never the answers."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="feedback_invitations",
        verbose_name=_("участник оценки"),
    )
    campaign_instrument = models.ForeignKey(
        CampaignInstrument,
        on_delete=models.CASCADE,
        related_name="feedback_invitations",
        verbose_name=_("инструмент кампании"),
    )
    respondent_name = models.CharField(
        _("кого приглашают"), max_length=255, validators=[validate_person_name]
    )
    respondent_email = models.EmailField(_("электронная почта"))
    relation = models.CharField(
        _("кем приходится"), max_length=16, choices=FeedbackRelation.choices
    )
    token_hash = models.CharField(_("отпечаток ссылки"), max_length=64, unique=True)
    expires_at = models.DateTimeField(_("действует до"))
    used_at = models.DateTimeField(_("ответ получен"), null=True, blank=True)
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)

    class Meta:
        verbose_name = _("приглашение 360°")
        verbose_name_plural = _("приглашения 360°")
        ordering = ["participant", "relation", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "campaign_instrument", "respondent_email"],
                name="assessment_feedbackinvitation_once_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.respondent_name} ({self.get_relation_display()})"


class FeedbackResponse(models.Model):
    """Anonymous answers of one colleague: linked to the group, not to the invitation."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="feedback_responses",
        verbose_name=_("участник оценки"),
    )
    campaign_instrument = models.ForeignKey(
        CampaignInstrument,
        on_delete=models.CASCADE,
        related_name="feedback_responses",
        verbose_name=_("инструмент кампании"),
    )
    relation = models.CharField(_("группа"), max_length=16, choices=FeedbackRelation.choices)
    answers = models.JSONField(_("ответы"), default=dict)  # {indicator_id: 1..4}
    comment = models.TextField(_("комментарий"), blank=True)
    # Day only, so that the order of answers cannot be matched to invitations by time.
    submitted_on = models.DateField(_("дата ответа"))

    class Meta:
        verbose_name = _("ответ 360°")
        verbose_name_plural = _("ответы 360°")

    def __str__(self) -> str:
        return f"{self.participant}: {self.get_relation_display()}"

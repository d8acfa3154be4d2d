"""A reminder given once: its key makes the daily run idempotent, its letter says if it went."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import MailStatus


class ReminderKind(models.TextChoices):
    PLAN_ITEM_DUE = "plan_item_due", _("срок пункта плана развития")
    SESSION_TO_CONFIRM = "session_to_confirm", _("встреча ждёт подтверждения")
    ASSESSMENT_DEADLINE = "assessment_deadline", _("срок оценочной процедуры")
    TERM_ENDING = "term_ending", _("истекает срок пребывания в резерве")
    REPORT_DUE = "report_due", _("срок полугодового отчёта")
    OFFER_TO_ANSWER = "offer_to_answer", _("предложение должности ждёт ответа")
    INDUCTION_CHECKPOINT = "induction_checkpoint", _("контрольная точка адаптации")


class Reminder(models.Model):
    kind = models.CharField(_("вид"), max_length=24, choices=ReminderKind.choices)
    # What the reminder is about and when, e.g. «plan_item:12:2027-05-01»: given once per key.
    key = models.CharField(_("ключ"), max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кому"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    notification = models.ForeignKey(
        "accounts.Notification",
        verbose_name=_("уведомление"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    delivery = models.ForeignKey(
        "core.MailDelivery",
        verbose_name=_("письмо"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)

    class Meta:
        verbose_name = _("напоминание")
        verbose_name_plural = _("напоминания")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="monitoring_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.key}"

    @property
    def mail_sent(self) -> bool:
        """Return whether the reminder's letter went out (only then does it count as sent)."""
        return self.delivery is not None and self.delivery.status == MailStatus.SENT

"""The one model of the bottom package: every outgoing letter and what became of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("в очереди")
    SENT = "sent", _("отправлено")
    FAILED = "failed", _("не отправлено")


class MailDelivery(models.Model):
    """A letter handed to the queue: tried by the worker until sent or out of attempts."""

    subject = models.CharField(_("тема"), max_length=300)
    body = models.TextField(_("текст"))
    recipients = models.JSONField(_("адресаты"), default=list)
    status = models.CharField(
        _("статус"), max_length=8, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("попыток"), default=0)
    last_error = models.TextField(_("последняя ошибка"), blank=True)
    created_at = models.DateTimeField(_("поставлено в очередь"), auto_now_add=True)
    sent_at = models.DateTimeField(_("отправлено"), null=True, blank=True)
    failed_at = models.DateTimeField(_("признано неотправленным"), null=True, blank=True)

    class Meta:
        verbose_name = _("письмо")
        verbose_name_plural = _("журнал писем")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The admin's «не отправлено» filter and the worker's health check.
            models.Index(fields=["status", "created_at"], name="core_mail_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.recipients)}"

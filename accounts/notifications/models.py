"""A notification shown to one person in the portal, read or not."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кому"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    text = models.CharField(_("текст"), max_length=500)
    url = models.CharField(_("ссылка"), max_length=300, blank=True)
    # What prompted it («session_to_confirm», «reminder.plan_item»…), for filters and tests.
    kind = models.CharField(_("вид"), max_length=40)
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)
    read_at = models.DateTimeField(_("прочитано"), null=True, blank=True)

    class Meta:
        verbose_name = _("уведомление")
        verbose_name_plural = _("уведомления")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The navbar's unread count, on every page.
            models.Index(
                fields=["user"], condition=Q(read_at__isnull=True), name="accounts_notif_unread_idx"
            ),
            # The person's list, newest first.
            models.Index(fields=["user", "-created_at"], name="accounts_notif_list_idx"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

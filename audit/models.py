"""The record: audit events of every change and the log of who viewed whose personal data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditSource(models.TextChoices):
    WEB = "web", _("веб-интерфейс")
    ADMIN = "admin", _("администрирование")
    IMPORT = "import", _("импорт")
    COMMAND = "command", _("команда")


# Actions are written as "<entity>.<verb>"; the verb says what happened.
AUDIT_VERB_LABELS = {
    "create": "создание",
    "update": "изменение",
    "delete": "удаление",
    "import": "импорт",
    "set_role": "смена роли",
    "set_password": "смена пароля",
    "activate": "включение",
    "deactivate": "отключение",
    "transition": "смена статуса",
    "evaluate": "проверка соответствия требованиям",
    "override": "решение вопреки правилам",
    "upload": "загрузка документа",
    "check": "отметка о проверке",
    "give": "согласие дано",
    "withdraw": "согласие отозвано",
    "register": "регистрация",
    "invite": "приглашение",
    "version_create": "новая редакция",
    "add": "включение в повестку",
    "add_extension": "продление в повестке",
    "cast": "голосование",
    "decide": "решение комиссии",
    "close": "закрытие заседания",
    "extend": "продление срока",
    "exclude": "исключение",
    "expire": "истечение срока",
    "order": "приказ",
    "complete": "завершение",
    "compute": "расчёт результатов",
    "remind": "напоминание",
    "start": "начало",
    "submit": "отправка",
    "void": "аннулирование",
    "close_expired": "закрытие по истечении времени",
    "include": "включение в резерв",
    "member_add": "включение в состав комиссии",
    "appoint": "назначение на должность",
    "attest": "аттестация",
    "reorder": "изменение порядка",
    "answer": "ответ на предложение",
    "assign": "назначение наставника",
    "review": "отметка о прохождении",
}


def audit_action_label(action: str) -> str:
    """Return the action in Russian: «изменение» for "organization.update"; unknown verbs as is."""
    return AUDIT_VERB_LABELS.get(action.rsplit(".", 1)[-1], action)


class AuditEvent(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("когда"), auto_now_add=True, db_index=True)
    action = models.CharField(_("действие"), max_length=100)
    object_type = models.CharField(_("тип объекта"), max_length=100)
    object_id = models.CharField(_("идентификатор объекта"), max_length=64, blank=True)
    object_repr = models.CharField(_("объект"), max_length=500, blank=True)
    # {"field": [old, new], ...}; values are kept as text so any type survives JSON.
    changes = models.JSONField(_("изменения"), default=dict, blank=True)
    source = models.CharField(_("источник"), max_length=16, choices=AuditSource.choices)
    ip_address = models.GenericIPAddressField(_("IP-адрес"), null=True, blank=True)

    class Meta:
        verbose_name = _("событие журнала аудита")
        verbose_name_plural = _("журнал аудита")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The history of one object: "what happened to this organization".
            models.Index(fields=["object_type", "object_id"], name="audit_event_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{audit_action_label(self.action)}: {self.object_repr}"


class PersonalDataAccess(models.Model):
    """One view or download of a person's data."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    accessed_at = models.DateTimeField(_("когда"), auto_now_add=True, db_index=True)
    subject_type = models.CharField(_("чьи данные: тип"), max_length=100)
    subject_id = models.CharField(_("чьи данные: идентификатор"), max_length=64)
    subject_repr = models.CharField(_("чьи данные"), max_length=500)
    purpose = models.CharField(_("что просмотрено"), max_length=200)
    ip_address = models.GenericIPAddressField(_("IP-адрес"), null=True, blank=True)
    user_agent = models.CharField(_("браузер"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("просмотр персональных данных")
        verbose_name_plural = _("журнал доступа к персональным данным")
        ordering = ["-accessed_at", "-id"]
        indexes = [
            # "Who has seen this person's data": the subject's access history.
            models.Index(fields=["subject_type", "subject_id"], name="audit_pd_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.actor} → {self.subject_repr}"

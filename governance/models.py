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
            models.Index(fields=["object_type", "object_id"], name="governance_audit_object_idx"),
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
            models.Index(fields=["subject_type", "subject_id"], name="governance_pd_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.actor} → {self.subject_repr}"


class RegulationVersion(models.Model):
    """One version of the Regulation's parameters; exactly one is in force."""

    number = models.PositiveIntegerField(_("номер редакции"), unique=True)
    in_force = models.BooleanField(_("действует"), default=False)
    effective_from = models.DateField(_("действует с"))
    parameters = models.JSONField(_("параметры"))
    reason = models.TextField(_("основание изменения"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("автор"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)

    class Meta:
        verbose_name = _("редакция Положения")
        verbose_name_plural = _("редакции Положения")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["in_force"],
                condition=models.Q(in_force=True),
                name="governance_regulationversion_one_in_force",
                violation_error_message=_("Действующей может быть только одна редакция."),
            ),
        ]

    def __str__(self) -> str:
        return f"Редакция № {self.number} от {self.effective_from:%d.%m.%Y}"


class ConsentPurpose(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("обработка персональных данных кандидата")
    WELLBEING = "wellbeing", _("участие в опросе о благополучии")


class ConsentText(models.Model):
    """A version of the text a person agrees to."""

    purpose = models.CharField(_("цель"), max_length=24, choices=ConsentPurpose.choices)
    version = models.PositiveIntegerField(_("версия"))
    text = models.TextField(_("текст согласия"))
    in_force = models.BooleanField(_("действует"), default=True)
    created_at = models.DateTimeField(_("создан"), auto_now_add=True)

    class Meta:
        verbose_name = _("текст согласия")
        verbose_name_plural = _("тексты согласий")
        ordering = ["purpose", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "version"], name="governance_consenttext_version_unique"
            ),
            models.UniqueConstraint(
                fields=["purpose"],
                condition=models.Q(in_force=True),
                name="governance_consenttext_one_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}, версия {self.version}"


class ConsentRecord(models.Model):
    """A person's consent to one text version: given, and perhaps later withdrawn."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто дал согласие"),
        on_delete=models.PROTECT,
        related_name="consents",
    )
    text = models.ForeignKey(
        ConsentText, verbose_name=_("текст"), on_delete=models.PROTECT, related_name="records"
    )
    given_at = models.DateTimeField(_("дано"), auto_now_add=True)
    given_ip = models.GenericIPAddressField(_("IP при согласии"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("отозвано"), null=True, blank=True)
    withdrawn_ip = models.GenericIPAddressField(_("IP при отзыве"), null=True, blank=True)

    class Meta:
        verbose_name = _("согласие")
        verbose_name_plural = _("согласия")
        ordering = ["-given_at", "-id"]
        constraints = [
            # At most one standing consent per person and text.
            models.UniqueConstraint(
                fields=["user", "text"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="governance_consentrecord_one_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.text}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None

"""Nominations, their state history, documents and eligibility checks."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from candidates.models.people import Candidate, DocumentKind


class NominationSource(models.TextChoices):
    SELF = "self", _("самовыдвижение")
    ORGANIZATION_HEAD = "organization_head", _("руководитель организации")
    MUNICIPAL_AUTHORITY = "municipal_authority", _("муниципальный орган управления образованием")


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("черновик")
    SUBMITTED = "submitted", _("подана")
    DOCUMENT_CHECK = "document_check", _("проверка документов")
    RETURNED = "returned", _("возвращена на доработку")
    ADMITTED = "admitted", _("допущена")
    NOT_ADMITTED = "not_admitted", _("не допущена")
    ASSESSMENT = "assessment", _("оценка")
    COMMISSION_REVIEW = "commission_review", _("рассмотрение комиссией")
    INCLUDED = "included", _("включена в резерв")
    REFUSED = "refused", _("отказано")


class MunicipalDecision(models.TextChoices):
    APPROVED = "approved", _("согласовано")
    REJECTED = "rejected", _("не согласовано")


CLOSED_NOMINATION_STATUSES = (
    NominationStatus.NOT_ADMITTED,
    NominationStatus.INCLUDED,
    NominationStatus.REFUSED,
)


class Nomination(models.Model):
    candidate = models.ForeignKey(
        Candidate, verbose_name=_("кандидат"), on_delete=models.PROTECT, related_name="nominations"
    )
    position_kind = models.ForeignKey(
        "registry.PositionKind",
        verbose_name=_("целевая должность"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    municipality = models.ForeignKey(
        "registry.Municipality",
        verbose_name=_("муниципальное образование"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    source = models.CharField(_("кто выдвинул"), max_length=24, choices=NominationSource.choices)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("выдвинул"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    motivation = models.TextField(_("мотивация и ожидания"), blank=True)
    status = models.CharField(
        _("статус"), max_length=24, choices=NominationStatus.choices, default=NominationStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("статус изменён"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("подана"), null=True, blank=True)
    return_reason = models.TextField(_("что исправить"), blank=True)
    # The municipality's согласование of a self-nomination or an organization head's nomination.
    municipal_decision = models.CharField(
        _("согласование муниципалитетом"),
        max_length=16,
        choices=MunicipalDecision.choices,
        blank=True,
    )
    municipal_reason = models.TextField(_("причина несогласования"), blank=True)
    municipal_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто согласовал"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    municipal_decided_at = models.DateTimeField(_("когда согласовано"), null=True, blank=True)
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)

    class Meta:
        verbose_name = _("заявка")
        verbose_name_plural = _("заявки")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "position_kind"],
                condition=~Q(status__in=["not_admitted", "included", "refused"]),
                name="candidates_nomination_one_open_per_position_kind",
                violation_error_message=_(
                    "У кандидата уже есть незавершённая заявка на эту должность."
                ),
            ),
        ]
        indexes = [
            # The pipeline: a municipality's nominations by status.
            models.Index(fields=["municipality", "status"], name="candidates_nom_muni_status_idx"),
            models.Index(fields=["status"], name="candidates_nom_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} — {self.position_kind}"

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_NOMINATION_STATUSES


class StatusChange(models.Model):
    nomination = models.ForeignKey(
        Nomination,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("заявка"),
    )
    from_status = models.CharField(
        _("из статуса"), max_length=24, choices=NominationStatus.choices, blank=True
    )
    to_status = models.CharField(_("в статус"), max_length=24, choices=NominationStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reason = models.TextField(_("причина"), blank=True)
    created_at = models.DateTimeField(_("когда"), auto_now_add=True)

    class Meta:
        verbose_name = _("смена статуса")
        verbose_name_plural = _("история статусов")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Document(models.Model):
    nomination = models.ForeignKey(
        Nomination, verbose_name=_("заявка"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("вид документа"), max_length=24, choices=DocumentKind.choices)
    file = models.FileField(_("файл"), upload_to="documents/%Y/%m/")
    original_name = models.CharField(_("имя файла"), max_length=255)
    content_type = models.CharField(_("тип"), max_length=50)
    size = models.PositiveIntegerField(_("размер, байт"))
    sha256 = models.CharField(_("контрольная сумма"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("кто загрузил"),
    )
    uploaded_at = models.DateTimeField(_("загружен"), auto_now_add=True)
    is_checked = models.BooleanField(_("проверен"), default=False)
    # A справка showing a bar of ТК ст. 331 / 351.1, marked by staff: the nomination cannot pass.
    is_disqualifying = models.BooleanField(
        _("содержит сведения, препятствующие допуску"), default=False
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("кто проверил"),
    )
    checked_at = models.DateTimeField(_("проверен когда"), null=True, blank=True)

    class Meta:
        verbose_name = _("документ")
        verbose_name_plural = _("документы")
        ordering = ["kind", "uploaded_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"


class EligibilityCheck(models.Model):
    """The rules' verdict on a nomination, with every rule explained, and any staff override."""

    nomination = models.ForeignKey(
        Nomination,
        on_delete=models.CASCADE,
        related_name="eligibility_checks",
        verbose_name=_("заявка"),
    )
    regulation_version = models.ForeignKey(
        "governance.RegulationVersion",
        verbose_name=_("редакция Положения"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    evaluated_at = models.DateTimeField(_("проверено"), auto_now_add=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто проверил"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    is_eligible = models.BooleanField(_("соответствует требованиям"))
    # [{"route": code, "title": ..., "passed": bool, "conditions": [{"text": ..., "passed": bool}]}]
    results = models.JSONField(_("результаты по правилам"), default=list)
    override_eligible = models.BooleanField(_("решение специалиста"), null=True, blank=True)
    override_reason = models.TextField(_("обоснование решения"), blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто принял решение"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    override_at = models.DateTimeField(_("когда принято решение"), null=True, blank=True)
    # The exception of 761н (раздел I, п. 9) is the attestation commission's recommendation.
    recommendation_number = models.CharField(
        _("номер рекомендации аттестационной комиссии"), max_length=50, blank=True
    )
    recommendation_date = models.DateField(
        _("дата рекомендации аттестационной комиссии"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("проверка соответствия требованиям")
        verbose_name_plural = _("проверки соответствия требованиям")
        ordering = ["-evaluated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(override_eligible__isnull=True) | ~Q(override_reason=""),
                name="candidates_eligibilitycheck_override_has_reason",
                violation_error_message=_("Решение вопреки правилам требует обоснования."),
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.nomination}: {'соответствует' if self.final_eligible else 'не соответствует'}"
        )

    @property
    def final_eligible(self) -> bool:
        """Return the staff override where there is one, else the rules' verdict."""
        if self.override_eligible is not None:
            return self.override_eligible
        return self.is_eligible

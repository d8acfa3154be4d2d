"""The appointment: the founder's order after the attestation, and the attestation itself."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AppointmentStatus(models.TextChoices):
    PREPARING = "preparing", _("готовится")
    MADE = "made", _("назначен")
    CANCELLED = "cancelled", _("отменено")


class Appointment(models.Model):
    """The appointment of a reservist who accepted an offer: prepared, then made by an order."""

    vacancy = models.ForeignKey(
        "onboarding.Vacancy",
        verbose_name=_("вакансия"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    offer = models.OneToOneField(
        "onboarding.Offer",
        verbose_name=_("принятое предложение"),
        on_delete=models.PROTECT,
        related_name="appointment",
    )
    membership = models.ForeignKey(
        "candidates.ReserveMembership",
        verbose_name=_("резервист"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("статус"),
        max_length=16,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.PREPARING,
    )
    order_number = models.CharField(_("номер приказа"), max_length=50, blank=True)
    order_date = models.DateField(_("дата приказа"), null=True, blank=True)
    order_issuer = models.CharField(_("кто издал приказ"), max_length=255, blank=True)
    order_file = models.FileField(_("файл приказа"), upload_to="appointments/%Y/%m/", blank=True)
    order_file_name = models.CharField(_("имя файла приказа"), max_length=255, blank=True)
    starts_on = models.DateField(_("в должности с"), null=True, blank=True)
    contract_ends_on = models.DateField(_("трудовой договор до"), null=True, blank=True)
    made_at = models.DateTimeField(_("назначение записано"), null=True, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто записал назначение"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancel_reason = models.TextField(_("причина отмены"), blank=True)
    cancelled_at = models.DateTimeField(_("отменено"), null=True, blank=True)
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)

    class Meta:
        verbose_name = _("назначение на должность")
        verbose_name_plural = _("назначения на должности")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy"],
                condition=~Q(status=AppointmentStatus.CANCELLED),
                name="onboarding_appointment_one_live_per_vacancy",
                violation_error_message=_("По этой вакансии назначение уже готовится."),
            ),
            models.CheckConstraint(
                condition=~Q(status=AppointmentStatus.MADE)
                | (~Q(order_number="") & Q(order_date__isnull=False) & Q(starts_on__isnull=False)),
                name="onboarding_appointment_made_has_order",
            ),
            models.CheckConstraint(
                condition=~Q(status=AppointmentStatus.CANCELLED) | ~Q(cancel_reason=""),
                name="onboarding_appointment_cancel_has_reason",
            ),
        ]
        indexes = [
            # Time to fill and the appointments of a period: made appointments by order date.
            models.Index(fields=["status", "order_date"], name="onboarding_appointment_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.membership.candidate} — {self.vacancy}"


class AttestationKind(models.TextChoices):
    ATTESTATION = "attestation", _("аттестация проведена учредителем")
    RESERVE_ASSESSMENT = "reserve_assessment", _("учредитель засчитал оценку кадрового резерва")


class AttestationDecision(models.TextChoices):
    PASSED = "passed", _("соответствует должности руководителя")
    FAILED = "failed", _("не соответствует должности руководителя")


class Attestation(models.Model):
    """The mandatory attestation of a candidate for the head's post (273-ФЗ ст. 51 ч. 4)."""

    appointment = models.OneToOneField(
        Appointment,
        verbose_name=_("назначение"),
        on_delete=models.CASCADE,
        related_name="attestation",
    )
    kind = models.CharField(_("как проведена"), max_length=24, choices=AttestationKind.choices)
    decision = models.CharField(_("решение"), max_length=16, choices=AttestationDecision.choices)
    held_on = models.DateField(_("дата"))
    commission = models.CharField(_("аттестационная комиссия"), max_length=500, blank=True)
    protocol_number = models.CharField(_("номер протокола"), max_length=50, blank=True)
    reason = models.TextField(_("основание"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто записал"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("записано"), auto_now=True)

    class Meta:
        verbose_name = _("аттестация кандидата на должность руководителя")
        verbose_name_plural = _("аттестации кандидатов на должность руководителя")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=AttestationKind.RESERVE_ASSESSMENT) | ~Q(reason=""),
                name="onboarding_attestation_acceptance_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(kind=AttestationKind.ATTESTATION) | ~Q(commission=""),
                name="onboarding_attestation_names_commission",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.appointment}: {self.get_decision_display()}"

    @property
    def is_passed(self) -> bool:
        return self.decision == AttestationDecision.PASSED

"""A vacancy's shortlist of reservists with their explained scores, staff's moves, the offers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ShortlistEntry(models.Model):
    """A reservist on a vacancy's shortlist: the score, why, and the place staff gave them."""

    vacancy = models.ForeignKey(
        "onboarding.Vacancy",
        verbose_name=_("вакансия"),
        on_delete=models.CASCADE,
        related_name="shortlist",
    )
    membership = models.ForeignKey(
        "candidates.ReserveMembership",
        verbose_name=_("резервист"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    score = models.PositiveSmallIntegerField(_("баллы"))
    explanation = models.JSONField(_("из чего сложились баллы"), default=list)
    computed_rank = models.PositiveSmallIntegerField(_("место по баллам"))
    position = models.PositiveSmallIntegerField(_("место в списке"))
    created_at = models.DateTimeField(_("включён в список"), auto_now_add=True)

    class Meta:
        verbose_name = _("кандидат из списка на вакансию")
        verbose_name_plural = _("списки кандидатов на вакансии")
        ordering = ["vacancy", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "membership"], name="onboarding_shortlistentry_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.membership}"

    @property
    def was_moved(self) -> bool:
        return self.position != self.computed_rank


class ShortlistMove(models.Model):
    """Staff moved a reservist on the shortlist: from which place to which, and why."""

    entry = models.ForeignKey(
        ShortlistEntry, verbose_name=_("кандидат"), on_delete=models.CASCADE, related_name="moves"
    )
    from_position = models.PositiveSmallIntegerField(_("с места"))
    to_position = models.PositiveSmallIntegerField(_("на место"))
    reason = models.TextField(_("причина"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("когда"), auto_now_add=True)

    class Meta:
        verbose_name = _("перемещение в списке кандидатов")
        verbose_name_plural = _("перемещения в списках кандидатов")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.entry.membership}: {self.from_position} → {self.to_position}"


class OfferStatus(models.TextChoices):
    OFFERED = "offered", _("ожидает ответа")
    ACCEPTED = "accepted", _("принято")
    REFUSED = "refused", _("отклонено")
    EXPIRED = "expired", _("срок ответа истёк")
    WITHDRAWN = "withdrawn", _("отозвано")


class Offer(models.Model):
    """A post offered to a reservist, and their answer."""

    vacancy = models.ForeignKey(
        "onboarding.Vacancy",
        verbose_name=_("вакансия"),
        on_delete=models.PROTECT,
        related_name="offers",
    )
    membership = models.ForeignKey(
        "candidates.ReserveMembership",
        verbose_name=_("резервист"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("статус"), max_length=16, choices=OfferStatus.choices, default=OfferStatus.OFFERED
    )
    message = models.TextField(_("текст предложения"), blank=True)
    respond_by = models.DateField(_("ответить до"))
    refusal_reason = models.TextField(_("причина отказа"), blank=True)
    answered_at = models.DateTimeField(_("ответ получен"), null=True, blank=True)
    closed_reason = models.TextField(_("почему отозвано"), blank=True)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто предложил"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reminded_at = models.DateTimeField(_("напоминание отправлено"), null=True, blank=True)
    created_at = models.DateTimeField(_("предложено"), auto_now_add=True)

    class Meta:
        verbose_name = _("предложение должности")
        verbose_name_plural = _("предложения должностей")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "membership"],
                name="onboarding_offer_once_per_reservist",
                violation_error_message=_("Этому резервисту эта должность уже предлагалась."),
            ),
            models.UniqueConstraint(
                fields=["vacancy"],
                condition=Q(status=OfferStatus.OFFERED),
                name="onboarding_offer_one_pending_per_vacancy",
                violation_error_message=_("По вакансии уже ждут ответа на предложение."),
            ),
            models.UniqueConstraint(
                fields=["membership"],
                condition=Q(status=OfferStatus.OFFERED),
                name="onboarding_offer_one_pending_per_reservist",
                violation_error_message=_("Резервист ещё не ответил на другое предложение."),
            ),
            models.CheckConstraint(
                condition=~Q(status=OfferStatus.REFUSED) | ~Q(refusal_reason=""),
                name="onboarding_offer_refusal_has_reason",
            ),
        ]
        indexes = [
            # Refusals per reservist (the Regulation's exclusion ground) and the daily expiry.
            models.Index(fields=["membership", "status"], name="onboarding_offer_member_idx"),
            models.Index(fields=["status", "respond_by"], name="onboarding_offer_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.vacancy} — {self.membership.candidate}"


class ReservistPreference(models.Model):
    """What a reservist says of themselves for the shortlists: whether they would move."""

    candidate = models.OneToOneField(
        "candidates.Candidate",
        verbose_name=_("резервист"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    ready_to_relocate = models.BooleanField(_("готов к переезду"), default=False)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    class Meta:
        verbose_name = _("пожелание резервиста")
        verbose_name_plural = _("пожелания резервистов")

    def __str__(self) -> str:
        return f"{self.candidate}: {'готов' if self.ready_to_relocate else 'не готов'} к переезду"

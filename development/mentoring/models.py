"""Mentoring: the mentor registry, pairs, sessions confirmed by mentees."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Mentor(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("учётная запись"),
        on_delete=models.PROTECT,
        related_name="mentor_profile",
    )
    organization = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.CharField(_("должность"), max_length=255)
    years_as_head = models.PositiveSmallIntegerField(_("стаж руководителя, лет"))
    capacity = models.PositiveSmallIntegerField(
        _("наставляемых не более"), default=2, validators=[MinValueValidator(1)]
    )
    is_available = models.BooleanField(_("принимает наставляемых"), default=True)
    about = models.TextField(_("о себе"), blank=True)

    class Meta:
        verbose_name = _("наставник")
        verbose_name_plural = _("наставники")
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return str(self.user)


class MentorStrength(models.Model):
    """A competency the mentor is strong in, at a level 1–4."""

    mentor = models.ForeignKey(
        Mentor, on_delete=models.CASCADE, related_name="strengths", verbose_name=_("наставник")
    )
    competency = models.ForeignKey(
        "assessment.Competency",
        verbose_name=_("компетенция"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    level = models.PositiveSmallIntegerField(
        _("уровень"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )

    class Meta:
        verbose_name = _("сильная сторона наставника")
        verbose_name_plural = _("сильные стороны наставника")
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "competency"], name="development_mentorstrength_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency}: {self.level}"


class NeighbourPair(models.Model):
    """Two municipalities that border each other (stored once, either order)."""

    first = models.ForeignKey(
        "registry.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("муниципальное образование"),
    )
    second = models.ForeignKey(
        "registry.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("соседнее муниципальное образование"),
    )

    class Meta:
        verbose_name = _("соседние муниципальные образования")
        verbose_name_plural = _("соседство муниципальных образований")
        constraints = [
            models.UniqueConstraint(
                fields=["first", "second"], name="development_neighbours_unique"
            ),
            models.CheckConstraint(
                condition=Q(first__lt=models.F("second")), name="development_neighbours_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} — {self.second}"


class MentorshipStatus(models.TextChoices):
    PROPOSED = "proposed", _("предложена")
    ACTIVE = "active", _("действует")
    COMPLETED = "completed", _("завершена")
    CANCELLED = "cancelled", _("отменена")


class Mentorship(models.Model):
    mentor = models.ForeignKey(
        Mentor, verbose_name=_("наставник"), on_delete=models.PROTECT, related_name="mentorships"
    )
    mentee = models.ForeignKey(
        "candidates.Candidate",
        verbose_name=_("наставляемый"),
        on_delete=models.PROTECT,
        related_name="mentorships",
    )
    membership = models.ForeignKey(
        "candidates.ReserveMembership",
        on_delete=models.PROTECT,
        related_name="mentorships",
        verbose_name=_("членство в резерве"),
    )
    status = models.CharField(
        _("статус"),
        max_length=16,
        choices=MentorshipStatus.choices,
        default=MentorshipStatus.PROPOSED,
    )
    goals = models.TextField(_("цели"), blank=True)
    match_score = models.DecimalField(_("совпадение"), max_digits=5, decimal_places=1, default=0)
    match_explanation = models.JSONField(_("почему предложена пара"), default=list)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("кто предложил"),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("кто подтвердил"),
    )
    started_on = models.DateField(_("начало"), null=True, blank=True)
    ended_on = models.DateField(_("окончание"), null=True, blank=True)
    # Why the pair was completed or cancelled, as the coordinator wrote it.
    end_reason = models.TextField(_("причина завершения или отмены"), blank=True)
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)

    class Meta:
        verbose_name = _("пара наставничества")
        verbose_name_plural = _("пары наставничества")
        ordering = ["-created_at"]
        constraints = [
            # A reservist has at most one mentor at a time.
            models.UniqueConstraint(
                fields=["mentee"],
                condition=Q(status__in=[MentorshipStatus.PROPOSED, MentorshipStatus.ACTIVE]),
                name="development_mentorship_one_open_per_mentee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.mentee}"


class SessionFormat(models.TextChoices):
    IN_PERSON = "in_person", _("очно")
    ONLINE = "online", _("онлайн")


class SessionConfirmation(models.TextChoices):
    PENDING = "pending", _("ожидает подтверждения")
    CONFIRMED = "confirmed", _("подтверждена")
    DISPUTED = "disputed", _("оспорена")


class MentoringSession(models.Model):
    mentorship = models.ForeignKey(
        Mentorship,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("пара наставничества"),
    )
    date = models.DateField(_("дата"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("продолжительность, мин"), validators=[MinValueValidator(10), MaxValueValidator(480)]
    )
    format = models.CharField(_("формат"), max_length=16, choices=SessionFormat.choices)
    topics = models.TextField(_("темы"))
    competencies = models.ManyToManyField(
        "assessment.Competency", verbose_name=_("компетенции"), related_name="+", blank=True
    )
    agreed_actions = models.TextField(_("договорённости"), blank=True)
    confirmation = models.CharField(
        _("подтверждение"),
        max_length=16,
        choices=SessionConfirmation.choices,
        default=SessionConfirmation.PENDING,
    )
    mentee_comment = models.TextField(_("комментарий наставляемого"), blank=True)
    usefulness = models.PositiveSmallIntegerField(
        _("польза, 1–5"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    answered_at = models.DateTimeField(_("когда ответил наставляемый"), null=True, blank=True)
    created_at = models.DateTimeField(_("записана"), auto_now_add=True)

    class Meta:
        verbose_name = _("встреча с наставником")
        verbose_name_plural = _("встречи с наставником")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(usefulness__isnull=True) | Q(usefulness__gte=1, usefulness__lte=5),
                name="development_session_usefulness_range",
            ),
            models.CheckConstraint(
                condition=~Q(confirmation=SessionConfirmation.DISPUTED) | ~Q(mentee_comment=""),
                name="development_session_dispute_has_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentorship}: {self.date:%d.%m.%Y}"

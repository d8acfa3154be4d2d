"""Vacancies: a post of a head or a deputy that is (or will be) free, and its state history."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class VacancyReason(models.TextChoices):
    RETIREMENT = "retirement", _("достижение руководителем пенсионного возраста")
    CONTRACT_END = "contract_end", _("окончание срока трудового договора")
    DISMISSAL = "dismissal", _("увольнение")
    TRANSFER = "transfer", _("перевод на другую должность")
    NEW_ORGANIZATION = "new_organization", _("создание новой организации")
    OTHER = "other", _("иная причина")


class VacancySource(models.TextChoices):
    ENTERED = "entered", _("внесена вручную")
    FORECAST = "forecast", _("создана из прогноза")


class VacancyStatus(models.TextChoices):
    OPEN = "open", _("открыта")
    SHORTLISTED = "shortlisted", _("список кандидатов сформирован")
    OFFERED = "offered", _("сделано предложение")
    FILLED = "filled", _("замещена из резерва")
    CLOSED = "closed", _("закрыта")


# A vacancy still to be filled: it counts in the coverage and blocks a second one for the post.
OPEN_STATUSES = (VacancyStatus.OPEN, VacancyStatus.SHORTLISTED, VacancyStatus.OFFERED)


class ClosureReason(models.TextChoices):
    FILLED_OUTSIDE = "filled_outside", _("замещена не из резерва")
    NOT_NEEDED = "not_needed", _("вакансия не возникла")
    ORGANIZATION_CLOSED = "organization_closed", _("организация ликвидирована или реорганизована")
    MISTAKE = "mistake", _("внесена ошибочно")


class Vacancy(models.Model):
    organization = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("организация"),
        on_delete=models.PROTECT,
        related_name="vacancies",
    )
    position_kind = models.ForeignKey(
        "registry.PositionKind",
        verbose_name=_("должность"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    opens_on = models.DateField(_("вакантна с"))
    reason = models.CharField(_("причина"), max_length=24, choices=VacancyReason.choices)
    reason_note = models.TextField(_("пояснение"), blank=True)
    source = models.CharField(_("источник"), max_length=16, choices=VacancySource.choices)
    # The forecast's reasons as they were when the vacancy was made from it.
    forecast_basis = models.TextField(_("основание прогноза"), blank=True)
    status = models.CharField(
        _("статус"), max_length=16, choices=VacancyStatus.choices, default=VacancyStatus.OPEN
    )
    closure_reason = models.CharField(
        _("причина закрытия"), max_length=24, choices=ClosureReason.choices, blank=True
    )
    closure_note = models.TextField(_("пояснение к закрытию"), blank=True)
    closed_on = models.DateField(_("закрыта"), null=True, blank=True)
    shortlist_built_at = models.DateTimeField(
        _("список кандидатов составлен"), null=True, blank=True
    )
    # How many reservists the last shortlist kept off, by reason (onboarding.shortlists.scoring).
    shortlist_kept_off = models.JSONField(_("не включены в список"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто внёс"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("внесена"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("статус изменён"), null=True, blank=True)

    class Meta:
        verbose_name = _("вакансия")
        verbose_name_plural = _("вакансии")
        ordering = ["opens_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "position_kind"],
                condition=Q(status__in=OPEN_STATUSES),
                name="onboarding_vacancy_one_open_per_post",
                violation_error_message=_("На эту должность в организации уже есть вакансия."),
            ),
            models.CheckConstraint(
                condition=~Q(status=VacancyStatus.CLOSED) | ~Q(closure_reason=""),
                name="onboarding_vacancy_closed_has_reason",
            ),
        ]
        indexes = [
            # The vacancy list and the coverage: open vacancies by status and date.
            models.Index(fields=["status", "opens_on"], name="onboarding_vacancy_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.position_kind}, {self.organization}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class VacancyStatusChange(models.Model):
    """A recorded change of a vacancy's status: who, when, from, to, why."""

    vacancy = models.ForeignKey(
        Vacancy, verbose_name=_("вакансия"), on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("из статуса"), max_length=16, choices=VacancyStatus.choices, blank=True
    )
    to_status = models.CharField(_("в статус"), max_length=16, choices=VacancyStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reason = models.TextField(_("основание"), blank=True)
    created_at = models.DateTimeField(_("когда"), auto_now_add=True)

    class Meta:
        verbose_name = _("смена статуса вакансии")
        verbose_name_plural = _("история статусов вакансий")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"

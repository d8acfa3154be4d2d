"""The roadmap's items: what is done, when, by whom, with which resources, toward which target."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RoadmapStage(models.TextChoices):
    SELECTION = "selection", _("отбор")
    ASSESSMENT = "assessment", _("оценка")
    DEVELOPMENT = "development", _("развитие")
    APPOINTMENT = "appointment", _("назначение")
    SYSTEM = "system", _("система работы с резервом")


class RoadmapStatus(models.TextChoices):
    PLANNED = "planned", _("запланировано")
    IN_PROGRESS = "in_progress", _("выполняется")
    DONE = "done", _("выполнено")
    CANCELLED = "cancelled", _("отменено")


# Items still to be carried out: past their end date they are overdue.
OPEN_STATUSES = (RoadmapStatus.PLANNED, RoadmapStatus.IN_PROGRESS)


class BudgetSource(models.TextChoices):
    REGIONAL = "regional", _("областной бюджет")
    FEDERAL = "federal", _("федеральный бюджет")
    MUNICIPAL = "municipal", _("бюджеты муниципальных образований")
    EXTRA_BUDGETARY = "extra_budgetary", _("внебюджетные средства")
    NONE = "none", _("без дополнительного финансирования")


class MeasuredIndicator(models.TextChoices):
    """Indicators the portal measures itself; monitoring fills an item's actual value from them.

    The formulas live once, in the monitoring app's indicator registry; a test there checks that
    every code here has a definition.
    """

    RESERVE_SIZE = "reserve_size", _("численность кадрового резерва, чел.")
    NOMINATIONS = "nominations_total", _("число поданных заявок в резерв")
    ASSESSMENT_PASS_RATE = "assessment_pass_rate", _("доля прошедших оценку, %")
    PLANS_APPROVED_SHARE = "plans_share", _("доля резервистов с утверждённым ИОМ, %")
    PLAN_ITEMS_DONE_SHARE = "plan_items_done_share", _("доля выполненных пунктов ИОМ, %")
    PRACTICE_EVIDENCE_SHARE = (
        "practice_evidence_share",
        _("доля пунктов ИОМ с подтверждённым применением в практике, %"),
    )
    MENTORED_SHARE = "mentored_share", _("доля резервистов с наставником, %")
    MENTORS = "mentors_total", _("число наставников в реестре")
    SESSION_HOURS = "session_hours", _("часы встреч с наставниками")
    REPORTS_ON_TIME_SHARE = (
        "reports_on_time_share",
        _("доля полугодовых отчётов, сданных в срок, %"),
    )
    WELLBEING_INDEX = "wellbeing_index", _("средний индекс благополучия резервистов")
    APPOINTED_FROM_RESERVE = "appointed_from_reserve", _("назначено из резерва, чел.")
    APPOINTED_FROM_RESERVE_SHARE = (
        "appointed_from_reserve_share",
        _("доля назначений руководителей из резерва, %"),
    )
    VACANCY_COVERAGE = "vacancy_coverage", _("покрытие прогнозных вакансий резервом, %")


class RoadmapItem(models.Model):
    number = models.CharField(
        _("№ п/п"), max_length=16, unique=True, help_text=_("например, 1.2 — ключ при загрузке")
    )
    title = models.TextField(_("мероприятие"))
    stage = models.CharField(_("этап"), max_length=16, choices=RoadmapStage.choices)
    starts_on = models.DateField(_("начало"))
    ends_on = models.DateField(_("окончание"))
    responsible = models.CharField(_("ответственный исполнитель"), max_length=300)
    responsible_person = models.CharField(_("ответственное лицо"), max_length=200, blank=True)
    responsible_organization = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("организация-исполнитель из реестра"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # One partner a line: ИРО, ОГПУ, ЦНППМ, municipal authorities…
    partners = models.TextField(_("соисполнители"), blank=True)
    budget_amount = models.DecimalField(
        _("объём финансирования, руб."), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_source = models.CharField(
        _("источник финансирования"), max_length=16, choices=BudgetSource.choices, blank=True
    )
    staff_resources = models.TextField(_("кадровые ресурсы"), blank=True)
    methodological_resources = models.TextField(_("методические ресурсы"), blank=True)
    material_resources = models.TextField(_("материально-технические ресурсы"), blank=True)
    indicator = models.CharField(_("показатель"), max_length=300, blank=True)
    indicator_code = models.CharField(
        _("показатель портала"),
        max_length=40,
        choices=MeasuredIndicator.choices,
        blank=True,
        help_text=_("если задан, фактическое значение заполняется мониторингом автоматически"),
    )
    unit = models.CharField(_("единица измерения"), max_length=20, blank=True)
    target_value = models.DecimalField(
        _("целевое значение"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    actual_value = models.DecimalField(
        _("фактическое значение"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    actual_on = models.DateField(_("факт на дату"), null=True, blank=True)
    actual_from_monitoring = models.BooleanField(_("факт из мониторинга"), default=False)
    status = models.CharField(
        _("статус"), max_length=16, choices=RoadmapStatus.choices, default=RoadmapStatus.PLANNED
    )
    completed_on = models.DateField(_("выполнено"), null=True, blank=True)
    note = models.TextField(_("примечание"), blank=True)
    sort_key = models.CharField(_("ключ сортировки"), max_length=64, editable=False, default="")
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    class Meta:
        verbose_name = _("мероприятие дорожной карты")
        verbose_name_plural = _("дорожная карта")
        ordering = ["sort_key", "number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="governance_roadmapitem_ends_after_start",
                violation_error_message=_("Окончание мероприятия раньше его начала."),
            ),
            models.CheckConstraint(
                condition=Q(budget_amount__isnull=True) | Q(budget_amount__gte=0),
                name="governance_roadmapitem_budget_not_negative",
            ),
        ]
        indexes = [
            # The timeline's default filter and the «overdue» count: open items by end date.
            models.Index(fields=["status", "ends_on"], name="governance_roadmap_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title[:120]}"

    def save(self, *args, **kwargs) -> None:
        self.sort_key = number_sort_key(self.number)
        if kwargs.get("update_fields") is not None and "number" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if (
            self.indicator_code
            and self.actual_value is not None
            and not self.actual_from_monitoring
        ):
            # A measured indicator's actual value is the monitoring's; a value typed by hand
            # would be overwritten silently at the next monthly run.
            raise ValidationError(
                {"actual_value": _("Фактическое значение этого показателя заполняет мониторинг.")}
            )
        if self.budget_amount and self.budget_source == BudgetSource.NONE:
            raise ValidationError(
                {"budget_source": _("Указана сумма, но источник — «без финансирования».")}
            )

    def overdue_on(self, today: datetime.date) -> bool:
        """Return whether the item is past its end date and neither done nor cancelled."""
        return self.ends_on < today and self.status in OPEN_STATUSES

    @staticmethod
    def overdue_condition(today: datetime.date) -> Q:
        """Return overdue_on() as a query condition."""
        return Q(ends_on__lt=today, status__in=OPEN_STATUSES)

    @property
    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    @property
    def target_reached(self) -> bool | None:
        """Return whether the actual value reached the target; None when either is missing."""
        if self.target_value is None or self.actual_value is None:
            return None
        return self.actual_value >= self.target_value


def number_sort_key(number: str) -> str:
    """Return a key that orders «1.2» before «1.10» and «2» after both."""
    parts = []
    for part in number.replace(",", ".").split("."):
        part = part.strip()
        parts.append(part.zfill(6) if part.isdigit() else part.ljust(6))
    return ".".join(parts)[:64]


def format_value(value: Decimal | None) -> str:
    """Return a value as people write it: «12», «12,5», «—» for none."""
    if value is None:
        return "—"
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text.replace(".", ",")

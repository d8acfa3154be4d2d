"""Individual development plans (ИОМ): items tied to gaps, with evidence of completion and use."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("черновик")
    ON_APPROVAL = "on_approval", _("на согласовании")
    APPROVED = "approved", _("утверждён")
    IN_PROGRESS = "in_progress", _("выполняется")
    COMPLETED = "completed", _("завершён")


# Plans whose items count for «overdue» and reminders: approved and being carried out.
WORKING_STATUSES = (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS)


class DevelopmentPlan(models.Model):
    candidate = models.ForeignKey(
        "candidates.Candidate",
        verbose_name=_("резервист"),
        on_delete=models.PROTECT,
        related_name="development_plans",
    )
    membership = models.ForeignKey(
        "candidates.ReserveMembership",
        verbose_name=_("членство в резерве"),
        on_delete=models.PROTECT,
        related_name="development_plans",
    )
    source_result = models.ForeignKey(
        "assessment.Result",
        verbose_name=_("по результатам оценки"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("статус"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    starts_on = models.DateField(_("начало"))
    ends_on = models.DateField(_("окончание"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("кто утвердил"),
    )
    approved_at = models.DateTimeField(_("утверждён"), null=True, blank=True)
    created_at = models.DateTimeField(_("создан"), auto_now_add=True)

    class Meta:
        verbose_name = _("индивидуальный план развития")
        verbose_name_plural = _("индивидуальные планы развития")
        ordering = ["-created_at"]
        constraints = [
            # One plan in work per reservist's membership; finished ones stay as history.
            models.UniqueConstraint(
                fields=["membership"],
                condition=~Q(status=PlanStatus.COMPLETED),
                name="development_plan_one_open_per_membership",
            ),
        ]

    def __str__(self) -> str:
        return f"ИОМ: {self.candidate}"

    @property
    def is_editable(self) -> bool:
        """Return whether items may still be added, re-dated or removed: only in a draft."""
        return self.status == PlanStatus.DRAFT

    @property
    def is_in_work(self) -> bool:
        """Return whether the plan is approved and being carried out (items count as due)."""
        return self.status in WORKING_STATUSES


class PlanStatusChange(models.Model):
    plan = models.ForeignKey(
        DevelopmentPlan,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("план развития"),
    )
    from_status = models.CharField(_("было"), max_length=16, choices=PlanStatus.choices, blank=True)
    to_status = models.CharField(_("стало"), max_length=16, choices=PlanStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("кто"),
    )
    reason = models.TextField(_("комментарий"), blank=True)
    created_at = models.DateTimeField(_("когда"), auto_now_add=True)

    class Meta:
        verbose_name = _("смена статуса плана")
        verbose_name_plural = _("история статусов плана")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class PlanItemStatus(models.TextChoices):
    PLANNED = "planned", _("запланировано")
    IN_PROGRESS = "in_progress", _("выполняется")
    DONE = "done", _("выполнено")


class PracticeStatus(models.TextChoices):
    """Where the evidence of application in practice stands: only someone who saw it confirms."""

    NOT_SENT = "not_sent", _("не отправлено на подтверждение")
    PENDING = "pending", _("ожидает подтверждения")
    RETURNED = "returned", _("возвращено с замечанием")
    CONFIRMED = "confirmed", _("подтверждено")


class PlanItem(models.Model):
    plan = models.ForeignKey(
        DevelopmentPlan,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("план развития"),
    )
    activity = models.ForeignKey(
        "development.Activity",
        verbose_name=_("мероприятие"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_items",
    )
    title = models.CharField(_("что сделать"), max_length=300)
    competency = models.ForeignKey(
        "assessment.Competency",
        verbose_name=_("компетенция"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Why the item is in the plan, e.g. «компетенция “Финансы…”: уровень 1 при целевом 3».
    reason = models.TextField(_("обоснование"), blank=True)
    due_date = models.DateField(_("срок"))
    status = models.CharField(
        _("статус"), max_length=16, choices=PlanItemStatus.choices, default=PlanItemStatus.PLANNED
    )
    # Evidence of completion: a certificate, the tutor's report for an internship.
    completion_file = models.FileField(
        _("подтверждение выполнения"), upload_to="evidence/%Y/%m/", blank=True
    )
    completion_note = models.TextField(_("что пройдено"), blank=True)
    completion_added_at = models.DateTimeField(
        _("подтверждение выполнения добавлено"), null=True, blank=True
    )
    # Evidence of application in practice: what changed in the candidate's work.
    practice_description = models.TextField(_("применение в практике"), blank=True)
    practice_file = models.FileField(
        _("документ о применении"), upload_to="evidence/%Y/%m/", blank=True
    )
    practice_link = models.URLField(_("ссылка на результат"), blank=True)
    practice_added_at = models.DateTimeField(
        _("подтверждение применения добавлено"), null=True, blank=True
    )
    # Who saw the practice and is asked to confirm it: the mentor, the head of the reservist's
    # organization, or the internship's tutor (development.access.practice_confirmers_for).
    practice_status = models.CharField(
        _("подтверждение применения"),
        max_length=12,
        choices=PracticeStatus.choices,
        default=PracticeStatus.NOT_SENT,
    )
    practice_confirmer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто подтверждает применение"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_requests",
    )
    practice_confirmed_at = models.DateTimeField(
        _("применение подтверждено"), null=True, blank=True
    )
    # The course provider's representative may confirm the completion (it does not gate «done»).
    completion_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("выполнение подтвердил организатор"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    completion_confirmed_at = models.DateTimeField(
        _("выполнение подтверждено организатором"), null=True, blank=True
    )
    completed_at = models.DateTimeField(_("выполнено"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("напоминание отправлено"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("пункт плана")
        verbose_name_plural = _("пункты плана")
        ordering = ["plan", "due_date", "sort_order", "id"]
        constraints = [
            # Done means both kinds of evidence are there.
            models.CheckConstraint(
                condition=~Q(status=PlanItemStatus.DONE)
                | (
                    ~Q(completion_file="")
                    & ~Q(practice_description="")
                    & (~Q(practice_file="") | ~Q(practice_link=""))
                ),
                name="development_planitem_done_has_evidence",
            ),
            # …and someone who saw the practice has confirmed it.
            models.CheckConstraint(
                condition=~Q(status=PlanItemStatus.DONE)
                | Q(practice_status=PracticeStatus.CONFIRMED),
                name="development_planitem_done_is_confirmed",
            ),
            models.CheckConstraint(
                condition=~Q(practice_status=PracticeStatus.PENDING)
                | Q(practice_confirmer__isnull=False),
                name="development_planitem_pending_has_confirmer",
            ),
        ]
        indexes = [
            # Reminders and "overdue" lists: open items by due date.
            models.Index(fields=["status", "due_date"], name="development_item_due_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def practice_is_locked(self) -> bool:
        """Return whether the practice evidence is fixed: awaiting or having a confirmation."""
        return self.practice_status in (PracticeStatus.PENDING, PracticeStatus.CONFIRMED)

    def overdue_on(self, today: datetime.date) -> bool:
        """Return whether the item is past its due date and not done."""
        return self.due_date < today and self.status != PlanItemStatus.DONE

    @staticmethod
    def overdue_condition(today: datetime.date, prefix: str = "") -> Q:
        """Return overdue_on() as a query condition (on a relation's items, with a prefix)."""
        return Q(**{f"{prefix}due_date__lt": today}) & ~Q(
            **{f"{prefix}status": PlanItemStatus.DONE}
        )


class ReviewDecision(models.TextChoices):
    CONFIRMED = "confirmed", _("применение подтверждено")
    RETURNED = "returned", _("применение возвращено с замечанием")
    COMPLETION_CONFIRMED = "completion", _("выполнение подтверждено организатором")


class PracticeReview(models.Model):
    """One decision on an item's evidence by someone other than the reservist: the history."""

    item = models.ForeignKey(
        PlanItem, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("пункт плана")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто решил"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # In whose capacity: «наставник», «руководитель организации», «тьютор стажировки»…
    capacity = models.CharField(_("в качестве"), max_length=100)
    decision = models.CharField(_("решение"), max_length=12, choices=ReviewDecision.choices)
    comment = models.TextField(_("комментарий"), blank=True)
    created_at = models.DateTimeField(_("когда"), auto_now_add=True)

    class Meta:
        verbose_name = _("решение о подтверждении")
        verbose_name_plural = _("решения о подтверждении")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(decision=ReviewDecision.RETURNED) | ~Q(comment=""),
                name="development_practicereview_return_has_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_decision_display()}"

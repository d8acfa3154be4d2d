"""The commission, its meetings, votes and decisions, and membership of the reserve."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from candidates.models.nominations import Nomination
from candidates.models.people import Candidate


class Commission(models.Model):
    name = models.CharField(_("наименование"), max_length=255)
    is_active = models.BooleanField(_("действует"), default=True)
    composition_order = models.ForeignKey(
        "governance.Order",
        verbose_name=_("состав утверждён приказом"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)

    class Meta:
        verbose_name = _("комиссия")
        verbose_name_plural = _("комиссии")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CommissionRole(models.TextChoices):
    CHAIR = "chair", _("председатель")
    DEPUTY_CHAIR = "deputy_chair", _("заместитель председателя")
    SECRETARY = "secretary", _("секретарь")
    MEMBER = "member", _("член комиссии")


class CommissionMember(models.Model):
    commission = models.ForeignKey(
        Commission, on_delete=models.CASCADE, related_name="members", verbose_name=_("комиссия")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("член комиссии"),
        on_delete=models.PROTECT,
        related_name="commission_memberships",
    )
    role = models.CharField(
        _("роль"), max_length=16, choices=CommissionRole.choices, default=CommissionRole.MEMBER
    )
    position = models.CharField(_("должность"), max_length=255, blank=True)
    is_active = models.BooleanField(_("входит в состав"), default=True)

    class Meta:
        verbose_name = _("член комиссии")
        verbose_name_plural = _("состав комиссии")
        ordering = ["commission", "role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["commission", "user"], name="candidates_commissionmember_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("запланировано")
    HELD = "held", _("проведено")


class CommissionMeeting(models.Model):
    commission = models.ForeignKey(
        Commission, verbose_name=_("комиссия"), on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField(_("дата заседания"))
    starts_at = models.TimeField(_("время начала"), null=True, blank=True)
    place = models.CharField(_("место проведения"), max_length=500, blank=True)
    protocol_number = models.CharField(_("номер протокола"), max_length=50, blank=True)
    protocol_date = models.DateField(_("дата составления протокола"), null=True, blank=True)
    invited = models.TextField(
        _("приглашённые"), blank=True, help_text=_("По одному в строке: ФИО, должность.")
    )
    status = models.CharField(
        _("статус"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    held_at = models.DateTimeField(_("проведено"), null=True, blank=True)
    # A meeting is open on its date; on another day only once its secretary opened it.
    opened_at = models.DateTimeField(_("открыто секретарём"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто открыл"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)

    class Meta:
        verbose_name = _("заседание комиссии")
        verbose_name_plural = _("заседания комиссии")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["commission", "protocol_number"],
                condition=~Q(protocol_number=""),
                name="candidates_meeting_protocol_number_unique",
                violation_error_message=_("Протокол с таким номером уже есть."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commission}, заседание {self.date:%d.%m.%Y}"

    def is_open(self, today: datetime.date) -> bool:
        """Return whether votes and decisions are taken now: planned, and today or opened."""
        if self.status != MeetingStatus.PLANNED:
            return False
        return self.date == today or self.opened_at is not None


class Decision(models.TextChoices):
    INCLUDE = "include", _("включить в резерв")
    REFUSE = "refuse", _("отказать во включении")
    EXTEND = "extend", _("продлить срок пребывания в резерве")


class AgendaItem(models.Model):
    """A question on a meeting's agenda: a nomination to decide, or a membership to extend."""

    meeting = models.ForeignKey(
        CommissionMeeting,
        on_delete=models.CASCADE,
        related_name="agenda_items",
        verbose_name=_("заседание"),
    )
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("заявка"),
        on_delete=models.PROTECT,
        related_name="agenda_items",
        null=True,
        blank=True,
    )
    membership = models.ForeignKey(
        "candidates.ReserveMembership",
        verbose_name=_("членство в резерве"),
        on_delete=models.PROTECT,
        related_name="agenda_items",
        null=True,
        blank=True,
    )
    speaker = models.ForeignKey(
        CommissionMember,
        verbose_name=_("докладчик"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    # Proposed terms of inclusion, set when the item is put on the agenda.
    category = models.CharField(_("категория резерва"), max_length=32, blank=True)
    readiness = models.CharField(_("готовность"), max_length=32, blank=True)
    decision = models.CharField(_("решение"), max_length=16, choices=Decision.choices, blank=True)
    decision_reason = models.TextField(_("обоснование решения"), blank=True)
    decided_at = models.DateTimeField(_("решение принято"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("за"), default=0)
    votes_against = models.PositiveSmallIntegerField(_("против"), default=0)
    votes_abstained = models.PositiveSmallIntegerField(_("воздержались"), default=0)
    tie_broken_by_chair = models.BooleanField(
        _("при равенстве голосов решил голос председательствующего"), default=False
    )

    class Meta:
        verbose_name = _("вопрос повестки")
        verbose_name_plural = _("повестка заседания")
        ordering = ["meeting", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nomination__isnull=False) | Q(membership__isnull=False),
                name="candidates_agendaitem_has_subject",
            ),
            models.UniqueConstraint(
                fields=["meeting", "nomination"],
                condition=Q(nomination__isnull=False),
                name="candidates_agendaitem_nomination_once_per_meeting",
            ),
        ]

    def __str__(self) -> str:
        return str(self.nomination or self.membership)


class VoteChoice(models.TextChoices):
    FOR = "for", _("за")
    AGAINST = "against", _("против")
    ABSTAIN = "abstain", _("воздержался")


class Vote(models.Model):
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="votes",
        verbose_name=_("вопрос повестки"),
    )
    member = models.ForeignKey(
        CommissionMember,
        on_delete=models.PROTECT,
        related_name="votes",
        verbose_name=_("член комиссии"),
    )
    choice = models.CharField(_("голос"), max_length=8, choices=VoteChoice.choices)
    # The member themself, or the secretary recording a present member's vote.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто записал"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cast_at = models.DateTimeField(_("когда"), auto_now=True)

    class Meta:
        verbose_name = _("голос")
        verbose_name_plural = _("голоса")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "member"], name="candidates_vote_once_per_member"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_choice_display()}"

    @property
    def cast_by_member(self) -> bool:
        """Return whether the member cast this vote themself (nobody may overwrite it then)."""
        return self.recorded_by_id is not None and self.recorded_by_id == self.member.user_id


class MembershipStatus(models.TextChoices):
    # Inclusion is by the ministry's order: between the decision and the order the person waits.
    PENDING_ORDER = "pending_order", _("ожидает приказа о включении")
    ACTIVE = "active", _("в резерве")
    APPOINTED = "appointed", _("назначен")
    EXCLUDED = "excluded", _("исключён")
    EXPIRED = "expired", _("срок истёк")


class ReserveMembership(models.Model):
    candidate = models.ForeignKey(
        Candidate, verbose_name=_("резервист"), on_delete=models.PROTECT, related_name="memberships"
    )
    nomination = models.OneToOneField(
        Nomination, verbose_name=_("заявка"), on_delete=models.PROTECT, related_name="membership"
    )
    position_kind = models.ForeignKey(
        "registry.PositionKind",
        verbose_name=_("должность"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    municipality = models.ForeignKey(
        "registry.Municipality",
        verbose_name=_("муниципальное образование"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    category = models.CharField(_("категория"), max_length=32)
    readiness = models.CharField(_("готовность"), max_length=32)
    # Both set from the inclusion order's date: the term counts from the order, not the meeting.
    started_on = models.DateField(_("в резерве с"), null=True, blank=True)
    term_ends_on = models.DateField(_("срок до"), null=True, blank=True)
    extensions = models.PositiveSmallIntegerField(_("продлений"), default=0)
    status = models.CharField(
        _("статус"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.ACTIVE,
    )
    exclusion_ground = models.CharField(_("основание исключения"), max_length=32, blank=True)
    ended_on = models.DateField(_("дата выхода из резерва"), null=True, blank=True)
    decision_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("решение комиссии"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    inclusion_order = models.ForeignKey(
        "governance.Order",
        verbose_name=_("приказ о включении"),
        on_delete=models.PROTECT,
        related_name="included_memberships",
        null=True,
        blank=True,
    )
    exclusion_order = models.ForeignKey(
        "governance.Order",
        verbose_name=_("приказ об исключении"),
        on_delete=models.PROTECT,
        related_name="excluded_memberships",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("членство в резерве")
        verbose_name_plural = _("кадровый резерв")
        ordering = ["candidate__last_name", "candidate__first_name"]
        indexes = [
            # The daily expiry run and "term ending within N months" filter.
            models.Index(fields=["status", "term_ends_on"], name="candidates_membership_term_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_ends_on__gte=models.F("started_on")),
                name="candidates_membership_term_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status="excluded") | ~Q(exclusion_ground=""),
                name="candidates_membership_excluded_has_ground",
            ),
            models.CheckConstraint(
                condition=Q(status="pending_order")
                | Q(started_on__isnull=False, term_ends_on__isnull=False),
                name="candidates_membership_started_has_term",
                violation_error_message=_("В резерве с даты приказа: укажите срок пребывания."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} — {self.position_kind}"


# What each kind of membership event is called on the pages and in the back office.
MEMBERSHIP_EVENT_LABELS = {
    "decide_include": "решение комиссии о включении",
    "include": "включение в резерв приказом",
    "extend": "продление срока",
    "exclude": "исключение из резерва",
    "expire": "истечение срока",
    "appoint": "назначение на должность",
}


def membership_status_label(code: str) -> str:
    """Return a membership status in words («в резерве»); an empty code is «—»."""
    if not code:
        return "—"
    return MembershipStatus(code).label if code in MembershipStatus.values else code


class MembershipEvent(models.Model):
    """A recorded change of a membership: inclusion, extension, exclusion, expiry, appointment."""

    membership = models.ForeignKey(
        ReserveMembership,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("членство в резерве"),
    )
    action = models.CharField(_("событие"), max_length=32)
    from_status = models.CharField(_("из статуса"), max_length=16, blank=True)
    to_status = models.CharField(_("в статус"), max_length=16)
    old_term_ends_on = models.DateField(_("прежний срок окончания"), null=True, blank=True)
    new_term_ends_on = models.DateField(_("новый срок окончания"), null=True, blank=True)
    reason = models.TextField(_("основание"), blank=True)
    order = models.ForeignKey(
        "governance.Order",
        verbose_name=_("приказ"),
        on_delete=models.PROTECT,
        related_name="membership_events",
        null=True,
        blank=True,
    )
    decision_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("решение комиссии"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("кто внёс"),
    )
    created_at = models.DateTimeField(_("когда"), auto_now_add=True)

    class Meta:
        verbose_name = _("событие членства в резерве")
        verbose_name_plural = _("история членства в резерве")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.membership}: {self.action_label}"

    @property
    def action_label(self) -> str:
        return MEMBERSHIP_EVENT_LABELS.get(self.action, self.action)

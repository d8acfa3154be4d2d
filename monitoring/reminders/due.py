"""What is due today, stage by stage: each gatherer returns the reminders it would give.

A gatherer only reads; the key it gives a reminder (object and date) is what makes the daily run
give it once.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from assessment.campaigns.selectors.progress import CampaignProgress
from assessment.models import Campaign, CampaignStatus, Participant
from candidates.models import MembershipStatus, ReserveMembership
from development.models import (
    WORKING_STATUSES,
    MentoringSession,
    MentorshipStatus,
    PlanItem,
    PlanItemStatus,
    SessionConfirmation,
)
from governance.selectors import regulation_in_force
from monitoring.halfyear.models import HalfYearReport, ReportStatus
from monitoring.halfyear.periods import next_due, owes_condition
from monitoring.reminders.models import ReminderKind
from onboarding.induction.reminders import reminder_days
from onboarding.models import InductionCheckpoint, InductionStatus, Offer, OfferStatus

PLAN_ITEM_DAYS = 7
SESSION_WAIT_DAYS = 2
ASSESSMENT_DAYS = 3
TERM_DAYS = 60
REPORT_DAYS = 14
OFFER_DAYS = 2
PORTAL_LINE = "Подробности — на портале «Кадровый резерв»."


@dataclass(frozen=True)
class Due:
    """A reminder to give: to whom, about what, the portal's words and the letter's."""

    kind: str
    key: str
    user_id: int
    text: str
    url: str
    subject: str
    body: str


def _letter(first_name: str, *lines: str) -> str:
    return "\n".join([f"Здравствуйте, {first_name}!", "", *lines, "", PORTAL_LINE])


def plan_items_due(today: datetime.date) -> list[Due]:
    """Open items of plans in work falling due within a week (not reminded by the old command)."""
    horizon = today + datetime.timedelta(days=PLAN_ITEM_DAYS)
    items = (
        PlanItem.objects.filter(
            plan__status__in=WORKING_STATUSES,
            plan__membership__status=MembershipStatus.ACTIVE,
            due_date__gte=today,
            due_date__lte=horizon,
            reminded_at__isnull=True,
        )
        .exclude(status=PlanItemStatus.DONE)
        .select_related("plan__candidate")
    )
    url = reverse("development:my_plan")
    return [
        Due(
            kind=ReminderKind.PLAN_ITEM_DUE,
            key=f"plan_item:{item.pk}:{item.due_date.isoformat()}",
            user_id=item.plan.candidate.user_id,
            text=f"Срок пункта плана «{item.title}» — {item.due_date:%d.%m.%Y}.",
            url=url,
            subject=f"Кадровый резерв: срок пункта плана — {item.due_date:%d.%m.%Y}",
            body=_letter(
                item.plan.candidate.first_name,
                f"Срок пункта вашего плана развития «{item.title}» — {item.due_date:%d.%m.%Y}.",
                "Добавьте подтверждение выполнения и описание применения в практике.",
            ),
        )
        for item in items
    ]


def sessions_to_confirm(today: datetime.date) -> list[Due]:
    """Meetings the mentee has not confirmed for two days after they were logged."""
    logged_before = today - datetime.timedelta(days=SESSION_WAIT_DAYS)
    sessions = MentoringSession.objects.filter(
        confirmation=SessionConfirmation.PENDING,
        mentorship__status=MentorshipStatus.ACTIVE,
        created_at__date__lte=logged_before,
    ).select_related("mentorship__mentee", "mentorship__mentor__user")
    url = reverse("development:my_mentor")
    return [
        Due(
            kind=ReminderKind.SESSION_TO_CONFIRM,
            key=f"session:{session.pk}",
            user_id=session.mentorship.mentee.user_id,
            text=f"Встреча с наставником {session.date:%d.%m.%Y} ждёт подтверждения.",
            url=url,
            subject="Кадровый резерв: встреча ждёт подтверждения",
            body=_letter(
                session.mentorship.mentee.first_name,
                f"Наставник {session.mentorship.mentor.user.get_full_name()} записал встречу "
                f"{session.date:%d.%m.%Y}. Подтвердите её или оспорьте в разделе «Мой наставник».",
            ),
        )
        for session in sessions
    ]


def assessment_deadlines(today: datetime.date) -> list[Due]:
    """Participants' unfinished procedures whose deadline is within three days."""
    horizon = today + datetime.timedelta(days=ASSESSMENT_DAYS)
    url = reverse("assessment:my_assessment")
    found = []
    for campaign in Campaign.objects.filter(status=CampaignStatus.ACTIVE):
        participants = Participant.objects.filter(campaign=campaign).select_related("candidate")
        for row in CampaignProgress(campaign, participants).rows:
            near = [c for c in row.pending_for_participant if today <= c.deadline <= horizon]
            if not near:
                continue
            candidate = row.participant.candidate
            first = min(cell.deadline for cell in near)
            names = ", ".join(cell.name for cell in near)
            found.append(
                Due(
                    kind=ReminderKind.ASSESSMENT_DEADLINE,
                    key=f"assessment:{row.participant.pk}:{first.isoformat()}",
                    user_id=candidate.user_id,
                    text=f"Открыта оценка «{campaign.name}»: {names} — до {first:%d.%m.%Y}.",
                    url=url,
                    subject=f"Кадровый резерв: срок оценки — {first:%d.%m.%Y}",
                    body=_letter(
                        candidate.first_name,
                        f"В кампании оценки «{campaign.name}» не завершено: {names}.",
                        f"Ближайший срок — {first:%d.%m.%Y}.",
                    ),
                )
            )
    return found


def terms_ending(today: datetime.date) -> list[Due]:
    """Active memberships whose term ends within sixty days."""
    horizon = today + datetime.timedelta(days=TERM_DAYS)
    memberships = ReserveMembership.objects.filter(
        status=MembershipStatus.ACTIVE, term_ends_on__gte=today, term_ends_on__lte=horizon
    ).select_related("candidate", "position_kind")
    url = reverse("accounts:home_candidate")
    return [
        Due(
            kind=ReminderKind.TERM_ENDING,
            key=f"term:{membership.pk}:{membership.term_ends_on.isoformat()}",
            user_id=membership.candidate.user_id,
            text=f"Срок пребывания в резерве истекает {membership.term_ends_on:%d.%m.%Y}.",
            url=url,
            subject="Кадровый резерв: истекает срок пребывания в резерве",
            body=_letter(
                membership.candidate.first_name,
                f"Срок вашего пребывания в резерве на должность «{membership.position_kind}» "
                f"истекает {membership.term_ends_on:%d.%m.%Y}. О продлении срока решает "
                "комиссия: обратитесь к муниципальному координатору.",
            ),
        )
        for membership in memberships
    ]


def reports_due(today: datetime.date) -> list[Due]:
    """Reservists owing the coming half-yearly report not yet handed in, 14 days before it."""
    regulation = regulation_in_force()
    due_on = next_due(regulation, today)
    if (due_on - today).days > REPORT_DAYS:
        return []
    handed_in = HalfYearReport.objects.filter(due_on=due_on).exclude(
        status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED]
    )
    memberships = (
        ReserveMembership.objects.filter(owes_condition(due_on), status=MembershipStatus.ACTIVE)
        .exclude(pk__in=handed_in.values("membership_id"))
        .select_related("candidate")
    )
    url = reverse("monitoring:my_reports")
    return [
        Due(
            kind=ReminderKind.REPORT_DUE,
            key=f"report:{membership.pk}:{due_on.isoformat()}",
            user_id=membership.candidate.user_id,
            text=f"Сдайте полугодовой отчёт о выполнении плана развития до {due_on:%d.%m.%Y}.",
            url=url,
            subject=f"Кадровый резерв: полугодовой отчёт — до {due_on:%d.%m.%Y}",
            body=_letter(
                membership.candidate.first_name,
                f"До {due_on:%d.%m.%Y} сдайте полугодовой отчёт о выполнении индивидуального "
                "плана развития. Черновик уже составлен из пунктов вашего плана: проверьте и "
                "дополните его в разделе «Полугодовые отчёты».",
            ),
        )
        for membership in memberships
    ]


def offers_to_answer(today: datetime.date) -> list[Due]:
    """Offers of a post still unanswered two days before the date to answer by."""
    horizon = today + datetime.timedelta(days=OFFER_DAYS)
    offers = Offer.objects.filter(
        status=OfferStatus.OFFERED, respond_by__gte=today, respond_by__lte=horizon
    ).select_related("membership__candidate", "vacancy__organization", "vacancy__position_kind")
    return [
        Due(
            kind=ReminderKind.OFFER_TO_ANSWER,
            key=f"offer:{offer.pk}:{offer.respond_by.isoformat()}",
            user_id=offer.membership.candidate.user_id,
            text=f"Ответьте на предложение должности «{offer.vacancy.position_kind}» "
            f"({offer.vacancy.organization}) до {offer.respond_by:%d.%m.%Y}.",
            url=reverse("onboarding:offer_answer", args=[offer.pk]),
            subject=f"Кадровый резерв: ответьте на предложение до {offer.respond_by:%d.%m.%Y}",
            body=_letter(
                offer.membership.candidate.first_name,
                f"Вам предложена должность «{offer.vacancy.position_kind}» "
                f"({offer.vacancy.organization}). Ответить — согласиться или отказаться с "
                f"указанием причины — нужно до {offer.respond_by:%d.%m.%Y}; без ответа "
                "предложение закроется.",
            ),
        )
        for offer in offers
    ]


def induction_checkpoints(today: datetime.date) -> list[Due]:
    """Checkpoints of running induction plans within a week: to the new head and the mentor.

    Checkpoints the appointment stage's own command (remind_induction) has already reminded by
    mail are left to it, so nobody gets the same letter twice.
    """
    horizon = today + datetime.timedelta(days=reminder_days())
    checkpoints = InductionCheckpoint.objects.filter(
        plan__status=InductionStatus.ACTIVE,
        reviewed_at__isnull=True,
        reminded_at__isnull=True,
        due_on__gte=today,
        due_on__lte=horizon,
    ).select_related("plan__appointment__membership__candidate", "plan__mentor__user")
    found = []
    for checkpoint in checkpoints:
        plan = checkpoint.plan
        candidate = plan.appointment.membership.candidate
        stage = f"«{checkpoint.get_month_display()}» — {checkpoint.due_on:%d.%m.%Y}"
        url = reverse("onboarding:induction_detail", args=[plan.pk])
        subject = f"Кадровый резерв: контрольная точка адаптации — {checkpoint.due_on:%d.%m.%Y}"
        found.append(
            Due(
                kind=ReminderKind.INDUCTION_CHECKPOINT,
                key=f"induction:{checkpoint.pk}:{checkpoint.due_on.isoformat()}",
                user_id=candidate.user_id,
                text=f"Контрольная точка плана введения в должность {stage}.",
                url=url,
                subject=subject,
                body=_letter(
                    candidate.first_name,
                    f"Контрольная точка плана введения в должность {stage}. Отметьте "
                    "выполненные задачи в разделе «Назначение».",
                ),
            )
        )
        if plan.mentor is not None:
            found.append(
                Due(
                    kind=ReminderKind.INDUCTION_CHECKPOINT,
                    key=f"induction:{checkpoint.pk}:{checkpoint.due_on.isoformat()}:mentor",
                    user_id=plan.mentor.user_id,
                    text=f"Контрольная точка адаптации (новый руководитель — "
                    f"{candidate.full_name}): {stage}.",
                    url=url,
                    subject=subject,
                    body=_letter(
                        plan.mentor.user.first_name,
                        "Контрольная точка плана введения в должность (новый руководитель — "
                        f"{candidate.full_name}) {stage}.",
                    ),
                )
            )
    return found


GATHERERS: list[Callable[[datetime.date], list[Due]]] = [
    plan_items_due,
    sessions_to_confirm,
    assessment_deadlines,
    terms_ending,
    reports_due,
    offers_to_answer,
    induction_checkpoints,
]

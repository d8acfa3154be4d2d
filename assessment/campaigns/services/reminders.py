"""Reminders to the participants and experts who have not finished, at most once an hour."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from assessment.campaigns.selectors.progress import CampaignProgress
from assessment.models import Campaign, CampaignStatus, Participant
from audit.models import AuditEvent
from audit.services import audit_record
from core.mail import Letter, mail_many_on_commit

REMIND_ACTION = "assessment.campaign.remind"
REMIND_INTERVAL = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class ReminderOutcome:
    participants: int
    experts: int


def campaign_remind(
    *, campaign: Campaign, actor, request: HttpRequest | None = None
) -> ReminderOutcome:
    """Email the participants and experts who have not finished; send after commit.

    A second press within REMIND_INTERVAL is refused, so that a double click or two staff
    members at once do not send everyone the same letter twice.
    """
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if locked.status != CampaignStatus.ACTIVE:
            raise ValidationError("Напоминания отправляются только в ходе кампании.")
        last = (
            AuditEvent.objects.filter(
                action=REMIND_ACTION,
                object_type=Campaign._meta.label_lower,
                object_id=str(locked.pk),
                created_at__gte=timezone.now() - REMIND_INTERVAL,
            )
            .order_by("-created_at")
            .first()
        )
        if last is not None:
            raise ValidationError(
                "Напоминания уже отправлены в "
                f"{timezone.localtime(last.created_at):%H:%M}; повторить можно через час."
            )
        letters, participant_count, expert_count = _reminders(locked)
        audit_record(
            actor=actor,
            action=REMIND_ACTION,
            obj=locked,
            changes={
                "напоминания участникам": (None, participant_count),
                "напоминания экспертам": (None, expert_count),
            },
            request=request,
        )
        mail_many_on_commit(letters)
    return ReminderOutcome(participants=participant_count, experts=expert_count)


def _reminders(campaign: Campaign) -> tuple[list[Letter], int, int]:
    """Return the letters to those who have not finished, and how many of each kind."""
    progress = CampaignProgress(campaign, Participant.objects.filter(campaign=campaign))
    letters = []
    participant_count = 0
    for row in progress.rows:
        pending = row.pending_for_participant
        email = row.participant.candidate.email
        if not pending or not email:
            continue
        participant_count += 1
        lines = [
            f"Здравствуйте, {row.participant.candidate.first_name}!",
            "",
            f"В кампании оценки «{campaign.name}» у вас не завершено:",
            *[f"— {cell.name}: {cell.label}, срок — {cell.deadline:%d.%m.%Y}" for cell in pending],
            "",
            "Продолжить можно в личном кабинете портала «Кадровый резерв».",
        ]
        letters.append(
            Letter(
                subject=f"Кадровый резерв: напоминание об оценке — {campaign.name}",
                body="\n".join(lines),
                recipients=[email],
            )
        )
    experts = progress.experts_pending()
    for expert, count in experts:
        if not expert.email:
            continue
        lines = [
            f"Здравствуйте, {expert.first_name or expert.username}!",
            "",
            f"В кампании оценки «{campaign.name}» ждут вашей оценки участников: {count}.",
            "",
            "Откройте раздел «Мои оценки» на портале «Кадровый резерв».",
        ]
        letters.append(
            Letter(
                subject=f"Кадровый резерв: ожидают экспертной оценки — {campaign.name}",
                body="\n".join(lines),
                recipients=[expert.email],
            )
        )
    expert_count = sum(1 for expert, _ in experts if expert.email)
    return letters, participant_count, expert_count

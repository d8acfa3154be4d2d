"""Campaigns: creation with weighted instruments, the cohort, activation, closing, reminders."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from assessment.models import (
    Campaign,
    CampaignInstrument,
    CampaignStatus,
    CompetencyFramework,
    Instrument,
    Participant,
    PositionGroup,
)
from assessment.selectors_progress import CampaignProgress, memberships_due_for_reassessment
from audit.models import AuditEvent, AuditSource
from audit.services import Change, audit_record, audit_record_bulk
from candidates.models import MembershipStatus, Nomination, NominationStatus, ReserveMembership
from core.mail import Letter, mail_many_on_commit
from governance.regulation import Regulation


@dataclass(frozen=True)
class InstrumentChoice:
    """An instrument chosen for a campaign with its weight and deadline."""

    instrument: Instrument
    weight: int
    deadline: datetime.date


@dataclass(frozen=True)
class CampaignSettings:
    """What the ministry sets for a campaign."""

    name: str
    starts_on: datetime.date
    ends_on: datetime.date
    pass_threshold: int
    disagreement_threshold: int


def default_instrument_weights(
    instruments: Iterable[Instrument], regulation: Regulation
) -> dict[int, int]:
    """Return each instrument's default weight: the Regulation's weight of its kind.

    Where the framework has several instruments of one kind, the first takes the kind's weight and
    the others start at 0, so that the defaults still sum to the Regulation's 100 %.
    """
    weights: dict[int, int] = {}
    seen_kinds: set[str] = set()
    for instrument in instruments:
        if instrument.kind in seen_kinds:
            weights[instrument.pk] = 0
            continue
        seen_kinds.add(instrument.kind)
        weights[instrument.pk] = regulation.assessment_weights.get(instrument.kind, 0)
    return weights


def _validate(settings_: CampaignSettings, choices: Sequence[InstrumentChoice], framework) -> None:
    errors = []
    if not settings_.name.strip():
        errors.append("Укажите наименование кампании.")
    if settings_.ends_on < settings_.starts_on:
        errors.append("Дата окончания кампании раньше даты начала.")
    if not 1 <= settings_.pass_threshold <= 100:
        errors.append("Проходной балл должен быть от 1 до 100.")
    if not 0 <= settings_.disagreement_threshold <= 3:
        errors.append("Допустимое расхождение экспертов — от 0 до 3 баллов шкалы 1–4.")
    if not choices:
        errors.append("Выберите хотя бы один инструмент оценки.")
    total = sum(choice.weight for choice in choices)
    if choices and total != 100:
        errors.append(f"Сумма весов инструментов должна быть равна 100 %, сейчас — {total} %.")
    seen = set()
    for choice in choices:
        instrument = choice.instrument
        if instrument.framework_id != framework.pk:
            errors.append(f"Инструмент «{instrument}» не относится к текущей модели компетенций.")
        if instrument.pk in seen:
            errors.append(f"Инструмент «{instrument}» выбран дважды.")
        seen.add(instrument.pk)
        if not 0 < choice.weight <= 100:
            errors.append(f"Вес инструмента «{instrument}» должен быть от 1 до 100 %.")
        if not settings_.starts_on <= choice.deadline <= settings_.ends_on:
            errors.append(
                f"Срок инструмента «{instrument}» должен быть в пределах дат кампании "
                f"({settings_.starts_on:%d.%m.%Y}–{settings_.ends_on:%d.%m.%Y})."
            )
    if errors:
        raise ValidationError(errors)


def _write_instruments(campaign: Campaign, choices: Sequence[InstrumentChoice]) -> None:
    CampaignInstrument.objects.bulk_create(
        CampaignInstrument(
            campaign=campaign,
            instrument=choice.instrument,
            weight=choice.weight,
            deadline=choice.deadline,
        )
        for choice in choices
    )


def _weights_text(choices: Sequence[InstrumentChoice]) -> str:
    return "; ".join(f"{choice.instrument}: {choice.weight} %" for choice in choices)


def campaign_create(
    *,
    settings_: CampaignSettings,
    instruments: Sequence[InstrumentChoice],
    actor,
    request: HttpRequest | None = None,
) -> Campaign:
    """Create a campaign on the current competency model, in preparation."""
    framework = CompetencyFramework.objects.filter(is_current=True).first()
    if framework is None:
        raise ValidationError("Нет текущей модели компетенций: отметьте её в администрировании.")
    _validate(settings_, instruments, framework)
    with transaction.atomic():
        campaign = Campaign.objects.create(
            name=settings_.name.strip(),
            framework=framework,
            starts_on=settings_.starts_on,
            ends_on=settings_.ends_on,
            pass_threshold=settings_.pass_threshold,
            disagreement_threshold=settings_.disagreement_threshold,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        _write_instruments(campaign, instruments)
        audit_record(
            actor=actor,
            action="assessment.campaign.create",
            obj=campaign,
            changes={
                "проходной балл": (None, campaign.pass_threshold),
                "инструменты": (None, _weights_text(instruments)),
            },
            request=request,
        )
    return campaign


def campaign_update(
    *,
    campaign: Campaign,
    settings_: CampaignSettings,
    instruments: Sequence[InstrumentChoice],
    actor,
    request: HttpRequest | None = None,
) -> Campaign:
    """Change a campaign in preparation: dates, thresholds, instruments and weights."""
    _validate(settings_, instruments, campaign.framework)
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if locked.status != CampaignStatus.DRAFT:
            raise ValidationError("Изменять инструменты и веса можно только до начала кампании.")
        old = {
            "name": locked.name,
            "starts_on": locked.starts_on,
            "ends_on": locked.ends_on,
            "pass_threshold": locked.pass_threshold,
            "disagreement_threshold": locked.disagreement_threshold,
        }
        old_weights = _weights_text(
            [
                InstrumentChoice(ci.instrument, ci.weight, ci.deadline)
                for ci in locked.instruments.select_related("instrument")
            ]
        )
        locked.name = settings_.name.strip()
        locked.starts_on = settings_.starts_on
        locked.ends_on = settings_.ends_on
        locked.pass_threshold = settings_.pass_threshold
        locked.disagreement_threshold = settings_.disagreement_threshold
        locked.save(update_fields=list(old))
        locked.instruments.all().delete()
        _write_instruments(locked, instruments)
        changes = {
            name: (value, getattr(locked, name))
            for name, value in old.items()
            if value != getattr(locked, name)
        }
        new_weights = _weights_text(instruments)
        if new_weights != old_weights:
            changes["инструменты"] = (old_weights, new_weights)
        audit_record(
            actor=actor,
            action="assessment.campaign.update",
            obj=locked,
            changes=changes,
            request=request,
        )
    return locked


def position_group_of(position_kind) -> PositionGroup:
    """Return the position group whose target levels apply to a position kind."""
    return PositionGroup.HEAD if position_kind.is_head else PositionGroup.DEPUTY


@dataclass(frozen=True)
class CohortOutcome:
    added: int
    skipped: list[str]


def campaign_add_participants(
    *,
    campaign: Campaign,
    nominations: Iterable[Nomination] = (),
    memberships: Iterable[ReserveMembership] = (),
    actor,
    today: datetime.date,
    request: HttpRequest | None = None,
) -> CohortOutcome:
    """Add nominations in «оценка» and reservists due for re-assessment to the cohort."""
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if locked.status == CampaignStatus.CLOSED:
            raise ValidationError("Кампания завершена: состав участников не меняется.")
        present = set(
            Participant.objects.filter(campaign=locked).values_list("candidate_id", flat=True)
        )
        skipped: list[str] = []
        rows: list[Participant] = []
        for nomination in Nomination.objects.filter(
            pk__in=[n.pk for n in nominations]
        ).select_related("candidate", "position_kind"):
            if nomination.status != NominationStatus.ASSESSMENT:
                skipped.append(f"{nomination.candidate}: заявка не в статусе «оценка»")
            elif nomination.candidate_id in present:
                skipped.append(f"{nomination.candidate}: уже в кампании")
            else:
                present.add(nomination.candidate_id)
                rows.append(
                    Participant(
                        campaign=locked,
                        candidate=nomination.candidate,
                        nomination=nomination,
                        position_group=position_group_of(nomination.position_kind),
                        municipality_id=nomination.municipality_id,
                    )
                )
        due = set(memberships_due_for_reassessment(today=today).values_list("pk", flat=True))
        for membership in ReserveMembership.objects.filter(
            pk__in=[m.pk for m in memberships]
        ).select_related("candidate", "position_kind"):
            if membership.status != MembershipStatus.ACTIVE or membership.pk not in due:
                skipped.append(f"{membership.candidate}: повторная оценка не требуется")
            elif membership.candidate_id in present:
                skipped.append(f"{membership.candidate}: уже в кампании")
            else:
                present.add(membership.candidate_id)
                rows.append(
                    Participant(
                        campaign=locked,
                        candidate=membership.candidate,
                        membership=membership,
                        position_group=position_group_of(membership.position_kind),
                        municipality_id=membership.municipality_id,
                    )
                )
        created = Participant.objects.bulk_create(rows)
        audit_record_bulk(
            actor=actor,
            changes=[
                Change(
                    "assessment.participant.create",
                    participant,
                    {"кампания": (None, str(locked))},
                )
                for participant in created
            ],
            source=AuditSource.WEB,
            request=request,
        )
    return CohortOutcome(added=len(created), skipped=skipped)


def participant_remove(
    *, participant: Participant, actor, request: HttpRequest | None = None
) -> None:
    """Take a participant out of a campaign that has not started."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=participant.campaign_id)
        if campaign.status != CampaignStatus.DRAFT:
            raise ValidationError("Исключить участника можно только до начала кампании.")
        audit_record(
            actor=actor,
            action="assessment.participant.delete",
            obj=participant,
            changes={"кампания": (str(campaign), None)},
            request=request,
        )
        participant.delete()


def _transition(
    *, campaign: Campaign, source: str, target: str, actor, request, check=None
) -> Campaign:
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if locked.status != source:
            raise ValidationError(
                f"Кампания уже в статусе «{locked.get_status_display()}». Обновите страницу."
            )
        if check is not None:
            check(locked)
        locked.status = target
        locked.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action="assessment.campaign.transition",
            obj=locked,
            changes={"статус": (CampaignStatus(source).label, CampaignStatus(target).label)},
            request=request,
        )
    return locked


def _ready_to_start(campaign: Campaign) -> None:
    if not campaign.participants.exists():
        raise ValidationError("Добавьте участников: кампания без участников не начинается.")
    if sum(campaign.instruments.values_list("weight", flat=True)) != 100:
        raise ValidationError("Сумма весов инструментов должна быть равна 100 %.")


def campaign_activate(*, campaign: Campaign, actor, request: HttpRequest | None = None) -> Campaign:
    """Start the campaign: participants see their instruments, experts their assignments."""
    return _transition(
        campaign=campaign,
        source=CampaignStatus.DRAFT,
        target=CampaignStatus.ACTIVE,
        actor=actor,
        request=request,
        check=_ready_to_start,
    )


def campaign_close(*, campaign: Campaign, actor, request: HttpRequest | None = None) -> Campaign:
    """Close the campaign and compute its final results.

    The status changes first: a closed campaign's 360° collection is over, so the final results
    count those answers; both happen in one transaction.
    """
    from assessment.services.results import results_compute

    with transaction.atomic():
        closed = _transition(
            campaign=campaign,
            source=CampaignStatus.ACTIVE,
            target=CampaignStatus.CLOSED,
            actor=actor,
            request=request,
        )
        results_compute(campaign=closed, actor=actor)
    return closed


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

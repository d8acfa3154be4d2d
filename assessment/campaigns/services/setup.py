"""Setting a campaign up: its dates and thresholds, the instruments with weights and deadlines."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from assessment.models import (
    Campaign,
    CampaignInstrument,
    CampaignStatus,
    CompetencyFramework,
    Instrument,
)
from audit.services import audit_record
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

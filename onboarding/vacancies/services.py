"""Writes of vacancies: recording one (by hand or from the forecast), its transitions, closing.

Every transition locks the vacancy's row, checks the state it leaves, records a
VacancyStatusChange and an audit event in the same transaction.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from onboarding.access import RESERVE_FOUNDERS
from onboarding.models import (
    OPEN_STATUSES,
    ClosureReason,
    Offer,
    OfferStatus,
    Vacancy,
    VacancyReason,
    VacancySource,
    VacancyStatus,
    VacancyStatusChange,
)
from onboarding.vacancies import forecast
from onboarding.vacancies.selectors import head_posts
from registry.models import Organization, PositionKind

# How far ahead a vacancy may be recorded: the forecast's longest horizon.
LATEST_OPENING_MONTHS = max(forecast.HORIZONS)


def _actor(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def record_vacancy_change(
    vacancy: Vacancy, *, from_status: str, actor, reason: str = ""
) -> VacancyStatusChange:
    """Record a vacancy's change of status that the caller has just saved."""
    return VacancyStatusChange.objects.create(
        vacancy=vacancy,
        from_status=from_status,
        to_status=vacancy.status,
        actor=_actor(actor),
        reason=reason,
    )


def vacancy_transition_locked(
    vacancy: Vacancy, to_status: str, *, actor, reason: str = "", request=None
) -> Vacancy:
    """Move a vacancy the caller holds locked to a new status, recorded and audited."""
    old = vacancy.status
    vacancy.status = to_status
    vacancy.status_changed_at = timezone.now()
    vacancy.save(update_fields=["status", "status_changed_at"])
    record_vacancy_change(vacancy, from_status=old, actor=actor, reason=reason)
    audit_record(
        actor=actor,
        action="vacancy.transition",
        obj=vacancy,
        changes={"status": (old, to_status)},
        request=request,
    )
    return vacancy


def lock_vacancy(vacancy: Vacancy) -> Vacancy:
    """Lock the vacancy's row and return it with its organization and post."""
    return (
        Vacancy.objects.select_for_update(of=("self",))
        .select_related("organization__municipality", "position_kind")
        .get(pk=vacancy.pk)
    )


def _check_post(organization: Organization, position_kind: PositionKind) -> None:
    if not organization.is_active:
        raise ValidationError(f"Организация «{organization}» отмечена в реестре как недействующая.")
    if organization.founder not in RESERVE_FOUNDERS:
        if not organization.founder:
            raise ValidationError(
                f"В реестре не указан учредитель организации «{organization}»: укажите его — "
                "от учредителя зависит, кто назначает руководителя."
            )
        raise ValidationError(
            f"Организация «{organization}» — {organization.get_founder_display()}: "
            "кадровый резерв области формируется для региональных и муниципальных организаций."
        )
    if organization.kind not in (position_kind.organization_kinds or ()):
        raise ValidationError(
            f"Должность «{position_kind}» не предусмотрена в организации типа "
            f"«{organization.get_kind_display()}»."
        )


def vacancy_create(
    *,
    organization: Organization,
    position_kind: PositionKind,
    opens_on: datetime.date,
    reason: str,
    actor,
    reason_note: str = "",
    source: str = VacancySource.ENTERED,
    forecast_basis: str = "",
    request: HttpRequest | None = None,
) -> Vacancy:
    """Record a vacancy of a head or a deputy; one open vacancy per post of an organization."""
    _check_post(organization, position_kind)
    if reason not in VacancyReason.values:
        raise ValidationError("Выберите причину вакансии.")
    if reason == VacancyReason.OTHER and not reason_note.strip():
        raise ValidationError("Поясните причину вакансии.")
    today = timezone.localdate()
    latest = forecast.horizon_end(today, LATEST_OPENING_MONTHS)
    if opens_on > latest:
        raise ValidationError(
            f"Вакансию можно внести не дальше чем на {LATEST_OPENING_MONTHS} месяцев вперёд "
            f"(до {latest:%d.%m.%Y})."
        )
    vacancy = Vacancy(
        organization=organization,
        position_kind=position_kind,
        opens_on=opens_on,
        reason=reason,
        reason_note=reason_note.strip(),
        source=source,
        forecast_basis=forecast_basis,
        created_by=_actor(actor),
        status_changed_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            vacancy.save()
    except IntegrityError as error:
        raise ValidationError(
            f"В организации «{organization}» уже есть открытая вакансия на должность "
            f"«{position_kind}»."
        ) from error
    with transaction.atomic():
        basis = "создана из прогноза" if source == VacancySource.FORECAST else "внесена"
        record_vacancy_change(vacancy, from_status="", actor=actor, reason=basis)
        audit_record(
            actor=actor,
            action="vacancy.create",
            obj=vacancy,
            changes={
                "status": (None, vacancy.status),
                "opens_on": (None, opens_on),
                "reason": (None, reason),
            },
            request=request,
        )
    return vacancy


def vacancy_create_from_forecast(
    *,
    organization: Organization,
    today: datetime.date,
    months: int,
    age: int,
    actor,
    request: HttpRequest | None = None,
) -> Vacancy:
    """Turn the forecast's signal for an organization into a vacancy of its head's post."""
    reasons = forecast.forecast_reasons(
        birth_date=organization.head_birth_date,
        contract_end=organization.head_contract_end_date,
        today=today,
        end=forecast.horizon_end(today, months),
        age=age,
    )
    if not reasons:
        raise ValidationError(
            f"Для организации «{organization}» в выбранном горизонте признаков вакансии нет: "
            "сведения реестра могли измениться."
        )
    post = head_posts().get(organization.kind)
    if post is None:
        raise ValidationError("Для этого типа организации нет должности руководителя.")
    first = reasons[0]
    with transaction.atomic():
        return vacancy_create(
            organization=organization,
            position_kind=post,
            opens_on=forecast.expected_on(reasons, today),
            reason=(
                VacancyReason.RETIREMENT
                if first.kind == forecast.RETIREMENT
                else VacancyReason.CONTRACT_END
            ),
            source=VacancySource.FORECAST,
            forecast_basis="; ".join(reason.text for reason in reasons),
            actor=actor,
            request=request,
        )


def vacancy_close(
    *,
    vacancy: Vacancy,
    closure_reason: str,
    note: str,
    actor,
    request: HttpRequest | None = None,
) -> Vacancy:
    """Close an open vacancy with a reason; an offer still waiting for an answer is withdrawn."""
    if closure_reason not in ClosureReason.values:
        raise ValidationError("Выберите причину закрытия вакансии.")
    note = note.strip()
    if closure_reason == ClosureReason.FILLED_OUTSIDE and not note:
        raise ValidationError("Укажите, кто и каким приказом назначен на должность.")
    with transaction.atomic():
        locked = lock_vacancy(vacancy)
        if locked.status not in OPEN_STATUSES:
            raise ValidationError(f"Вакансия уже {locked.get_status_display()}.")
        if locked.appointments.filter(status="preparing").exists():
            raise ValidationError(
                "По вакансии готовится назначение: сначала отмените его, затем закройте вакансию."
            )
        Offer.objects.filter(vacancy=locked, status=OfferStatus.OFFERED).update(
            status=OfferStatus.WITHDRAWN, closed_reason="вакансия закрыта"
        )
        locked.closure_reason = closure_reason
        locked.closure_note = note
        locked.closed_on = timezone.localdate()
        locked.save(update_fields=["closure_reason", "closure_note", "closed_on"])
        text = ClosureReason(closure_reason).label
        vacancy_transition_locked(
            locked,
            VacancyStatus.CLOSED,
            actor=actor,
            reason=f"{text}. {note}".strip().rstrip("."),
            request=request,
        )
    return locked

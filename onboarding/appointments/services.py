"""Writes of appointments: the attestation, the founder's order, making it, cancelling it.

The order (number, dates, scan) is attached first and may be replaced while the appointment is
prepared. Making the appointment is then one transaction: the membership closes as «назначен»
(the selection stage's membership_appoint), the vacancy is filled, the registry gets the new
head, the induction plan is drawn up, and each writes its audit event. If any step fails, none
of them stays.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from candidates.services.membership import membership_appoint
from core.mail import mail_on_commit
from core.uploads import CheckedDocument, check_document
from onboarding.access import appointing_side
from onboarding.induction.services import induction_plan_create
from onboarding.models import (
    Appointment,
    AppointmentStatus,
    Attestation,
    AttestationDecision,
    AttestationKind,
    VacancyStatus,
)
from onboarding.vacancies.services import lock_vacancy, vacancy_transition_locked
from registry.services import organization_head_appoint


def _actor(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def lock_appointment(appointment: Appointment) -> Appointment:
    """Lock the vacancy, then the appointment; return it with what the services read."""
    lock_vacancy(appointment.vacancy)
    return (
        Appointment.objects.select_for_update(of=("self",))
        .select_related(
            "vacancy__organization__municipality",
            "vacancy__position_kind",
            "membership__candidate",
        )
        .get(pk=appointment.pk)
    )


def needs_attestation(appointment: Appointment) -> bool:
    """Return whether the post is a head's: 273-ФЗ ст. 51 ч. 4 requires the attestation."""
    return appointment.vacancy.position_kind.is_head


def order_issuer_hint(appointment: Appointment) -> str:
    """Return who issues the order: the founder for a head, the organization's head for a deputy."""
    organization = appointment.vacancy.organization
    if not appointment.vacancy.position_kind.is_head:
        return f"руководитель организации «{organization}»"
    if appointing_side(organization) == "regional":
        return "министерство образования Оренбургской области"
    return f"учредитель — {organization.municipality} (орган местного самоуправления)"


def attestation_record(
    *,
    appointment: Appointment,
    kind: str,
    decision: str,
    held_on: datetime.date,
    commission: str = "",
    protocol_number: str = "",
    reason: str = "",
    actor,
    request: HttpRequest | None = None,
) -> Attestation:
    """Record the attestation's result, or the founder's acceptance of the reserve's assessment."""
    if kind not in AttestationKind.values:
        raise ValidationError("Выберите, как проведена аттестация.")
    if decision not in AttestationDecision.values:
        raise ValidationError("Выберите решение аттестационной комиссии.")
    commission, reason = commission.strip(), reason.strip()
    if kind == AttestationKind.ATTESTATION and not commission:
        raise ValidationError("Укажите аттестационную комиссию учредителя.")
    if kind == AttestationKind.RESERVE_ASSESSMENT:
        if not reason:
            raise ValidationError(
                "Укажите основание: каким актом учредитель засчитал оценку кадрового резерва "
                "как аттестацию."
            )
        if decision != AttestationDecision.PASSED:
            raise ValidationError(
                "Засчитать можно только оценку, по которой кандидат соответствует."
            )
    if held_on > timezone.localdate():
        raise ValidationError("Дата аттестации ещё не наступила.")
    with transaction.atomic():
        locked = lock_appointment(appointment)
        if locked.status != AppointmentStatus.PREPARING:
            raise ValidationError(f"Назначение — «{locked.get_status_display()}»: его не меняют.")
        if not needs_attestation(locked):
            raise ValidationError(
                "Обязательная аттестация (273-ФЗ ст. 51 ч. 4) проводится для кандидатов на "
                "должность руководителя; заместителю она не нужна."
            )
        values = {
            "kind": kind,
            "decision": decision,
            "held_on": held_on,
            "commission": commission[:500],
            "protocol_number": protocol_number.strip()[:50],
            "reason": reason,
        }
        existing = Attestation.objects.filter(appointment=locked).first()
        before = {name: getattr(existing, name) for name in values} if existing else {}
        attestation, _ = Attestation.objects.update_or_create(
            appointment=locked,
            defaults={**values, "recorded_by": _actor(actor)},
        )
        audit_record(
            actor=actor,
            action="attestation.attest",
            obj=locked,
            changes={
                name: (before.get(name), value)
                for name, value in values.items()
                if before.get(name) != value
            },
            request=request,
        )
    return attestation


def _checked_scan(uploaded_file: UploadedFile) -> CheckedDocument:
    """Return the order's scan as core.uploads checks it (PDF parsed, images re-encoded)."""
    try:
        return check_document(uploaded_file)
    except ValidationError as error:
        raise ValidationError(f"Файл приказа: {error.messages[0]}") from None


def _check_order(*, order_number: str, order_date, starts_on, contract_ends_on) -> None:
    today = timezone.localdate()
    if not order_number:
        raise ValidationError("Укажите номер приказа о назначении.")
    if order_date is None or starts_on is None:
        raise ValidationError(
            "Укажите дату приказа и дату, с которой руководитель вступает в должность."
        )
    if order_date > today:
        raise ValidationError(
            "Дата приказа ещё не наступила: запишите назначение, когда приказ издан."
        )
    if starts_on < order_date:
        raise ValidationError("Вступить в должность можно не раньше даты приказа.")
    if contract_ends_on is not None and contract_ends_on <= starts_on:
        raise ValidationError("Срочный трудовой договор должен оканчиваться позже начала работы.")


ORDER_FIELDS = [
    "order_file",
    "order_file_name",
    "order_number",
    "order_date",
    "order_issuer",
    "starts_on",
    "contract_ends_on",
]


def appointment_order_record(
    *,
    appointment: Appointment,
    order_number: str,
    order_date: datetime.date,
    order_issuer: str,
    starts_on: datetime.date,
    order_file: UploadedFile | None,
    actor,
    contract_ends_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> Appointment:
    """Attach the founder's order to an appointment being prepared; it can still be replaced.

    The appointment is made afterwards, confirmed, by appointment_make. A new scan replaces the
    one before it (removed once the change commits); without a new scan the one there stays.
    """
    order_number = order_number.strip()
    _check_order(
        order_number=order_number,
        order_date=order_date,
        starts_on=starts_on,
        contract_ends_on=contract_ends_on,
    )
    scan = _checked_scan(order_file) if order_file is not None else None
    stored = []
    try:
        with transaction.atomic():
            locked = lock_appointment(appointment)
            if locked.status != AppointmentStatus.PREPARING:
                raise ValidationError(f"Назначение уже «{locked.get_status_display()}».")
            if order_file is None and not locked.order_file:
                raise ValidationError("Приложите приказ о назначении (скан PDF, JPEG или PNG).")
            before = {name: getattr(locked, name) for name in ORDER_FIELDS}
            # The field's file object changes its name in place when a new scan is saved.
            old_file = locked.order_file.name or ""
            if scan is not None:
                # Stored as checked: a random name with the extension of what the file is.
                locked.order_file.save(
                    f"{uuid.uuid4().hex}{scan.extension}", scan.content, save=False
                )
                stored.append(locked.order_file.name)
                locked.order_file_name = scan.display_name
            locked.order_number = order_number[:50]
            locked.order_date = order_date
            locked.order_issuer = (order_issuer.strip() or order_issuer_hint(locked))[:255]
            locked.starts_on = starts_on
            locked.contract_ends_on = contract_ends_on
            locked.save(update_fields=ORDER_FIELDS)
            if stored and old_file:
                storage = locked.order_file.storage
                transaction.on_commit(lambda: storage.delete(old_file))
            audit_record(
                actor=actor,
                action="appointment.update",
                obj=locked,
                changes={
                    name: (before[name], getattr(locked, name))
                    for name in ORDER_FIELDS
                    if name != "order_file" and before[name] != getattr(locked, name)
                },
                request=request,
            )
    except Exception:
        for name in stored:
            appointment.order_file.storage.delete(name)
        raise
    return locked


def appointment_make(
    *, appointment: Appointment, actor, request: HttpRequest | None = None
) -> Appointment:
    """Make the appointment by the founder's order recorded on it: all changes or none."""
    with transaction.atomic():
        locked = lock_appointment(appointment)
        _check_ready(locked)
        vacancy = locked.vacancy
        locked.status = AppointmentStatus.MADE
        locked.made_at = timezone.now()
        locked.made_by = _actor(actor)
        locked.save(update_fields=["status", "made_at", "made_by"])
        order = f"приказ № {locked.order_number} от {locked.order_date:%d.%m.%Y}"
        candidate = locked.membership.candidate
        membership_appoint(
            membership=locked.membership,
            on_date=locked.starts_on,
            reason=f"назначение: {vacancy.position_kind}, {vacancy.organization}; {order}",
            actor=actor,
            request=request,
        )
        vacancy_transition_locked(
            vacancy, VacancyStatus.FILLED, actor=actor, reason=order, request=request
        )
        if vacancy.position_kind.is_head:
            organization_head_appoint(
                organization=vacancy.organization,
                full_name=candidate.full_name,
                birth_date=candidate.birth_date,
                contract_end_date=locked.contract_ends_on,
                actor=actor,
                request=request,
            )
            induction_plan_create(appointment=locked, actor=actor)
        audit_record(
            actor=actor,
            action="appointment.appoint",
            obj=locked,
            changes={
                "status": (AppointmentStatus.PREPARING, locked.status),
                "order": (None, order),
                "starts_on": (None, locked.starts_on),
            },
            request=request,
        )
        _notify_on_commit(locked)
    return locked


def has_order(appointment: Appointment) -> bool:
    """Return whether the founder's order is attached: number, dates and the scan."""
    return bool(
        appointment.order_number
        and appointment.order_date
        and appointment.starts_on
        and appointment.order_file
    )


def _check_ready(appointment: Appointment) -> None:
    if appointment.status != AppointmentStatus.PREPARING:
        raise ValidationError(f"Назначение уже «{appointment.get_status_display()}».")
    if not has_order(appointment):
        raise ValidationError("Сначала приложите приказ о назначении: номер, даты и скан.")
    if appointment.vacancy.status != VacancyStatus.OFFERED:
        raise ValidationError(f"Вакансия — «{appointment.vacancy.get_status_display()}».")
    if not appointing_side(appointment.vacancy.organization):
        raise ValidationError("В реестре не указан учредитель организации.")
    if needs_attestation(appointment):
        attestation = Attestation.objects.filter(appointment=appointment).first()
        if attestation is None:
            raise ValidationError(
                "Сначала запишите аттестацию кандидата (273-ФЗ ст. 51 ч. 4) или решение "
                "учредителя засчитать оценку кадрового резерва."
            )
        if not attestation.is_passed:
            raise ValidationError(
                "По решению аттестационной комиссии кандидат не соответствует должности "
                "руководителя: назначение нужно отменить."
            )


def _notify_on_commit(appointment: Appointment) -> None:
    candidate = appointment.membership.candidate
    mail_on_commit(
        subject="Кадровый резерв: назначение на должность",
        body=(
            f"Здравствуйте, {candidate.first_name}!\n\nВы назначены на должность "
            f"«{appointment.vacancy.position_kind}» в организации "
            f"«{appointment.vacancy.organization}» "
            f"с {appointment.starts_on:%d.%m.%Y} (приказ № {appointment.order_number} от "
            f"{appointment.order_date:%d.%m.%Y}). Поздравляем!\n\nПлан введения в должность — "
            "в разделе «Назначение» портала «Кадровый резерв»."
        ),
        recipients=[candidate.email],
    )


def appointment_cancel(
    *, appointment: Appointment, reason: str, actor, request: HttpRequest | None = None
) -> Appointment:
    """Cancel an appointment still being prepared; the vacancy goes back to its shortlist."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Укажите причину отмены назначения.")
    with transaction.atomic():
        locked = lock_appointment(appointment)
        if locked.status != AppointmentStatus.PREPARING:
            raise ValidationError(f"Отменить нельзя: назначение — «{locked.get_status_display()}».")
        locked.status = AppointmentStatus.CANCELLED
        locked.cancel_reason = reason
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["status", "cancel_reason", "cancelled_at"])
        audit_record(
            actor=actor,
            action="appointment.transition",
            obj=locked,
            changes={
                "status": (AppointmentStatus.PREPARING, locked.status),
                "reason": ("", reason),
            },
            request=request,
        )
        vacancy_transition_locked(
            locked.vacancy,
            VacancyStatus.SHORTLISTED,
            actor=actor,
            reason=f"назначение отменено: {reason}",
            request=request,
        )
    return locked

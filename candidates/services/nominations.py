"""The nomination's workflow: each transition locks the row, checks the state and is recorded."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.models import AuditSource
from audit.services import audit_record
from candidates.models import (
    CLOSED_NOMINATION_STATUSES,
    Candidate,
    MunicipalDecision,
    Nomination,
    NominationSource,
    NominationStatus,
    StatusChange,
)
from candidates.selectors import (
    nomination_missing_items,
    reapplication_bars,
    reapplication_refusal,
)
from candidates.services.notifications import notify_status_change_on_commit
from governance.consent import consent_active
from governance.models import ConsentPurpose
from governance.selectors import regulation_in_force

S = NominationStatus


@dataclass(frozen=True)
class Transition:
    sources: tuple[NominationStatus, ...]
    needs_reason: bool = False


# Where each status may be reached from. Commission decisions reach INCLUDED and REFUSED.
TRANSITIONS: dict[NominationStatus, Transition] = {
    S.SUBMITTED: Transition(sources=(S.DRAFT, S.RETURNED)),
    S.DOCUMENT_CHECK: Transition(sources=(S.SUBMITTED,)),
    S.RETURNED: Transition(sources=(S.SUBMITTED, S.DOCUMENT_CHECK), needs_reason=True),
    S.ADMITTED: Transition(sources=(S.DOCUMENT_CHECK,)),
    S.NOT_ADMITTED: Transition(sources=(S.DOCUMENT_CHECK,), needs_reason=True),
    S.ASSESSMENT: Transition(sources=(S.ADMITTED,)),
    S.COMMISSION_REVIEW: Transition(sources=(S.ASSESSMENT,)),
    S.INCLUDED: Transition(sources=(S.COMMISSION_REVIEW,)),
    S.REFUSED: Transition(sources=(S.COMMISSION_REVIEW,), needs_reason=True),
}

# The municipality's «не согласовано» closes a nomination straight from «подана».
MUNICIPAL_REFUSAL = Transition(sources=(S.SUBMITTED,), needs_reason=True)

# Closing a nomination stays possible after consent is withdrawn; moving it forward does not.
_ALLOWED_WITHOUT_CONSENT = (S.NOT_ADMITTED, S.REFUSED)


def allowed_targets(nomination: Nomination) -> list[NominationStatus]:
    """Return the statuses the nomination may move to from where it is."""
    return [target for target, rule in TRANSITIONS.items() if nomination.status in rule.sources]


def nomination_transition(
    *,
    nomination: Nomination,
    to_status: NominationStatus,
    actor,
    reason: str = "",
    source: AuditSource = AuditSource.WEB,
    request: HttpRequest | None = None,
    rule: Transition | None = None,
) -> Nomination:
    """Move the nomination to a new status, or raise ValidationError saying why not.

    `rule` replaces the status's usual sources for a named path (MUNICIPAL_REFUSAL).
    """
    rule = rule or TRANSITIONS[to_status]
    reason = reason.strip()
    if rule.needs_reason and not reason:
        raise ValidationError("Укажите причину — кандидат увидит её в личном кабинете.")
    with transaction.atomic():
        locked = (
            Nomination.objects.select_for_update()
            .select_related("candidate", "position_kind")
            .get(pk=nomination.pk)
        )
        if locked.status not in rule.sources:
            raise ValidationError(
                f"Заявка уже в статусе «{locked.get_status_display()}»: переход в статус "
                f"«{S(to_status).label}» невозможен. Обновите страницу."
            )
        # Submitting lists every missing item, consent among them; later steps need consent.
        _check_preconditions(locked, to_status)
        if (
            to_status not in _ALLOWED_WITHOUT_CONSENT
            and consent_active(locked.candidate.user, ConsentPurpose.PERSONAL_DATA) is None
        ):
            raise ValidationError(
                "Нет действующего согласия кандидата на обработку персональных данных "
                "(не дано или отозвано): заявка не может рассматриваться."
            )
        from_status = locked.status
        now = timezone.now()
        locked.status = to_status
        locked.status_changed_at = now
        update_fields = ["status", "status_changed_at"]
        if to_status == S.SUBMITTED:
            locked.submitted_at = now
            locked.return_reason = ""
            update_fields += ["submitted_at", "return_reason"]
        elif to_status == S.RETURNED:
            locked.return_reason = reason
            update_fields.append("return_reason")
        locked.save(update_fields=update_fields)
        StatusChange.objects.create(
            nomination=locked,
            from_status=from_status,
            to_status=to_status,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            reason=reason,
        )
        audit_record(
            actor=actor,
            action="nomination.transition",
            obj=locked,
            changes={
                "status": (from_status, to_status),
                **({"reason": ("", reason)} if reason else {}),
            },
            source=source,
            request=request,
        )
        notify_status_change_on_commit(nomination=locked, reason=reason)
    return locked


# The sources whose nominations the municipality agrees; its own nominations need no agreement.
NEEDS_AGREEMENT = (NominationSource.SELF, NominationSource.ORGANIZATION_HEAD)


def awaits_municipal_approval(nomination: Nomination) -> bool:
    """Return whether the nomination waits for the municipality's «согласовано»."""
    return (
        regulation_in_force().municipal_approval
        and nomination.source in NEEDS_AGREEMENT
        and nomination.municipal_decision != MunicipalDecision.APPROVED
    )


def _check_preconditions(nomination: Nomination, to_status: NominationStatus) -> None:
    if to_status == S.SUBMITTED:
        missing = nomination_missing_items(nomination)
        if missing:
            raise ValidationError(["Заявку нельзя подать, пока не заполнено:", *missing])
    if to_status == S.DOCUMENT_CHECK and awaits_municipal_approval(nomination):
        raise ValidationError(
            "Заявка ждёт согласования муниципального органа управления образованием: "
            "документы проверяются после решения «согласовано»."
        )
    if to_status == S.ADMITTED:
        check = nomination.eligibility_checks.order_by("-evaluated_at", "-id").first()
        if check is None:
            raise ValidationError("Сначала проверьте соответствие квалификационным требованиям.")
        if not check.final_eligible:
            raise ValidationError(
                "Кандидат не соответствует квалификационным требованиям. Допустить можно только "
                "решением специалиста с обоснованием."
            )
        unchecked = nomination.documents.filter(is_checked=False).count()
        if unchecked:
            raise ValidationError(f"Не проверены документы: {unchecked}. Отметьте проверенные.")
        _check_admission_bars(nomination)


def _check_admission_bars(nomination: Nomination) -> None:
    """Refuse admission without the справка, with a disqualifying one, or unverified service."""
    required = regulation_in_force().required_documents
    kinds = set(nomination.documents.values_list("kind", flat=True))
    if "no_criminal_record" in required and "no_criminal_record" not in kinds:
        raise ValidationError(
            "Нет справки о наличии (отсутствии) судимости: без неё допуск невозможен "
            "(ТК РФ, ст. 331 и 351.1)."
        )
    if nomination.documents.filter(is_disqualifying=True).exists():
        raise ValidationError(
            "Справка содержит сведения, препятствующие педагогической деятельности "
            "(ТК РФ, ст. 331 и 351.1): кандидат не может быть допущен."
        )
    unverified = nomination.candidate.work_records.filter(verified_at__isnull=True).count()
    if unverified:
        raise ValidationError(
            f"Не сверены с трудовой книжкой (СТД-Р) периоды работы: {unverified}. Отметьте "
            "проверенные периоды — стаж считается по ним."
        )


def nomination_create(
    *,
    candidate: Candidate,
    position_kind,
    municipality,
    source: NominationSource,
    actor,
    motivation: str = "",
    request: HttpRequest | None = None,
    audit_source: AuditSource = AuditSource.WEB,
) -> Nomination:
    """Open a draft nomination; one open nomination per person and position kind.

    A person refused inclusion stands again for that post only after the Regulation's term.
    """
    bar = reapplication_bars([candidate.pk], timezone.localdate()).get(
        (candidate.pk, position_kind.pk)
    )
    if bar is not None:
        raise ValidationError(reapplication_refusal(*bar))
    refusal = ValidationError(
        f"У кандидата уже есть незавершённая заявка на должность «{position_kind}»."
    )
    open_ones = Nomination.objects.filter(candidate=candidate, position_kind=position_kind).exclude(
        status__in=CLOSED_NOMINATION_STATUSES
    )
    if open_ones.exists():
        raise refusal
    try:
        with transaction.atomic():
            nomination = Nomination.objects.create(
                candidate=candidate,
                position_kind=position_kind,
                municipality=municipality,
                source=source,
                nominated_by=actor if getattr(actor, "is_authenticated", False) else None,
                motivation=motivation,
                status=S.DRAFT,
                status_changed_at=timezone.now(),
            )
            StatusChange.objects.create(
                nomination=nomination,
                from_status="",
                to_status=S.DRAFT,
                actor=actor if getattr(actor, "is_authenticated", False) else None,
                reason=NominationSource(source).label,
            )
            audit_record(
                actor=actor,
                action="nomination.create",
                obj=nomination,
                changes={"status": (None, S.DRAFT), "source": (None, source)},
                source=audit_source,
                request=request,
            )
    except IntegrityError as error:
        # A concurrent request won the race. PostgreSQL names the constraint in the error,
        # SQLite only its columns: ask the table instead of parsing the message.
        if open_ones.exists():
            raise refusal from error
        raise
    return nomination

"""Writes of shortlists and offers: building and reordering the list, offering, answering.

Locks are taken vacancy first, then offer, everywhere in this stage, so that two people acting
on one vacancy at once queue rather than deadlock. Accepting an offer opens the appointment
(«готовится»): the offer's row lock and the one-live-appointment constraint make a second
acceptance at the same moment find the offer already answered.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from audit.models import AuditSource
from audit.services import audit_record
from candidates.models import Candidate, MembershipStatus, ReserveMembership
from candidates.services.membership import membership_exclude
from governance.selectors import regulation_in_force
from onboarding.models import (
    Appointment,
    Offer,
    OfferStatus,
    ReservistPreference,
    ShortlistEntry,
    ShortlistMove,
    Vacancy,
    VacancyStatus,
)
from onboarding.shortlists import notifications
from onboarding.shortlists.selectors import ranked_for, refusals_of
from onboarding.vacancies.services import lock_vacancy, vacancy_transition_locked

REFUSALS_GROUND = "offer_refusals"
LONGEST_ANSWER_DAYS = 30


def shortlist_build(
    *, vacancy: Vacancy, actor, today: datetime.date, request: HttpRequest | None = None
) -> list[ShortlistEntry]:
    """Rank the reserve for the vacancy and store the list (anew: staff's moves start over)."""
    with transaction.atomic():
        locked = lock_vacancy(vacancy)
        if locked.status not in (VacancyStatus.OPEN, VacancyStatus.SHORTLISTED):
            raise ValidationError(
                "Список не пересобирается, пока вакансия в статусе "
                f"«{locked.get_status_display()}»."
            )
        ranked, kept_off = ranked_for(locked, today)
        locked.shortlist.all().delete()
        locked.shortlist_built_at = timezone.now()
        locked.shortlist_kept_off = kept_off
        locked.save(update_fields=["shortlist_built_at", "shortlist_kept_off"])
        entries = ShortlistEntry.objects.bulk_create(
            ShortlistEntry(
                vacancy=locked,
                membership_id=item.reservist.key,
                score=item.score,
                explanation=item.explanation(),
                computed_rank=place,
                position=place,
            )
            for place, item in enumerate(ranked, start=1)
        )
        audit_record(
            actor=actor,
            action="shortlist.create",
            obj=locked,
            changes={"в списке": (None, len(entries))},
            request=request,
        )
        if entries and locked.status == VacancyStatus.OPEN:
            vacancy_transition_locked(
                locked,
                VacancyStatus.SHORTLISTED,
                actor=actor,
                reason=f"в списке {len(entries)}",
                request=request,
            )
    return entries


def shortlist_move(
    *,
    entry: ShortlistEntry,
    to_position: int,
    reason: str,
    actor,
    request: HttpRequest | None = None,
) -> ShortlistEntry:
    """Move a reservist to another place on the list, saying why; the others close ranks."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Укажите, почему меняется порядок в списке.")
    with transaction.atomic():
        locked_vacancy = lock_vacancy(entry.vacancy)
        if locked_vacancy.status != VacancyStatus.SHORTLISTED:
            raise ValidationError("Порядок меняется, пока список ждёт решения о предложении.")
        entries = locked_vacancy.shortlist.all()
        size = entries.count()
        if not 1 <= to_position <= size:
            raise ValidationError(f"Укажите место от 1 до {size}.")
        locked = entries.get(pk=entry.pk)
        old = locked.position
        if old == to_position:
            raise ValidationError("Резервист уже на этом месте.")
        if to_position < old:
            entries.filter(position__gte=to_position, position__lt=old).update(
                position=F("position") + 1
            )
        else:
            entries.filter(position__gt=old, position__lte=to_position).update(
                position=F("position") - 1
            )
        locked.position = to_position
        locked.save(update_fields=["position"])
        ShortlistMove.objects.create(
            entry=locked,
            from_position=old,
            to_position=to_position,
            reason=reason,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_record(
            actor=actor,
            action="shortlist.reorder",
            obj=locked_vacancy,
            changes={
                f"место: {locked.membership.candidate}": (old, to_position),
                "причина": ("", reason),
            },
            request=request,
        )
    return locked


def offer_make(
    *,
    entry: ShortlistEntry,
    respond_by: datetime.date,
    message: str,
    actor,
    request: HttpRequest | None = None,
) -> Offer:
    """Offer the post to a reservist on the list; they answer on their page by the date."""
    today = timezone.localdate()
    if respond_by <= today:
        raise ValidationError("Срок ответа — не раньше завтрашнего дня.")
    if respond_by > today + datetime.timedelta(days=LONGEST_ANSWER_DAYS):
        raise ValidationError(f"Срок ответа — не больше {LONGEST_ANSWER_DAYS} дней.")
    with transaction.atomic():
        vacancy = lock_vacancy(entry.vacancy)
        if vacancy.status != VacancyStatus.SHORTLISTED:
            raise ValidationError(
                "Предложение делается из списка кандидатов; вакансия — "
                f"«{vacancy.get_status_display()}»."
            )
        membership = (
            ReserveMembership.objects.select_for_update()
            .select_related("candidate")
            .get(pk=entry.membership_id)
        )
        if membership.status != MembershipStatus.ACTIVE:
            raise ValidationError(f"{membership.candidate} уже не состоит в резерве.")
        offer = Offer(
            vacancy=vacancy,
            membership=membership,
            respond_by=respond_by,
            message=message.strip(),
            offered_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        try:
            with transaction.atomic():
                offer.save()
        except IntegrityError as error:
            raise ValidationError(
                f"{membership.candidate}: эта должность уже предлагалась резервисту, или он ещё "
                "не ответил на другое предложение."
            ) from error
        vacancy_transition_locked(
            vacancy,
            VacancyStatus.OFFERED,
            actor=actor,
            reason=f"предложено: {membership.candidate}, ответ до {respond_by:%d.%m.%Y}",
            request=request,
        )
        audit_record(
            actor=actor,
            action="offer.create",
            obj=offer,
            changes={"status": (None, offer.status), "respond_by": (None, respond_by)},
            request=request,
        )
        notifications.offer_made_on_commit(offer)
    return offer


def _lock_offer(offer: Offer) -> tuple[Vacancy, Offer]:
    vacancy = lock_vacancy(offer.vacancy)
    locked = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("membership__candidate")
        .get(pk=offer.pk)
    )
    return vacancy, locked


def offer_answer(
    *,
    offer: Offer,
    accept: bool,
    reason: str = "",
    actor,
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> Offer:
    """Record the reservist's answer: accepting opens the appointment, refusing needs a reason."""
    today = today or timezone.localdate()
    reason = reason.strip()
    if not accept and not reason:
        raise ValidationError("Укажите причину отказа: её увидит тот, кто сделал предложение.")
    with transaction.atomic():
        vacancy, locked = _lock_offer(offer)
        if locked.status != OfferStatus.OFFERED:
            raise ValidationError(
                f"На это предложение уже есть ответ: «{locked.get_status_display()}»."
            )
        if locked.respond_by < today:
            raise ValidationError(f"Срок ответа истёк {locked.respond_by:%d.%m.%Y}.")
        if locked.membership.status != MembershipStatus.ACTIVE:
            raise ValidationError("Вы уже не состоите в кадровом резерве.")
        locked.status = OfferStatus.ACCEPTED if accept else OfferStatus.REFUSED
        locked.refusal_reason = "" if accept else reason
        locked.answered_at = timezone.now()
        locked.save(update_fields=["status", "refusal_reason", "answered_at"])
        audit_record(
            actor=actor,
            action="offer.answer",
            obj=locked,
            changes={"status": (OfferStatus.OFFERED, locked.status), "reason": ("", reason)},
            request=request,
        )
        if accept:
            appointment = Appointment.objects.create(
                vacancy=vacancy, offer=locked, membership=locked.membership
            )
            audit_record(
                actor=actor,
                action="appointment.create",
                obj=appointment,
                changes={"status": (None, appointment.status)},
                request=request,
            )
        else:
            vacancy_transition_locked(
                vacancy,
                VacancyStatus.SHORTLISTED,
                actor=actor,
                reason=f"отказ резервиста {locked.membership.candidate}: {reason}",
                request=request,
            )
        notifications.offer_answered_on_commit(locked)
    return locked


def offer_withdraw(
    *, offer: Offer, reason: str, actor, request: HttpRequest | None = None
) -> Offer:
    """Withdraw an offer still waiting for an answer; the list is open for the next one."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Укажите, почему предложение отзывается.")
    with transaction.atomic():
        vacancy, locked = _lock_offer(offer)
        if locked.status != OfferStatus.OFFERED:
            raise ValidationError(
                f"Отозвать нельзя: предложение — «{locked.get_status_display()}»."
            )
        locked.status = OfferStatus.WITHDRAWN
        locked.closed_reason = reason
        locked.save(update_fields=["status", "closed_reason"])
        audit_record(
            actor=actor,
            action="offer.transition",
            obj=locked,
            changes={"status": (OfferStatus.OFFERED, locked.status)},
            request=request,
        )
        vacancy_transition_locked(
            vacancy,
            VacancyStatus.SHORTLISTED,
            actor=actor,
            reason=f"предложение отозвано: {reason}",
        )
        notifications.offer_withdrawn_on_commit(locked)
    return locked


def offers_expire(*, today: datetime.date) -> int:
    """Close the offers whose answer date has passed; safe to run again (a daily command)."""
    expired = 0
    due = Offer.objects.filter(status=OfferStatus.OFFERED, respond_by__lt=today).values_list(
        "pk", flat=True
    )
    for offer_id in list(due):
        with transaction.atomic():
            vacancy, locked = _lock_offer(Offer.objects.select_related("vacancy").get(pk=offer_id))
            if locked.status != OfferStatus.OFFERED or locked.respond_by >= today:
                continue
            locked.status = OfferStatus.EXPIRED
            locked.save(update_fields=["status"])
            audit_record(
                actor=None,
                action="offer.transition",
                obj=locked,
                changes={"status": (OfferStatus.OFFERED, OfferStatus.EXPIRED)},
                source=AuditSource.COMMAND,
            )
            vacancy_transition_locked(
                vacancy,
                VacancyStatus.SHORTLISTED,
                actor=None,
                reason=f"срок ответа истёк {locked.respond_by:%d.%m.%Y}",
            )
            expired += 1
    return expired


def reservist_preference_set(
    *, candidate: Candidate, ready_to_relocate: bool, actor, request: HttpRequest | None = None
) -> ReservistPreference:
    """Record whether the reservist is ready to move for a post in another municipality."""
    with transaction.atomic():
        preference, _ = ReservistPreference.objects.select_for_update().get_or_create(
            candidate=candidate
        )
        old = preference.ready_to_relocate
        if old != ready_to_relocate:
            preference.ready_to_relocate = ready_to_relocate
            preference.save(update_fields=["ready_to_relocate", "updated_at"])
            audit_record(
                actor=actor,
                action="preference.update",
                obj=preference,
                changes={"ready_to_relocate": (old, ready_to_relocate)},
                request=request,
            )
    return preference


def refusals_exclusion_confirm(
    *,
    membership: ReserveMembership,
    comment: str,
    actor,
    request: HttpRequest | None = None,
) -> ReserveMembership:
    """Exclude a reservist who refused the Regulation's number of offers, on its ground.

    The exclusion is the selection stage's (candidates.services.membership.membership_exclude);
    this only checks that the refusals are there and words them.
    """
    regulation = regulation_in_force()
    if REFUSALS_GROUND not in {ground.code for ground in regulation.exclusion_grounds}:
        raise ValidationError(
            "В действующем Положении нет основания исключения за отказы от предложенных должностей."
        )
    count = refusals_of([membership.pk]).get(membership.pk, 0)
    if count < regulation.max_offer_refusals:
        raise ValidationError(
            f"Отказов {count}, а Положение называет основанием {regulation.max_offer_refusals}."
        )
    offers = Offer.objects.filter(membership=membership, status=OfferStatus.REFUSED).select_related(
        "vacancy__organization", "vacancy__position_kind"
    )
    listed = "; ".join(
        f"{offer.vacancy.position_kind} в {offer.vacancy.organization} "
        f"({timezone.localtime(offer.answered_at):%d.%m.%Y})"
        for offer in offers.order_by("answered_at")
    )
    return membership_exclude(
        membership=membership,
        ground=REFUSALS_GROUND,
        reason=f"Отказы: {listed}. {comment}".strip(),
        actor=actor,
        request=request,
    )

"""Membership of the reserve: inclusion, extension, exclusion, expiry — each a recorded event."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.models import AuditSource
from audit.services import Change, audit_record, audit_record_bulk
from candidates.models import (
    AgendaItem,
    MembershipEvent,
    MembershipStatus,
    ReserveMembership,
)
from governance.selectors import regulation_in_force

# The Regulation's ground «назначение на должность»: an appointment closes the membership as
# «назначен» through membership_appoint (the appointment stage), never as an exclusion.
APPOINTMENT_GROUND = "appointed"


def _event(membership, *, action, from_status, actor, reason="", old_end=None, new_end=None):
    return MembershipEvent(
        membership=membership,
        action=action,
        from_status=from_status,
        to_status=membership.status,
        old_term_ends_on=old_end,
        new_term_ends_on=new_end,
        reason=reason,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )


def membership_create(*, item: AgendaItem, actor, request: HttpRequest | None = None):
    """Include the nomination's candidate in the reserve by the commission's decision."""
    regulation = regulation_in_force()
    nomination = item.nomination
    start = item.meeting.date
    membership = ReserveMembership.objects.create(
        candidate=nomination.candidate,
        nomination=nomination,
        position_kind=nomination.position_kind,
        municipality=nomination.municipality,
        category=item.category,
        readiness=item.readiness,
        started_on=start,
        term_ends_on=regulation.term_end(start),
        decision_item=item,
    )
    _event(
        membership,
        action="include",
        from_status="",
        actor=actor,
        reason=f"Решение комиссии от {item.meeting.date:%d.%m.%Y}",
        new_end=membership.term_ends_on,
    ).save()
    audit_record(
        actor=actor,
        action="membership.create",
        obj=membership,
        changes={
            "status": (None, membership.status),
            "term_ends_on": (None, membership.term_ends_on),
        },
        request=request,
    )
    return membership


def membership_extend(*, membership: ReserveMembership, item: AgendaItem, actor, request=None):
    """Extend the term by the commission's decision, within the Regulation's limits."""
    regulation = regulation_in_force()
    with transaction.atomic():
        locked = ReserveMembership.objects.select_for_update().get(pk=membership.pk)
        if locked.status != MembershipStatus.ACTIVE:
            raise ValidationError("Продлить можно только действующее членство в резерве.")
        if locked.extensions >= regulation.max_extensions:
            raise ValidationError("Положение не допускает больше продлений.")
        old_end = locked.term_ends_on
        next_day = old_end + datetime.timedelta(days=1)
        locked.term_ends_on = regulation.term_end(next_day, years=regulation.extension_term_years)
        locked.extensions += 1
        locked.save(update_fields=["term_ends_on", "extensions"])
        _event(
            locked,
            action="extend",
            from_status=locked.status,
            actor=actor,
            reason=f"Решение комиссии от {item.meeting.date:%d.%m.%Y}",
            old_end=old_end,
            new_end=locked.term_ends_on,
        ).save()
        audit_record(
            actor=actor,
            action="membership.extend",
            obj=locked,
            changes={"term_ends_on": (old_end, locked.term_ends_on)},
            request=request,
        )
    return locked


def membership_exclude(
    *,
    membership: ReserveMembership,
    ground: str,
    actor,
    reason: str = "",
    on_date: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> ReserveMembership:
    """Exclude a reservist on a ground the Regulation lists."""
    regulation = regulation_in_force()
    if ground == APPOINTMENT_GROUND:
        raise ValidationError(
            "Назначение на должность не оформляется исключением: его записывают на странице "
            "назначения, и членство закрывается со статусом «назначен»."
        )
    if ground not in {choice.code for choice in regulation.exclusion_grounds}:
        raise ValidationError("Выберите основание исключения из Положения.")
    with transaction.atomic():
        locked = ReserveMembership.objects.select_for_update().get(pk=membership.pk)
        if locked.status != MembershipStatus.ACTIVE:
            raise ValidationError(
                f"Членство уже не действует (статус «{locked.get_status_display()}»)."
            )
        locked.status = MembershipStatus.EXCLUDED
        locked.exclusion_ground = ground
        locked.ended_on = on_date or timezone.localdate()
        locked.save(update_fields=["status", "exclusion_ground", "ended_on"])
        text = regulation.exclusion_ground_name(ground)
        _event(
            locked,
            action="exclude",
            from_status=MembershipStatus.ACTIVE,
            actor=actor,
            reason=f"{text}. {reason}".strip(),
        ).save()
        audit_record(
            actor=actor,
            action="membership.exclude",
            obj=locked,
            changes={"status": (MembershipStatus.ACTIVE, locked.status), "ground": ("", ground)},
            request=request,
        )
    return locked


def membership_appoint(
    *,
    membership: ReserveMembership,
    on_date: datetime.date,
    reason: str,
    actor,
    request: HttpRequest | None = None,
) -> ReserveMembership:
    """Close an active membership as «назначен»: the reservist is appointed to the post.

    The appointment stage calls it inside its own transaction, so that the membership, the
    vacancy and the registry change together or not at all.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError("Укажите, на какую должность и каким приказом назначен резервист.")
    with transaction.atomic():
        locked = ReserveMembership.objects.select_for_update().get(pk=membership.pk)
        if locked.status != MembershipStatus.ACTIVE:
            raise ValidationError(
                f"Членство уже не действует (статус «{locked.get_status_display()}»): "
                "назначить можно только резервиста, который состоит в резерве."
            )
        locked.status = MembershipStatus.APPOINTED
        locked.ended_on = on_date
        locked.save(update_fields=["status", "ended_on"])
        _event(
            locked,
            action="appoint",
            from_status=MembershipStatus.ACTIVE,
            actor=actor,
            reason=reason,
        ).save()
        audit_record(
            actor=actor,
            action="membership.appoint",
            obj=locked,
            changes={
                "status": (MembershipStatus.ACTIVE, locked.status),
                "ended_on": (None, on_date),
            },
            request=request,
        )
    return locked


def memberships_expire(*, today: datetime.date, actor=None) -> int:
    """Close every active membership whose term ended before today; safe to run again."""
    with transaction.atomic():
        due = list(
            ReserveMembership.objects.select_for_update(skip_locked=True).filter(
                status=MembershipStatus.ACTIVE, term_ends_on__lt=today
            )
        )
        for membership in due:
            membership.status = MembershipStatus.EXPIRED
            membership.exclusion_ground = "term_expired"
            membership.ended_on = membership.term_ends_on
        ReserveMembership.objects.bulk_update(due, ["status", "exclusion_ground", "ended_on"])
        MembershipEvent.objects.bulk_create(
            _event(
                membership,
                action="expire",
                from_status=MembershipStatus.ACTIVE,
                actor=actor,
                reason="Истёк срок пребывания в резерве",
            )
            for membership in due
        )
        audit_record_bulk(
            actor=actor,
            changes=[
                Change("membership.expire", membership, {"status": ("active", "expired")})
                for membership in due
            ],
            source=AuditSource.COMMAND,
        )
    return len(due)


def membership_record_order(
    *,
    memberships: list[ReserveMembership],
    order_number: str,
    order_date: datetime.date,
    actor,
    request: HttpRequest | None = None,
) -> int:
    """Note the ministry's order on inclusion against the memberships it lists."""
    order_number = order_number.strip()
    if not order_number:
        raise ValidationError("Укажите номер приказа.")
    if order_date is None:
        raise ValidationError("Укажите дату приказа.")
    if not memberships:
        raise ValidationError("В приказ некого включить.")
    with transaction.atomic():
        ids = [membership.pk for membership in memberships]
        locked = list(ReserveMembership.objects.select_for_update().filter(pk__in=ids))
        changed = [
            membership
            for membership in locked
            if (membership.order_number, membership.order_date) != (order_number, order_date)
        ]
        if not changed:
            raise ValidationError(f"Приказ № {order_number} от {order_date:%d.%m.%Y} уже записан.")
        old = {m.pk: _order_text(m.order_number, m.order_date) for m in changed}
        for membership in changed:
            membership.order_number = order_number
            membership.order_date = order_date
        ReserveMembership.objects.bulk_update(changed, ["order_number", "order_date"])
        audit_record_bulk(
            actor=actor,
            changes=[
                Change(
                    "membership.order",
                    m,
                    {"order": (old[m.pk], _order_text(order_number, order_date))},
                )
                for m in changed
            ],
            source=AuditSource.WEB,
            request=request,
        )
    return len(changed)


def _order_text(number: str, date: datetime.date | None) -> str | None:
    return f"№ {number} от {date:%d.%m.%Y}" if number and date else None

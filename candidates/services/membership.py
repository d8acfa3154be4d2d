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
from governance.models import Order, OrderKind
from governance.orders import DEFAULT_SIGNATORY_POST, order_create, order_last_signatory
from governance.selectors import regulation_in_force

# The Regulation's ground «назначение на должность»: an appointment closes the membership as
# «назначен» through membership_appoint (the appointment stage), never as an exclusion.
APPOINTMENT_GROUND = "appointed"


def _event(
    membership,
    *,
    action,
    from_status,
    actor,
    reason="",
    old_end=None,
    new_end=None,
    order=None,
    item=None,
):
    return MembershipEvent(
        membership=membership,
        action=action,
        from_status=from_status,
        to_status=membership.status,
        old_term_ends_on=old_end,
        new_term_ends_on=new_end,
        reason=reason,
        order=order,
        decision_item=item,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )


def membership_create(*, item: AgendaItem, actor, request: HttpRequest | None = None):
    """Record the commission's decision to include; the term starts with the ministry's order."""
    regulation = regulation_in_force()
    problem = regulation.terms_problem(item.category, item.readiness)
    if problem:
        raise ValidationError(problem)
    nomination = item.nomination
    membership = ReserveMembership.objects.create(
        candidate=nomination.candidate,
        nomination=nomination,
        position_kind=nomination.position_kind,
        municipality=nomination.municipality,
        category=item.category,
        readiness=item.readiness,
        status=MembershipStatus.PENDING_ORDER,
        decision_item=item,
    )
    _event(
        membership,
        action="decide_include",
        from_status="",
        actor=actor,
        reason=f"Решение комиссии от {item.meeting.date:%d.%m.%Y}",
        item=item,
    ).save()
    audit_record(
        actor=actor,
        action="membership.create",
        obj=membership,
        changes={"status": (None, membership.status)},
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
            item=item,
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
    order_number: str = "",
    order_date: datetime.date | None = None,
    signatory_name: str = "",
    signatory_post: str = DEFAULT_SIGNATORY_POST,
    request: HttpRequest | None = None,
) -> ReserveMembership:
    """Exclude a reservist on a ground the Regulation lists, by the ministry's order if given."""
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
        order = None
        if order_number.strip():
            order = order_create(
                number=order_number,
                date=order_date,
                kind=OrderKind.EXCLUSION,
                signatory_name=signatory_name or order_last_signatory()[0],
                signatory_post=signatory_post,
                actor=actor,
                request=request,
            )
        locked.status = MembershipStatus.EXCLUDED
        locked.exclusion_ground = ground
        locked.exclusion_order = order
        locked.ended_on = on_date or (order.date if order else timezone.localdate())
        locked.save(update_fields=["status", "exclusion_ground", "exclusion_order", "ended_on"])
        text = regulation.exclusion_ground_name(ground)
        _event(
            locked,
            action="exclude",
            from_status=MembershipStatus.ACTIVE,
            actor=actor,
            reason=f"{text}. {reason}".strip(),
            order=order,
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


def _locked(memberships: list[ReserveMembership]) -> list[ReserveMembership]:
    ids = [membership.pk for membership in memberships]
    return list(
        ReserveMembership.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("decision_item__meeting")
        .order_by("pk")
    )


def membership_record_order(
    *,
    memberships: list[ReserveMembership],
    order_number: str,
    order_date: datetime.date,
    actor,
    signatory_name: str = "",
    signatory_post: str = DEFAULT_SIGNATORY_POST,
    request: HttpRequest | None = None,
) -> Order:
    """Include by the ministry's order those the commission decided to include.

    The order goes into the register; each person's term counts from the order's date.
    """
    if not memberships:
        raise ValidationError("В приказ некого включить.")
    with transaction.atomic():
        locked = _locked(memberships)
        waiting = [m for m in locked if m.status == MembershipStatus.PENDING_ORDER]
        if not waiting:
            raise ValidationError("Приказ о включении уже записан: все включены в резерв.")
        decided = max(
            (m.decision_item.meeting.date for m in waiting if m.decision_item_id), default=None
        )
        if order_date is not None and decided is not None and order_date < decided:
            raise ValidationError(
                {
                    "order_date": "Приказ не может быть издан раньше решения комиссии "
                    f"({decided:%d.%m.%Y})."
                }
            )
        order = order_create(
            number=order_number,
            date=order_date,
            kind=OrderKind.INCLUSION,
            signatory_name=signatory_name or order_last_signatory()[0],
            signatory_post=signatory_post,
            actor=actor,
            request=request,
        )
        regulation = regulation_in_force()
        events = []
        for membership in waiting:
            membership.status = MembershipStatus.ACTIVE
            membership.inclusion_order = order
            membership.started_on = order.date
            membership.term_ends_on = regulation.term_end(order.date)
            events.append(
                _event(
                    membership,
                    action="include",
                    from_status=MembershipStatus.PENDING_ORDER,
                    actor=actor,
                    reason=f"Приказ министерства {order.reference}",
                    new_end=membership.term_ends_on,
                    order=order,
                )
            )
        ReserveMembership.objects.bulk_update(
            waiting, ["status", "inclusion_order", "started_on", "term_ends_on"]
        )
        MembershipEvent.objects.bulk_create(events)
        audit_record_bulk(
            actor=actor,
            changes=[
                Change(
                    "membership.order",
                    m,
                    {
                        "status": (MembershipStatus.PENDING_ORDER, m.status),
                        "приказ": (None, order.reference),
                    },
                )
                for m in waiting
            ],
            source=AuditSource.WEB,
            request=request,
        )
    return order


def membership_record_extension_order(
    *,
    events: list[MembershipEvent],
    order_number: str,
    order_date: datetime.date,
    actor,
    signatory_name: str = "",
    signatory_post: str = DEFAULT_SIGNATORY_POST,
    request: HttpRequest | None = None,
) -> Order:
    """Record the ministry's order on the extensions the commission decided."""
    with transaction.atomic():
        locked = list(
            MembershipEvent.objects.select_for_update()
            .filter(pk__in=[event.pk for event in events], action="extend", order__isnull=True)
            .order_by("pk")
        )
        if not locked:
            raise ValidationError("Приказ о продлении уже записан.")
        order = order_create(
            number=order_number,
            date=order_date,
            kind=OrderKind.EXTENSION,
            signatory_name=signatory_name or order_last_signatory()[0],
            signatory_post=signatory_post,
            actor=actor,
            request=request,
        )
        for event in locked:
            event.order = order
        MembershipEvent.objects.bulk_update(locked, ["order"])
    return order

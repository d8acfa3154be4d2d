"""Set up commissions and their composition; every change is audited.

The ministry keeps commissions in the back office, so these are called from candidates/admin.py.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from audit.models import AuditSource
from audit.services import audit_record
from candidates.access import can_sit_on_commission
from candidates.models import Commission, CommissionMember, CommissionRole

COMMISSION_FIELDS = ("name", "is_active")
MEMBER_FIELDS = ("role", "position", "is_active")


def commission_member_check(
    *, commission: Commission | None, user, role: str, is_active: bool, member_pk: int | None
) -> None:
    """Raise ValidationError if the person cannot hold the seat on the commission."""
    if not can_sit_on_commission(user):
        raise ValidationError(
            f"{user} — {user.get_role_display().lower()}: в комиссию включаются специалисты "
            "министерства и эксперты."
        )
    if commission is None or commission.pk is None:
        return
    others = CommissionMember.objects.filter(commission=commission).exclude(pk=member_pk)
    if others.filter(user=user).exists():
        raise ValidationError(f"{user} уже входит в состав этой комиссии.")
    if (
        is_active
        and role == CommissionRole.CHAIR
        and others.filter(role=CommissionRole.CHAIR, is_active=True).exists()
    ):
        raise ValidationError("У комиссии уже есть председатель.")


def commission_create(
    *,
    name: str,
    actor,
    is_active: bool = True,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> Commission:
    """Create a commission."""
    with transaction.atomic():
        commission = Commission.objects.create(name=name.strip(), is_active=is_active)
        audit_record(
            actor=actor,
            action="commission.create",
            obj=commission,
            changes={"name": (None, commission.name), "is_active": (None, is_active)},
            source=source,
            request=request,
        )
    return commission


def commission_update(
    *,
    commission: Commission,
    data: dict,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> Commission:
    """Rename a commission or change whether it acts; record what changed."""
    return _update(commission, COMMISSION_FIELDS, data, "commission.update", actor, source, request)


def commission_member_add(
    *,
    commission: Commission,
    user,
    actor,
    role: str = CommissionRole.MEMBER,
    position: str = "",
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> CommissionMember:
    """Seat a person on the commission."""
    with transaction.atomic():
        Commission.objects.select_for_update().get(pk=commission.pk)
        commission_member_check(
            commission=commission, user=user, role=role, is_active=True, member_pk=None
        )
        member = CommissionMember.objects.create(
            commission=commission, user=user, role=role, position=position.strip()
        )
        audit_record(
            actor=actor,
            action="commission.member_add",
            obj=commission,
            changes={"член комиссии": (None, f"{user} ({member.get_role_display()})")},
            source=source,
            request=request,
        )
    return member


def commission_member_update(
    *,
    member: CommissionMember,
    data: dict,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> CommissionMember:
    """Change a member's role, position, or take them off the commission (is_active)."""
    with transaction.atomic():
        Commission.objects.select_for_update().get(pk=member.commission_id)
        member = CommissionMember.objects.select_related("user", "commission").get(pk=member.pk)
        commission_member_check(
            commission=member.commission,
            user=member.user,
            role=data.get("role", member.role),
            is_active=data.get("is_active", member.is_active),
            member_pk=member.pk,
        )
        return _update(
            member, MEMBER_FIELDS, data, "commission.member_update", actor, source, request
        )


def _update(obj, fields, data, action, actor, source, request):
    changes = {
        name: (getattr(obj, name), data[name])
        for name in fields
        if name in data and getattr(obj, name) != data[name]
    }
    if not changes:
        return obj
    with transaction.atomic():
        for name, (_, new) in changes.items():
            setattr(obj, name, new)
        obj.save(update_fields=list(changes))
        audit_record(
            actor=actor, action=action, obj=obj, changes=changes, source=source, request=request
        )
    return obj

"""The mentor registry: experienced heads with their capacity, workplace and strengths."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from assessment.models import Competency
from audit.models import AuditSource
from audit.services import audit_record
from development import access
from development.mentoring.selectors import (
    OPEN_STATUSES,
)
from development.models import (
    Mentor,
    MentorStrength,
)
from registry.models import Organization

MENTOR_FIELDS = ("organization", "position", "years_as_head", "capacity", "is_available", "about")


def _set_strengths(mentor: Mentor, levels: Mapping[Competency, int | None]) -> dict:
    """Store the mentor's levels (None removes one); return {code: [old, new]} of changes."""
    current = {strength.competency_id: strength for strength in mentor.strengths.all()}
    changes = {}
    for competency, level in levels.items():
        existing = current.get(competency.pk)
        old = existing.level if existing else None
        if old == level:
            continue
        if level is None:
            existing.delete()
        elif existing is None:
            MentorStrength.objects.create(mentor=mentor, competency=competency, level=level)
        else:
            existing.level = level
            existing.save(update_fields=["level"])
        changes[f"strength:{competency.code}"] = [old, level]
    return changes


def mentor_create(
    *,
    user,
    organization: Organization,
    position: str,
    years_as_head: int,
    capacity: int,
    is_available: bool = True,
    about: str = "",
    strengths: Mapping[Competency, int | None] | None = None,
    actor,
    request: HttpRequest | None = None,
    source: AuditSource = AuditSource.WEB,
) -> Mentor:
    """Add an experienced head with a mentor's account to the registry."""
    if not access.can_be_mentor(user):
        raise ValidationError("Наставником может быть только пользователь с ролью «Наставник».")
    if Mentor.objects.filter(user=user).exists():
        raise ValidationError("Этот пользователь уже есть в реестре наставников.")
    with transaction.atomic():
        mentor = Mentor.objects.create(
            user=user,
            organization=organization,
            position=position,
            years_as_head=years_as_head,
            capacity=capacity,
            is_available=is_available,
            about=about,
        )
        changes = {name: [None, getattr(mentor, name)] for name in MENTOR_FIELDS}
        changes |= _set_strengths(mentor, strengths or {})
        audit_record(
            actor=actor,
            action="mentor.create",
            obj=mentor,
            changes=changes,
            request=request,
            source=source,
        )
    return mentor


def mentor_update(
    *,
    mentor: Mentor,
    actor,
    strengths: Mapping[Competency, int | None] | None = None,
    request: HttpRequest | None = None,
    source: AuditSource = AuditSource.WEB,
    **fields,
) -> Mentor:
    """Change a mentor's record: any of MENTOR_FIELDS and the strengths."""
    unknown = set(fields) - set(MENTOR_FIELDS)
    if unknown:
        raise TypeError(f"Unknown mentor fields: {sorted(unknown)}")
    with transaction.atomic():
        locked = Mentor.objects.select_for_update().get(pk=mentor.pk)
        load = locked.mentorships.filter(status__in=OPEN_STATUSES).count()
        if "capacity" in fields and fields["capacity"] < load:
            raise ValidationError(
                f"У наставника уже {load} пар (действующих и предложенных): "
                "число мест не может быть меньше."
            )
        changes = {}
        for name, value in fields.items():
            old = getattr(locked, name)
            if old != value:
                changes[name] = [old, value]
                setattr(locked, name, value)
        if changes:
            locked.save(update_fields=[name for name in fields if name in changes])
        changes |= _set_strengths(locked, strengths or {})
        if changes:
            audit_record(
                actor=actor,
                action="mentor.update",
                obj=locked,
                changes=changes,
                request=request,
                source=source,
            )
    return locked

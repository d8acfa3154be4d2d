"""Change an application while it is editable: profile, education, DPO and work records, documents.

Every function here locks the nomination first and refuses when its status no longer allows
editing, so a stale page or a second tab cannot change an application already submitted.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.services import audit_record
from candidates.access import EDITABLE_BY_CANDIDATE
from candidates.models import (
    Candidate,
    Document,
    Education,
    Nomination,
    NominationStatus,
    ProfessionalDevelopment,
    WorkRecord,
)
from candidates.services.documents import document_delete, document_upload
from candidates.services.profiles import candidate_update

EARLIEST_YEAR = 1950
EDUCATION_FIELDS = ("level", "degree", "field", "speciality", "institution", "graduation_year")
DPO_FIELDS = ("programme", "field", "hours", "year", "provider")
WORK_FIELDS = ("organization_name", "post", "post_code", "kind", "started_on", "ended_on")
# Programmes of additional professional education run 16 hours at the least (273-ФЗ, ст. 76).
DPO_MIN_HOURS = 16
DPO_MAX_HOURS = 5000


def nomination_lock_editable(*, nomination: Nomination) -> Nomination:
    """Lock the nomination inside the caller's transaction; refuse unless it is editable."""
    locked = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("candidate")
        .get(pk=nomination.pk)
    )
    if locked.status not in EDITABLE_BY_CANDIDATE:
        raise ValidationError(
            f"Заявка в статусе «{NominationStatus(locked.status).label}»: изменять её можно "
            "только в статусах «черновик» и «возвращена на доработку». Обновите страницу."
        )
    return locked


def _check_year(year: int | None, field: str, errors: dict, today: datetime.date) -> None:
    if year is not None and not EARLIEST_YEAR <= year <= today.year:
        errors[field] = f"Укажите год от {EARLIEST_YEAR} до {today.year}."


def _validate_education(record: Education, today: datetime.date) -> None:
    errors: dict[str, str] = {}
    _check_year(record.graduation_year, "graduation_year", errors, today)
    if errors:
        raise ValidationError(errors)


def _validate_dpo(record: ProfessionalDevelopment, today: datetime.date) -> None:
    errors: dict[str, str] = {}
    _check_year(record.year, "year", errors, today)
    if record.hours is not None and not DPO_MIN_HOURS <= record.hours <= DPO_MAX_HOURS:
        errors["hours"] = (
            f"Программа ДПО — не менее {DPO_MIN_HOURS} и не более {DPO_MAX_HOURS} часов."
        )
    if errors:
        raise ValidationError(errors)


def _validate_work(record: WorkRecord, today: datetime.date) -> None:
    errors: dict[str, str] = {}
    earliest = datetime.date(EARLIEST_YEAR, 1, 1)
    if record.started_on and not earliest <= record.started_on <= today:
        errors["started_on"] = "Дата начала работы не может быть в будущем или раньше 1950 года."
    if record.ended_on and record.ended_on > today:
        errors["ended_on"] = (
            "Дата окончания не может быть в будущем. Если работаете сейчас, отметьте "
            "«по настоящее время»."
        )
    elif record.ended_on and record.started_on and record.ended_on < record.started_on:
        errors["ended_on"] = "Дата окончания работы раньше даты начала."
    if errors:
        raise ValidationError(errors)


_VALIDATORS = {
    Education: _validate_education,
    ProfessionalDevelopment: _validate_dpo,
    WorkRecord: _validate_work,
}
_FIELDS = {
    Education: EDUCATION_FIELDS,
    ProfessionalDevelopment: DPO_FIELDS,
    WorkRecord: WORK_FIELDS,
}
_ACTIONS = {Education: "education", ProfessionalDevelopment: "dpo", WorkRecord: "work"}


def _validate(record: models.Model) -> None:
    record.full_clean(exclude=["candidate"])
    _VALIDATORS[type(record)](record, timezone.localdate())


def _record_add(
    *, model: type[models.Model], nomination: Nomination, actor, data: dict, request
) -> models.Model:
    fields = _FIELDS[model]
    with transaction.atomic():
        locked = nomination_lock_editable(nomination=nomination)
        record = model(candidate=locked.candidate, **{f: data.get(f) for f in fields})
        _validate(record)
        record.save()
        audit_record(
            actor=actor,
            action=f"{_ACTIONS[model]}.add",
            obj=record,
            changes={f: (None, getattr(record, f)) for f in fields},
            request=request,
        )
    return record


def _record_update(
    *, nomination: Nomination, record: models.Model, actor, data: dict, request
) -> models.Model:
    model = type(record)
    with transaction.atomic():
        locked = nomination_lock_editable(nomination=nomination)
        current = model.objects.select_for_update().get(pk=record.pk, candidate=locked.candidate)
        changes = {
            field: (getattr(current, field), data[field])
            for field in _FIELDS[model]
            if field in data and getattr(current, field) != data[field]
        }
        if not changes:
            return current
        for field, (_old, new) in changes.items():
            setattr(current, field, new)
        _validate(current)
        update_fields = list(changes)
        if model is WorkRecord and current.verified_at is not None:
            # A changed period is checked against the трудовая книжка again.
            current.verified_at, current.verified_by = None, None
            update_fields += ["verified_at", "verified_by"]
        current.save(update_fields=update_fields)
        audit_record(
            actor=actor,
            action=f"{_ACTIONS[model]}.update",
            obj=current,
            changes=changes,
            request=request,
        )
    return current


def _record_remove(*, nomination: Nomination, record: models.Model, actor, request) -> None:
    model = type(record)
    with transaction.atomic():
        locked = nomination_lock_editable(nomination=nomination)
        deleted = model.objects.filter(pk=record.pk, candidate=locked.candidate)
        current = deleted.select_for_update().first()
        if current is None:
            raise ValidationError("Эта запись уже удалена. Обновите страницу.")
        audit_record(
            actor=actor,
            action=f"{_ACTIONS[model]}.remove",
            obj=current,
            changes={"запись": (str(current), None)},
            request=request,
        )
        current.delete()


def education_record_add(
    *, nomination: Nomination, actor, data: dict, request: HttpRequest | None = None
) -> Education:
    """Add an education record to the applicant's profile."""
    return _record_add(
        model=Education, nomination=nomination, actor=actor, data=data, request=request
    )


def education_record_update(
    *,
    nomination: Nomination,
    record: Education,
    actor,
    data: dict,
    request: HttpRequest | None = None,
) -> Education:
    """Change an education record; record what changed."""
    return _record_update(
        nomination=nomination, record=record, actor=actor, data=data, request=request
    )


def education_record_remove(
    *, nomination: Nomination, record: Education, actor, request: HttpRequest | None = None
) -> None:
    """Remove an education record from the applicant's profile."""
    _record_remove(nomination=nomination, record=record, actor=actor, request=request)


def dpo_record_add(
    *, nomination: Nomination, actor, data: dict, request: HttpRequest | None = None
) -> ProfessionalDevelopment:
    """Add a record of additional professional education."""
    return _record_add(
        model=ProfessionalDevelopment,
        nomination=nomination,
        actor=actor,
        data=data,
        request=request,
    )


def dpo_record_update(
    *,
    nomination: Nomination,
    record: ProfessionalDevelopment,
    actor,
    data: dict,
    request: HttpRequest | None = None,
) -> ProfessionalDevelopment:
    """Change a record of additional professional education; record what changed."""
    return _record_update(
        nomination=nomination, record=record, actor=actor, data=data, request=request
    )


def dpo_record_remove(
    *,
    nomination: Nomination,
    record: ProfessionalDevelopment,
    actor,
    request: HttpRequest | None = None,
) -> None:
    """Remove a record of additional professional education."""
    _record_remove(nomination=nomination, record=record, actor=actor, request=request)


def work_record_add(
    *, nomination: Nomination, actor, data: dict, request: HttpRequest | None = None
) -> WorkRecord:
    """Add a place of work; an empty end date means «по настоящее время»."""
    return _record_add(
        model=WorkRecord, nomination=nomination, actor=actor, data=data, request=request
    )


def work_record_update(
    *,
    nomination: Nomination,
    record: WorkRecord,
    actor,
    data: dict,
    request: HttpRequest | None = None,
) -> WorkRecord:
    """Change a place of work; record what changed."""
    return _record_update(
        nomination=nomination, record=record, actor=actor, data=data, request=request
    )


def work_record_remove(
    *, nomination: Nomination, record: WorkRecord, actor, request: HttpRequest | None = None
) -> None:
    """Remove a place of work from the applicant's history."""
    _record_remove(nomination=nomination, record=record, actor=actor, request=request)


def application_profile_update(
    *, nomination: Nomination, actor, data: dict, request: HttpRequest | None = None
) -> Candidate:
    """Change the applicant's profile while the application is editable."""
    with transaction.atomic():
        locked = nomination_lock_editable(nomination=nomination)
        return candidate_update(candidate=locked.candidate, actor=actor, data=data, request=request)


def application_document_upload(
    *,
    nomination: Nomination,
    kind: str,
    uploaded_file: UploadedFile,
    actor,
    request: HttpRequest | None = None,
) -> Document:
    """Attach a document while the application is editable; a refused file leaves nothing."""
    with transaction.atomic():
        locked = nomination_lock_editable(nomination=nomination)
        return document_upload(
            nomination=locked, kind=kind, uploaded_file=uploaded_file, actor=actor, request=request
        )


def application_document_delete(
    *, nomination: Nomination, document: Document, actor, request: HttpRequest | None = None
) -> None:
    """Remove a document while the application is editable."""
    with transaction.atomic():
        locked = nomination_lock_editable(nomination=nomination)
        current = Document.objects.select_for_update().filter(pk=document.pk, nomination=locked)
        existing = current.first()
        if existing is None:
            raise ValidationError("Этот документ уже удалён. Обновите страницу.")
        document_delete(document=existing, actor=actor, request=request)

"""The programme catalogue: activities saved by hand in the admin or imported from Excel."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from assessment.models import Competency, CompetencyFramework
from audit.models import AuditSource
from audit.services import Change, audit_record, audit_record_bulk
from development.catalogue.importing import CatalogueRow, existing_keys
from development.models import Activity, ProgrammeModule
from registry.models import Organization

_ACTIVITY_FIELDS = [
    "kind",
    "title",
    "description",
    "provider",
    "host_organization",
    "tutor_name",
    "hours",
    "format",
    "starts_on",
    "ends_on",
    "places",
    "min_level",
    "max_level",
    "is_active",
]


def _values(obj, fields: list[str]) -> dict:
    return {name: getattr(obj, name) for name in fields}


def save_audited(
    obj, fields: list[str], *, entity: str, actor, source: AuditSource, request
) -> None:
    """Save a hand-edited row and audit what changed (all fields for a new row).

    The back office of the programme and of the practice's witnesses saves through it too.
    """
    model = type(obj)
    with transaction.atomic():
        if obj._state.adding or obj.pk is None:
            obj.save()
            changes = {name: (None, value) for name, value in _values(obj, fields).items()}
            action = f"{entity}.create"
        else:
            before = _values(model.objects.select_for_update().get(pk=obj.pk), fields)
            after = _values(obj, fields)
            changes = {
                name: (before[name], after[name]) for name in fields if before[name] != after[name]
            }
            obj.save()
            if not changes:
                return
            action = f"{entity}.update"
        audit_record(
            actor=actor, action=action, obj=obj, changes=changes, source=source, request=request
        )


def activity_save(
    *,
    activity: Activity,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> Activity:
    """Save an activity created or edited by hand, checking its rules, and audit the change."""
    activity.full_clean(exclude=["competencies"])
    if activity.needs_host and activity.host_organization_id is None:
        raise ValidationError("Для стажировки укажите стажировочную площадку из реестра.")
    save_audited(
        activity, _ACTIVITY_FIELDS, entity="activity", actor=actor, source=source, request=request
    )
    return activity


def activity_delete(
    *,
    activity: Activity,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> None:
    """Delete an activity no plan refers to; one in plans is retired from the catalogue instead."""
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        if locked.plan_items.exists():
            raise ValidationError(
                "Мероприятие уже включено в планы развития: снимите отметку «в каталоге», "
                "чтобы оно больше не предлагалось."
            )
        audit_record(
            actor=actor,
            action="activity.delete",
            obj=locked,
            changes={"мероприятие": (locked.title, None)},
            source=source,
            request=request,
        )
        locked.delete()


def programme_module_save(
    *,
    module: ProgrammeModule,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> ProgrammeModule:
    """Save a module of the programme edited by hand and audit the change."""
    fields = [
        "year",
        "title",
        "description",
        "hours",
        "is_mentoring",
        "formats",
        "expected_result",
        "sort_order",
    ]
    save_audited(
        module, fields, entity="programme_module", actor=actor, source=source, request=request
    )
    return module


def activities_import(
    *, rows: list[CatalogueRow], actor, request: HttpRequest | None = None
) -> int:
    """Add the checked activities to the catalogue in one transaction; return how many."""
    competencies = {
        competency.code: competency
        for competency in Competency.objects.filter(framework__is_current=True)
    }
    inns = {row.host_inn for row in rows if row.host_inn}
    hosts = {host.inn: host for host in Organization.objects.filter(inn__in=inns)}
    for row in rows:
        missing = [code for code in row.competencies if code not in competencies]
        if missing:
            raise ValidationError(f"Строка {row.row}: компетенции «{missing[0]}» нет в модели.")
        if row.host_inn and row.host_inn not in hosts:
            raise ValidationError(f"Строка {row.row}: ИНН {row.host_inn} нет в реестре.")
    with transaction.atomic():
        # One import at a time, so that the duplicate check below sees the other's rows. The
        # catalogue has no row of its own to lock; the current competency model's row stands in.
        CompetencyFramework.objects.select_for_update().filter(is_current=True).first()
        existing = existing_keys()
        repeated = [row.row for row in rows if row.key in existing]
        if repeated:
            raise ValidationError(
                f"Мероприятие из строки {repeated[0]} уже есть в каталоге: файл загружен повторно?"
            )
        activities = Activity.objects.bulk_create(
            Activity(
                kind=row.kind,
                title=row.title,
                description=row.description,
                provider=row.provider,
                host_organization=hosts.get(row.host_inn),
                tutor_name=row.tutor_name,
                hours=row.hours,
                format=row.format,
                starts_on=row.date("starts_on"),
                ends_on=row.date("ends_on"),
                places=row.places,
                min_level=row.min_level,
                max_level=row.max_level,
            )
            for row in rows
        )
        links = [
            Activity.competencies.through(activity=activity, competency=competencies[code])
            for activity, row in zip(activities, rows, strict=True)
            for code in row.competencies
        ]
        Activity.competencies.through.objects.bulk_create(links)
        audit_record_bulk(
            actor=actor,
            changes=[
                Change(
                    "activity.import",
                    activity,
                    {"мероприятие": (None, activity.title), "строка": (None, row.row)},
                )
                for activity, row in zip(activities, rows, strict=True)
            ],
            source=AuditSource.IMPORT,
            request=request,
        )
    return len(activities)


def _set_competencies(obj, competencies, *, entity: str, actor, source: AuditSource, request):
    """Replace the competencies of an activity or a module; audit the change of codes."""
    with transaction.atomic():
        before = sorted(obj.competencies.values_list("code", flat=True))
        obj.competencies.set(competencies)
        after = sorted(competency.code for competency in competencies)
        if before != after:
            audit_record(
                actor=actor,
                action=f"{entity}.update",
                obj=obj,
                changes={"компетенции": (", ".join(before), ", ".join(after))},
                source=source,
                request=request,
            )


def activity_set_competencies(
    *,
    activity: Activity,
    competencies,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> None:
    """Set the competencies an activity develops (at least one)."""
    if not competencies:
        raise ValidationError("Укажите хотя бы одну компетенцию, которую развивает мероприятие.")
    _set_competencies(
        activity, list(competencies), entity="activity", actor=actor, source=source, request=request
    )


def programme_module_set_competencies(
    *,
    module: ProgrammeModule,
    competencies,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> None:
    """Set the competencies a programme module develops."""
    _set_competencies(
        module,
        list(competencies),
        entity="programme_module",
        actor=actor,
        source=source,
        request=request,
    )


def programme_module_set_posts(
    *,
    module: ProgrammeModule,
    position_kinds,
    actor,
    source: AuditSource = AuditSource.ADMIN,
    request: HttpRequest | None = None,
) -> None:
    """Set the posts whose track the module belongs to (none: a module of the common part)."""
    position_kinds = list(position_kinds)
    with transaction.atomic():
        before = sorted(module.position_kinds.values_list("code", flat=True))
        module.position_kinds.set(position_kinds)
        after = sorted(post.code for post in position_kinds)
        if before != after:
            audit_record(
                actor=actor,
                action="programme_module.update",
                obj=module,
                changes={"трек должностей": (", ".join(before), ", ".join(after))},
                source=source,
                request=request,
            )


def delete_audited(
    obj, *, entity: str, actor, source: AuditSource = AuditSource.ADMIN, request=None
) -> None:
    """Delete a hand-kept row and audit what it was."""
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=f"{entity}.delete",
            obj=obj,
            changes={"запись": (str(obj), None)},
            source=source,
            request=request,
        )
        obj.delete()

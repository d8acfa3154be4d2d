"""Read-only back office for the record: the audit log and the personal-data access log.

Who may read the record is a question for the access policy of the app that owns it, above
this one: governance registers these pages with its answer as their `may_view`.
"""

from django.apps import apps
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.html import format_html, format_html_join

from audit.models import AuditEvent, audit_action_label
from core.admin_base import ReadOnlyPolicyAdmin


def _model_of(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def object_type_label(object_type: str) -> str:
    """Return the Russian name of the object's model, or the stored label when it is gone."""
    model = _model_of(object_type)
    return str(model._meta.verbose_name) if model is not None else object_type


def _field_of(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _value_label(field: models.Field | None, value: object) -> str:
    if value is None or value == "":
        return "—"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "да" if value else "нет"
    return str(value)


def change_rows(event: AuditEvent) -> list[tuple[str, str, str]]:
    """Return (field label, old value, new value) rows of the event's changes, readable."""
    model = _model_of(event.object_type)
    rows = []
    for name, pair in (event.changes or {}).items():
        # audit.py writes [old, new]; anything else is shown as a new value.
        old, new = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
        field = _field_of(model, name)
        label = str(field.verbose_name) if field is not None else name
        rows.append((label, _value_label(field, old), _value_label(field, new)))
    return rows


class ObjectTypeFilter(admin.SimpleListFilter):
    title = "тип объекта"
    parameter_name = "object_type"

    def lookups(self, request, model_admin) -> list[tuple[str, str]]:
        types = model_admin.get_queryset(request).values_list(self.parameter_name, flat=True)
        return sorted(
            ((value, object_type_label(value)) for value in types.order_by().distinct()),
            key=lambda item: item[1],
        )

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(**{self.parameter_name: self.value()})


class SubjectTypeFilter(ObjectTypeFilter):
    title = "чьи данные"
    parameter_name = "subject_type"


class VerbFilter(admin.SimpleListFilter):
    title = "действие"
    parameter_name = "verb"

    def lookups(self, request, model_admin) -> list[tuple[str, str]]:
        actions = model_admin.get_queryset(request).values_list("action", flat=True)
        verbs = {action.rsplit(".", 1)[-1] for action in actions.order_by().distinct()}
        return sorted(
            ((verb, audit_action_label(verb)) for verb in verbs), key=lambda item: item[1]
        )

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(Q(action__endswith=f".{self.value()}") | Q(action=self.value()))


def actor_label(actor) -> str:
    """Return who acted; an empty actor is the system (a command or an import without a user)."""
    return str(actor) if actor is not None else "система"


class AuditEventAdmin(ReadOnlyPolicyAdmin):
    """The audit log, searchable and filtered, with each change shown as «было → стало»."""

    name_accusative = "событие журнала аудита"

    list_display = [
        "created_at",
        "actor_display",
        "action_display",
        "object_type_display",
        "object_repr",
        "source",
    ]
    list_select_related = ["actor"]
    list_filter = ["source", VerbFilter, ObjectTypeFilter, "created_at"]
    search_fields = ["object_repr", "object_id", "actor__username", "actor__last_name"]
    list_per_page = 50
    # The log only grows; counting all of it on every page is not worth the time.
    show_full_result_count = False
    fields = [
        "created_at",
        "actor_display",
        "action_display",
        "object_type_display",
        "object_id",
        "object_repr",
        "changes_display",
        "source",
        "ip_address",
    ]
    readonly_fields = fields

    @admin.display(description="кто", ordering="actor__last_name")
    def actor_display(self, event: AuditEvent) -> str:
        return actor_label(event.actor)

    @admin.display(description="действие", ordering="action")
    def action_display(self, event: AuditEvent) -> str:
        return audit_action_label(event.action)

    @admin.display(description="тип объекта", ordering="object_type")
    def object_type_display(self, event: AuditEvent) -> str:
        return object_type_label(event.object_type)

    @admin.display(description="изменения: было → стало")
    def changes_display(self, event: AuditEvent) -> str:
        rows = change_rows(event)
        if not rows:
            return "—"
        body = format_html_join(
            "", '<tr><th scope="row">{}</th><td>{}</td><td>→ {}</td></tr>', rows
        )
        return format_html(
            '<table class="audit-changes"><thead><tr><th scope="col">поле</th>'
            '<th scope="col">было</th><th scope="col">стало</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            body,
        )


class PersonalDataAccessAdmin(ReadOnlyPolicyAdmin):
    """Who viewed or downloaded whose personal data, and when."""

    name_accusative = "просмотр персональных данных"

    list_display = [
        "accessed_at",
        "actor",
        "subject_type_display",
        "subject_repr",
        "purpose",
        "ip_address",
    ]
    list_select_related = ["actor"]
    list_filter = [SubjectTypeFilter, "accessed_at"]
    search_fields = ["subject_repr", "subject_id", "actor__username", "actor__last_name"]
    list_per_page = 50
    show_full_result_count = False
    fields = [
        "accessed_at",
        "actor",
        "subject_type_display",
        "subject_id",
        "subject_repr",
        "purpose",
        "ip_address",
        "user_agent",
    ]
    readonly_fields = fields

    @admin.display(description="чьи данные", ordering="subject_type")
    def subject_type_display(self, access) -> str:
        return object_type_label(access.subject_type)

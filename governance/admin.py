"""Back office for the rules and the record: read-only, each page shown to whom the policy says.

A new version of the Regulation is made on the portal's form, which goes through
governance.services.regulation_version_create; the admin only shows the history. The roadmap's
items are edited here through governance.roadmap.services. The record's
pages are the audit app's; who may read them is governance's policy, so they are registered here.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django_tasks_db.models import DBTaskResult

from audit.admin import AuditEventAdmin, PersonalDataAccessAdmin
from audit.models import AuditEvent, AuditSource, PersonalDataAccess
from core.admin_base import PolicyAdmin, ReadOnlyPolicyAdmin
from core.models import MailDelivery
from governance import access
from governance.models import ConsentText, RegulationVersion, RoadmapItem
from governance.roadmap.services import roadmap_item_delete, roadmap_item_save


@admin.register(AuditEvent)
class AuditLogAdmin(AuditEventAdmin):
    may_view = access.can_view_audit_log


@admin.register(PersonalDataAccess)
class PersonalDataLogAdmin(PersonalDataAccessAdmin):
    may_view = access.can_view_personal_data_log


# The task queue's own pages speak English and show the letters' raw arguments to any staff
# member; the mail log below is where those who may read the record see what went and what failed.
admin.site.unregister(DBTaskResult)


@admin.register(MailDelivery)
class MailDeliveryAdmin(ReadOnlyPolicyAdmin):
    """The log of outgoing mail: what was sent, what is waiting, what failed and why."""

    name_accusative = "письмо"

    may_view = access.can_view_audit_log
    list_display = ["created_at", "subject", "recipient_list", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject"]
    date_hierarchy = "created_at"
    fields = [
        "subject",
        "recipients",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "failed_at",
        "body",
    ]
    readonly_fields = fields

    @admin.display(description="адресаты")
    def recipient_list(self, delivery: MailDelivery) -> str:
        return ", ".join(delivery.recipients)


@admin.register(RegulationVersion)
class RegulationVersionAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "редакцию Положения"
    may_view = access.can_change_regulation
    list_display = ["number", "in_force", "effective_from", "author", "reason", "portal_link"]
    list_select_related = ["author"]
    list_filter = ["in_force"]
    search_fields = ["reason"]
    fields = [
        "number",
        "in_force",
        "effective_from",
        "author",
        "reason",
        "created_at",
        "parameters_link",
    ]
    readonly_fields = fields

    @admin.display(description="параметры")
    def parameters_link(self, version: RegulationVersion) -> str:
        return format_html(
            '<a href="{}">Все параметры редакции — на её странице на портале</a>',
            reverse("governance:version_detail", args=[version.number]),
        )

    @admin.display(description="на портале")
    def portal_link(self, version: RegulationVersion) -> str:
        return format_html(
            '<a href="{}">открыть</a>',
            reverse("governance:version_detail", args=[version.number]),
        )


@admin.register(ConsentText)
class ConsentTextAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "текст согласия"
    may_view = access.can_change_regulation
    list_display = ["purpose", "version", "in_force", "created_at"]
    list_filter = ["purpose", "in_force"]
    fields = ["purpose", "version", "in_force", "created_at", "text"]
    readonly_fields = fields


@admin.register(RoadmapItem)
class RoadmapItemAdmin(PolicyAdmin):
    """The roadmap's items; every save and delete goes through the roadmap's services."""

    name_accusative = "мероприятие дорожной карты"

    visible_to = access.roadmap_items_visible_to
    may_change = access.can_manage_roadmap
    list_display = ["number", "title", "stage", "starts_on", "ends_on", "status", "responsible"]
    list_filter = ["stage", "status", "budget_source"]
    search_fields = ["number", "title", "responsible", "partners"]
    autocomplete_fields = ["responsible_organization"]
    readonly_fields = ["actual_from_monitoring", "completed_on", "updated_at"]
    fieldsets = [
        (None, {"fields": ["number", "title", "stage", "starts_on", "ends_on", "status"]}),
        (
            "Исполнители",
            {
                "fields": [
                    "responsible",
                    "responsible_person",
                    "responsible_organization",
                    "partners",
                ]
            },
        ),
        (
            "Ресурсное обеспечение",
            {
                "fields": [
                    "budget_amount",
                    "budget_source",
                    "staff_resources",
                    "methodological_resources",
                    "material_resources",
                ]
            },
        ),
        (
            "Показатель",
            {
                "fields": [
                    "indicator",
                    "indicator_code",
                    "unit",
                    "target_value",
                    "actual_value",
                    "actual_on",
                    "actual_from_monitoring",
                ]
            },
        ),
        (None, {"fields": ["note", "completed_on", "updated_at"]}),
    ]

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.indicator_code:
            fields += ["actual_value", "actual_on"]  # the monitoring's monthly run fills them
        return fields

    def save_model(self, request, obj, form, change) -> None:
        roadmap_item_save(item=obj, actor=request.user, source=AuditSource.ADMIN, request=request)

    def delete_model(self, request, obj) -> None:
        roadmap_item_delete(item=obj, actor=request.user, request=request)

    def delete_queryset(self, request, queryset) -> None:
        for item in queryset:
            roadmap_item_delete(item=item, actor=request.user, request=request)

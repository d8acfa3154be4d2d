"""Back office for the rules and the record: read-only, each page shown to whom the policy says.

A new version of the Regulation is made on the portal's form, which goes through
governance.services.regulation_version_create; the admin only shows the history. The record's
pages are the audit app's; who may read them is governance's policy, so they are registered here.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from audit.admin import AuditEventAdmin, PersonalDataAccessAdmin
from audit.models import AuditEvent, PersonalDataAccess
from core.admin_base import ReadOnlyPolicyAdmin
from governance import access
from governance.models import ConsentText, RegulationVersion


@admin.register(AuditEvent)
class AuditLogAdmin(AuditEventAdmin):
    may_view = access.can_view_audit_log


@admin.register(PersonalDataAccess)
class PersonalDataLogAdmin(PersonalDataAccessAdmin):
    may_view = access.can_view_personal_data_log


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

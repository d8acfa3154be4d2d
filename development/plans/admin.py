"""Back office of the plans: read-only records with their items and history.

Plans change on the portal's pages, through the workflow services; here they are looked up.
"""

from django.contrib import admin
from django.http import HttpRequest

from core.admin_base import ReadOnlyPolicyAdmin
from development import access
from development.models import DevelopmentPlan, PlanItem, PlanStatusChange


class _RecordInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return list(self.fields)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_view_plan_lists(request.user)


class PlanItemInline(_RecordInline):
    model = PlanItem
    fields = ["title", "competency", "due_date", "status", "completed_at", "reminded_at"]


class PlanStatusChangeInline(_RecordInline):
    model = PlanStatusChange
    fields = ["created_at", "from_status", "to_status", "actor", "reason"]


@admin.register(DevelopmentPlan)
class DevelopmentPlanAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "индивидуальный план развития"
    visible_to = access.plans_visible_to
    may_view = access.can_view_plan_lists
    list_display = ["candidate", "status", "starts_on", "ends_on", "created_at"]
    list_filter = ["status"]
    search_fields = ["candidate__last_name", "candidate__first_name"]
    list_select_related = ["candidate"]
    fields = [
        "candidate",
        "membership",
        "source_result",
        "status",
        "starts_on",
        "ends_on",
        "approved_by",
        "approved_at",
        "created_at",
    ]
    readonly_fields = fields
    inlines = [PlanItemInline, PlanStatusChangeInline]

"""Back office of vacancies: looked up here, changed on the portal's pages through services."""

from django.contrib import admin

from core.admin_base import ReadOnlyPolicyAdmin
from onboarding import access
from onboarding.models import Vacancy, VacancyStatusChange


class VacancyStatusChangeInline(admin.TabularInline):
    model = VacancyStatusChange
    extra = 0
    can_delete = False
    fields = ["created_at", "from_status", "to_status", "actor", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return access.works_region_wide(request.user)


@admin.register(Vacancy)
class VacancyAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "вакансию"
    visible_to = access.vacancies_visible_to
    may_view = access.works_region_wide
    list_display = ["organization", "position_kind", "opens_on", "reason", "source", "status"]
    list_select_related = ["organization", "position_kind"]
    list_filter = ["status", "source", "reason", "position_kind"]
    search_fields = ["organization__full_name", "organization__short_name", "organization__inn"]
    inlines = [VacancyStatusChangeInline]

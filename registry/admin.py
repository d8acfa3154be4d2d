"""Back office for the registry; the Excel import lives in registry/admin_import.py."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from audit.models import AuditSource
from core.admin_base import PolicyAdmin
from registry import access
from registry.admin_import import RegistryImportAdminMixin
from registry.models import Municipality, MunicipalityAlias, Organization, PositionKind
from registry.services import organization_delete, organization_save


class MunicipalityAliasInline(admin.TabularInline):
    model = MunicipalityAlias
    extra = 1
    fields = ["name"]

    def has_view_permission(self, request, obj=None) -> bool:
        return access.can_change_registry(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return access.can_change_registry(request.user)

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


@admin.register(Municipality)
class MunicipalityAdmin(PolicyAdmin):
    name_accusative = "муниципальное образование"
    visible_to = access.municipalities_visible_to
    may_change = access.can_change_registry
    list_display = ["name", "kind", "oktmo"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    inlines = [MunicipalityAliasInline]


@admin.register(MunicipalityAlias)
class MunicipalityAliasAdmin(PolicyAdmin):
    name_accusative = "вариант названия МО"
    may_change = access.can_change_registry
    list_display = ["name", "municipality"]
    list_select_related = ["municipality"]
    search_fields = ["name", "municipality__name"]
    autocomplete_fields = ["municipality"]


@admin.register(Organization)
class OrganizationAdmin(RegistryImportAdminMixin, PolicyAdmin):
    name_accusative = "образовательную организацию"
    visible_to = access.organizations_visible_to
    may_change = access.can_change_registry
    list_display = ["short_name", "inn", "kind", "municipality", "head_full_name", "is_active"]
    list_select_related = ["municipality"]
    list_filter = ["municipality", "kind", "founder", "is_active"]
    search_fields = ["full_name", "short_name", "inn", "ogrn", "head_full_name"]
    autocomplete_fields = ["municipality"]
    list_per_page = 50
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "municipality",
                    "full_name",
                    "short_name",
                    "kind",
                    "founder",
                    "is_active",
                ]
            },
        ),
        ("Реквизиты", {"fields": ["inn", "kpp", "ogrn"]}),
        ("Контакты", {"fields": ["address", "phone", "email", "website"]}),
        (
            "Руководитель и контингент",
            {
                "fields": [
                    "head_full_name",
                    "head_birth_date",
                    "head_contract_end_date",
                    "student_count",
                ]
            },
        ),
    ]

    def save_model(self, request: HttpRequest, obj: Organization, form, change: bool) -> None:
        organization_save(
            organization=obj, actor=request.user, source=AuditSource.ADMIN, request=request
        )

    def delete_model(self, request: HttpRequest, obj: Organization) -> None:
        organization_delete(
            organization=obj, actor=request.user, source=AuditSource.ADMIN, request=request
        )

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Organization]) -> None:
        for organization in queryset:
            organization_delete(
                organization=organization,
                actor=request.user,
                source=AuditSource.ADMIN,
                request=request,
            )


@admin.register(PositionKind)
class PositionKindAdmin(PolicyAdmin):
    name_accusative = "вид должности"
    may_change = access.can_change_registry
    list_display = ["name", "code", "is_head", "sort_order"]
    search_fields = ["name", "code"]

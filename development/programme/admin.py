"""Back office of the programme's passport, executors and partners, and resources (ministry)."""

from django.contrib import admin
from django.http import HttpRequest

from audit.models import AuditSource
from core.admin_base import PolicyAdmin
from development import access
from development.catalogue.services import delete_audited, save_audited
from development.models import ProgrammePartner, ProgrammePassport, ProgrammeResource


def _programme_rows(model):
    def visible_to(user):
        rows = model.objects.all()
        return rows if access.can_manage_catalogue(user) else rows.none()

    return visible_to


class AuditedAdmin(PolicyAdmin):
    """Saves and deletes through the catalogue's audited helpers."""

    entity = ""

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        save_audited(
            obj,
            [field.name for field in obj._meta.concrete_fields if field.name != "id"],
            entity=self.entity,
            actor=request.user,
            source=AuditSource.ADMIN,
            request=request,
        )

    def delete_model(self, request: HttpRequest, obj) -> None:
        delete_audited(obj, entity=self.entity, actor=request.user, request=request)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(ProgrammePassport)
class ProgrammePassportAdmin(AuditedAdmin):
    name_accusative = "паспорт программы"
    entity = "programme_passport"
    visible_to = _programme_rows(ProgrammePassport)
    may_change = access.can_manage_catalogue
    list_display = ["title", "starts_year", "ends_year", "approval_order_number"]
    fieldsets = [
        (None, {"fields": ["title", "customer", "developer", "starts_year", "ends_year"]}),
        ("Основания", {"fields": ["legal_basis"]}),
        ("Управление и финансирование", {"fields": ["management", "financing_note"]}),
        ("Утверждение", {"fields": ["approval_order_number", "approval_order_date"]}),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # One passport: it is edited, never added a second time.
        return super().has_add_permission(request) and not ProgrammePassport.objects.exists()


@admin.register(ProgrammePartner)
class ProgrammePartnerAdmin(AuditedAdmin):
    name_accusative = "исполнителя или партнёра программы"
    entity = "programme_partner"
    visible_to = _programme_rows(ProgrammePartner)
    may_change = access.can_manage_catalogue
    list_display = ["short_name", "role", "sort_order"]
    list_filter = ["role"]
    fields = ["name", "short_name", "role", "responsibilities", "website", "sort_order"]


@admin.register(ProgrammeResource)
class ProgrammeResourceAdmin(AuditedAdmin):
    name_accusative = "ресурс программы"
    entity = "programme_resource"
    visible_to = _programme_rows(ProgrammeResource)
    may_change = access.can_manage_catalogue
    list_display = ["description", "kind", "year", "amount", "funding_source", "partner"]
    list_filter = ["kind", "year"]
    list_select_related = ["partner"]
    fields = ["kind", "description", "year", "amount", "funding_source", "partner", "sort_order"]

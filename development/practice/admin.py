"""Back office of the accounts that may confirm practice: heads, tutors, providers (ministry)."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from audit.models import AuditSource
from core.admin_base import PolicyAdmin
from development import access
from development.catalogue.services import delete_audited, save_audited
from development.models import PracticeWitness

FIELDS = ["user", "kind", "organization", "activity"]


def _witnesses_visible_to(user) -> QuerySet[PracticeWitness]:
    rows = PracticeWitness.objects.all()
    return rows if access.can_manage_witnesses(user) else rows.none()


@admin.register(PracticeWitness)
class PracticeWitnessAdmin(PolicyAdmin):
    name_accusative = "подтверждающее лицо"
    visible_to = _witnesses_visible_to
    may_change = access.can_manage_witnesses
    list_display = ["user", "kind", "organization", "activity"]
    list_filter = ["kind"]
    list_select_related = ["user", "organization", "activity"]
    search_fields = ["user__last_name", "organization__short_name", "activity__title"]
    autocomplete_fields = ["organization"]
    raw_id_fields = ["user", "activity"]
    fields = FIELDS

    def save_model(self, request: HttpRequest, obj: PracticeWitness, form, change: bool) -> None:
        save_audited(
            obj,
            FIELDS,
            entity="practice_witness",
            actor=request.user,
            source=AuditSource.ADMIN,
            request=request,
        )

    def delete_model(self, request: HttpRequest, obj: PracticeWitness) -> None:
        delete_audited(obj, entity="practice_witness", actor=request.user, request=request)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[PracticeWitness]) -> None:
        for witness in queryset:
            self.delete_model(request, witness)

"""Back office of the programme, the catalogue and the plans.

The ministry edits the catalogue and the programme here (saved through the services, audited).
Plans are read-only records: they change on the portal's pages, through the workflow services.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from core.admin_base import PolicyAdmin, ReadOnlyPolicyAdmin
from development import access
from development.forms_plans import current_competencies
from development.models import (
    Activity,
    DevelopmentPlan,
    PlanItem,
    PlanStatusChange,
    ProgrammeModule,
)
from development.services.catalogue import (
    activity_delete,
    activity_save,
    activity_set_competencies,
    programme_module_save,
    programme_module_set_competencies,
)


def _catalogue_rows(model):
    def visible_to(user):
        rows = model.objects.all()
        return rows if access.can_manage_catalogue(user) else rows.none()

    return visible_to


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "description",
            "provider",
            "is_active",
            "host_organization",
            "tutor_name",
            "hours",
            "format",
            "starts_on",
            "ends_on",
            "places",
            "competencies",
            "min_level",
            "max_level",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competencies"].queryset = current_competencies()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") == "internship" and not data.get("host_organization"):
            self.add_error("host_organization", "Для стажировки укажите стажировочную площадку.")
        if not data.get("competencies"):
            self.add_error("competencies", "Укажите хотя бы одну компетенцию.")
        return data


@admin.register(Activity)
class ActivityAdmin(PolicyAdmin):
    form = ActivityForm
    visible_to = _catalogue_rows(Activity)
    may_change = access.can_manage_catalogue
    list_display = ["title", "kind", "format", "hours", "starts_on", "places", "is_active"]
    list_filter = ["kind", "format", "is_active"]
    search_fields = ["title", "provider"]
    autocomplete_fields = ["host_organization"]
    filter_horizontal = ["competencies"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "description", "provider", "is_active"]}),
        ("Стажировка", {"fields": ["host_organization", "tutor_name"]}),
        ("Объём и сроки", {"fields": ["hours", "format", "starts_on", "ends_on", "places"]}),
        ("Для кого", {"fields": ["competencies", "min_level", "max_level"]}),
    ]

    def save_model(self, request: HttpRequest, obj: Activity, form, change: bool) -> None:
        activity_save(activity=obj, actor=request.user, request=request)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        activity_set_competencies(
            activity=form.instance,
            competencies=form.cleaned_data["competencies"],
            actor=request.user,
            request=request,
        )
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request: HttpRequest, obj: Activity) -> None:
        try:
            activity_delete(activity=obj, actor=request.user, request=request)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Activity]) -> None:
        for activity in queryset:
            self.delete_model(request, activity)


class ProgrammeModuleForm(forms.ModelForm):
    class Meta:
        model = ProgrammeModule
        fields = [
            "year",
            "sort_order",
            "title",
            "description",
            "hours",
            "formats",
            "competencies",
            "expected_result",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competencies"].queryset = current_competencies()


@admin.register(ProgrammeModule)
class ProgrammeModuleAdmin(PolicyAdmin):
    form = ProgrammeModuleForm
    visible_to = _catalogue_rows(ProgrammeModule)
    may_change = access.can_manage_catalogue
    list_display = ["title", "year", "hours", "sort_order"]
    list_filter = ["year"]
    filter_horizontal = ["competencies"]
    fields = [
        "year",
        "sort_order",
        "title",
        "description",
        "hours",
        "formats",
        "competencies",
        "expected_result",
    ]

    def save_model(self, request: HttpRequest, obj: ProgrammeModule, form, change: bool) -> None:
        programme_module_save(module=obj, actor=request.user, request=request)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        programme_module_set_competencies(
            module=form.instance,
            competencies=form.cleaned_data["competencies"],
            actor=request.user,
            request=request,
        )


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

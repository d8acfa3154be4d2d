"""Back office of the programme and the catalogue: the ministry edits them here.

Every save goes through the catalogue's services (its rules checked, the change audited).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from core.admin_base import PolicyAdmin
from development import access
from development.catalogue.services import (
    activity_delete,
    activity_save,
    activity_set_competencies,
    programme_module_save,
    programme_module_set_competencies,
    programme_module_set_posts,
)
from development.form_fields import current_competencies
from development.models import Activity, ActivityKind, ProgrammeModule


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
        if ActivityKind.needs_host(data.get("kind")) and not data.get("host_organization"):
            self.add_error("host_organization", "Для стажировки укажите стажировочную площадку.")
        if not data.get("competencies"):
            self.add_error("competencies", "Укажите хотя бы одну компетенцию.")
        return data


@admin.register(Activity)
class ActivityAdmin(PolicyAdmin):
    name_accusative = "мероприятие программы"
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
            "is_mentoring",
            "formats",
            "competencies",
            "position_kinds",
            "expected_result",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competencies"].queryset = current_competencies()


@admin.register(ProgrammeModule)
class ProgrammeModuleAdmin(PolicyAdmin):
    name_accusative = "модуль программы"
    form = ProgrammeModuleForm
    visible_to = _catalogue_rows(ProgrammeModule)
    may_change = access.can_manage_catalogue
    list_display = ["title", "year", "hours", "is_mentoring", "sort_order"]
    list_filter = ["year", "is_mentoring", "position_kinds"]
    filter_horizontal = ["competencies", "position_kinds"]
    fields = [
        "year",
        "sort_order",
        "title",
        "description",
        "hours",
        "is_mentoring",
        "formats",
        "competencies",
        "position_kinds",
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
        programme_module_set_posts(
            module=form.instance,
            position_kinds=form.cleaned_data["position_kinds"],
            actor=request.user,
            request=request,
        )

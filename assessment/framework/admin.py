"""Back office of the competency model and the instruments: the ministry edits them here."""

from django.contrib import admin
from django.http import HttpRequest

from assessment import access
from assessment.admin_base import scoped
from assessment.models import (
    Choice,
    Competency,
    CompetencyFramework,
    CompetencyLevel,
    Indicator,
    Instrument,
    Question,
    RubricCriterion,
    TargetLevel,
)
from core.admin_base import PolicyAdmin


class ModelInline(admin.TabularInline):
    """An editable inline of the competency model: rights from the access policy."""

    extra = 0

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_edit_competency_model(request.user)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_edit_competency_model(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_edit_competency_model(request.user)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_edit_competency_model(request.user)


class ModelAdmin(PolicyAdmin):
    """The competency model and the instruments: the ministry edits them."""

    may_change = access.can_edit_competency_model


# --- The competency model -------------------------------------------------------------------


class CompetencyInline(ModelInline):
    model = Competency
    fields = ["code", "name", "labour_function", "sort_order"]
    show_change_link = True


@admin.register(CompetencyFramework)
class CompetencyFrameworkAdmin(ModelAdmin):
    name_accusative = "модель компетенций"
    visible_to = scoped(access.reference_rows_visible_to, CompetencyFramework)
    list_display = ["name", "version", "is_current", "created_at"]
    fields = ["version", "name", "is_current", "notes"]
    inlines = [CompetencyInline]


class CompetencyLevelInline(ModelInline):
    model = CompetencyLevel
    fields = ["level", "title", "descriptor"]
    max_num = 4


class TargetLevelInline(ModelInline):
    model = TargetLevel
    fields = ["position_group", "level"]
    max_num = 2


@admin.register(Competency)
class CompetencyAdmin(ModelAdmin):
    name_accusative = "компетенцию"
    visible_to = scoped(access.reference_rows_visible_to, Competency)
    list_display = ["code", "name", "labour_function", "framework"]
    list_filter = ["framework", "labour_function"]
    search_fields = ["code", "name"]
    fields = ["framework", "code", "name", "description", "labour_function", "sort_order"]
    inlines = [CompetencyLevelInline, TargetLevelInline]


# --- Instruments ----------------------------------------------------------------------------


class IndicatorInline(ModelInline):
    model = Indicator
    fields = ["competency", "text", "sort_order"]


class QuestionInline(ModelInline):
    model = Question
    fields = ["competency", "text", "kind", "is_active"]
    show_change_link = True


class RubricCriterionInline(ModelInline):
    model = RubricCriterion
    fields = ["competency", "description"]


@admin.register(Instrument)
class InstrumentAdmin(ModelAdmin):
    name_accusative = "инструмент оценки"
    visible_to = scoped(access.reference_rows_visible_to, Instrument)
    list_display = ["name", "kind", "framework"]
    list_filter = ["framework", "kind"]
    search_fields = ["name"]
    fields = [
        "framework",
        "kind",
        "name",
        "description",
        "competencies",
        "task",
        "questions_per_competency",
        "time_limit_minutes",
    ]
    filter_horizontal = ["competencies"]
    inlines = [IndicatorInline, RubricCriterionInline, QuestionInline]


class ChoiceInline(ModelInline):
    model = Choice
    fields = ["text", "is_correct"]


@admin.register(Question)
class QuestionAdmin(ModelAdmin):
    name_accusative = "вопрос теста"
    visible_to = scoped(access.reference_rows_visible_to, Question)
    list_display = ["text", "competency", "kind", "is_active", "instrument"]
    list_filter = ["instrument", "kind", "is_active", "competency"]
    search_fields = ["text"]
    fields = ["instrument", "competency", "text", "kind", "is_active"]
    inlines = [ChoiceInline]

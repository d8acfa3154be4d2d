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
    LabourFunction,
    Question,
    RubricCriterion,
    TargetLevel,
    TaskVariant,
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
    fields = ["code", "name", "sort_order"]
    show_change_link = True


@admin.register(CompetencyFramework)
class CompetencyFrameworkAdmin(ModelAdmin):
    name_accusative = "модель компетенций"
    visible_to = scoped(access.reference_rows_visible_to, CompetencyFramework)
    list_display = ["name", "version", "is_current", "created_at"]
    fields = ["version", "name", "is_current", "description", "notes"]
    inlines = [CompetencyInline]


@admin.register(LabourFunction)
class LabourFunctionAdmin(ModelAdmin):
    name_accusative = "обобщённую трудовую функцию"
    visible_to = scoped(access.reference_rows_visible_to, LabourFunction)
    list_display = ["code", "name", "standard"]
    fields = ["code", "name", "standard", "sort_order"]


class CompetencyLevelInline(ModelInline):
    model = CompetencyLevel
    fields = ["level", "title", "descriptor"]
    max_num = 4


class TargetLevelInline(ModelInline):
    model = TargetLevel
    fields = ["position_kind", "level"]


@admin.register(Competency)
class CompetencyAdmin(ModelAdmin):
    name_accusative = "компетенцию"
    visible_to = scoped(access.reference_rows_visible_to, Competency)
    list_display = ["code", "name", "functions", "framework"]
    list_filter = ["framework", "labour_functions"]
    search_fields = ["code", "name"]
    fields = ["framework", "code", "name", "description", "labour_functions", "sort_order"]
    filter_horizontal = ["labour_functions"]
    inlines = [CompetencyLevelInline, TargetLevelInline]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).prefetch_related("labour_functions")

    @admin.display(description="обобщённые трудовые функции")
    def functions(self, competency: Competency) -> str:
        return ", ".join(function.code for function in competency.labour_functions.all())


# --- Instruments ----------------------------------------------------------------------------


class IndicatorInline(ModelInline):
    model = Indicator
    fields = ["competency", "text", "sort_order"]


class QuestionInline(ModelInline):
    model = Question
    fields = ["competency", "section", "text", "kind", "is_active"]
    show_change_link = True


class RubricCriterionInline(ModelInline):
    model = RubricCriterion
    fields = ["variant", "competency", "description"]


class TaskVariantInline(ModelInline):
    model = TaskVariant
    fields = ["title", "position_kinds", "is_default", "sort_order"]
    show_change_link = True


@admin.register(TaskVariant)
class TaskVariantAdmin(ModelAdmin):
    name_accusative = "вариант задания"
    visible_to = scoped(access.reference_rows_visible_to, TaskVariant)
    list_display = ["title", "instrument", "is_default", "sort_order"]
    list_filter = ["instrument"]
    fields = ["instrument", "title", "position_kinds", "is_default", "task", "sort_order"]
    filter_horizontal = ["position_kinds"]


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
        "kind_questions",
        "time_limit_minutes",
    ]
    filter_horizontal = ["competencies"]
    inlines = [IndicatorInline, TaskVariantInline, RubricCriterionInline, QuestionInline]


class ChoiceInline(ModelInline):
    model = Choice
    fields = ["text", "is_correct"]


@admin.register(Question)
class QuestionAdmin(ModelAdmin):
    name_accusative = "вопрос теста"
    visible_to = scoped(access.reference_rows_visible_to, Question)
    list_display = ["text", "competency", "section", "kind", "is_active", "instrument"]
    list_filter = ["instrument", "section", "kind", "is_active", "competency"]
    search_fields = ["text", "source"]
    fields = ["instrument", "competency", "section", "text", "kind", "source", "is_active"]
    inlines = [ChoiceInline]

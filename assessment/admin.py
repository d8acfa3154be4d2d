"""Back office of the assessment: the competency model and instruments are edited here by the
ministry; campaigns, answers, ratings and results are read-only records, scoped by access.py.

Campaigns are run on the portal's pages (weights, cohort, experts, calibration), which call the
services; the admin shows what happened and never re-implements those rules.
"""

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from assessment import access
from assessment.models import (
    CalibrationDecision,
    Campaign,
    CampaignInstrument,
    Choice,
    Competency,
    CompetencyFramework,
    CompetencyLevel,
    DeclaredRelation,
    ExpertAssignment,
    ExpertProfile,
    FeedbackInvitation,
    Indicator,
    Instrument,
    Participant,
    PerformanceRating,
    Question,
    Response,
    Result,
    RubricCriterion,
    TalentReviewNote,
    TargetLevel,
    TestAttempt,
)
from assessment.services.experts import expert_profile_save
from core.admin_base import PolicyAdmin, ReadOnlyPolicyAdmin


def _scoped(scope, model):
    """Return a visible_to that asks the access policy for the user's rows of the model."""
    return lambda user: scope(user, model)


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


class RecordInline(ModelInline):
    """A read-only inline: rows written by the services."""

    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return list(self.fields)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_view_assessment_admin(request.user)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ModelAdmin(PolicyAdmin):
    """The competency model and the instruments: the ministry edits them.

    They are reference data with no territory in them, so no rows are scoped away: who may open
    them at all is may_change.
    """

    may_change = access.can_edit_competency_model


# --- The competency model -------------------------------------------------------------------


class CompetencyInline(ModelInline):
    model = Competency
    fields = ["code", "name", "labour_function", "sort_order"]
    show_change_link = True


@admin.register(CompetencyFramework)
class CompetencyFrameworkAdmin(ModelAdmin):
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
    list_display = ["text", "competency", "kind", "is_active", "instrument"]
    list_filter = ["instrument", "kind", "is_active", "competency"]
    search_fields = ["text"]
    fields = ["instrument", "competency", "text", "kind", "is_active"]
    inlines = [ChoiceInline]


# --- Experts --------------------------------------------------------------------------------


@admin.register(ExpertProfile)
class ExpertProfileAdmin(PolicyAdmin):
    # An expert's place of work has no territory: who may open the profiles at all is may_change.
    may_change = access.can_manage_experts
    list_display = ["user", "organization", "position"]
    search_fields = ["user__last_name", "user__username", "organization__short_name"]
    autocomplete_fields = ["organization"]
    fields = ["user", "organization", "position"]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return ["user"] if obj is not None else []

    def save_model(self, request: HttpRequest, obj: ExpertProfile, form, change: bool) -> None:
        """Save through the service, which checks the role and writes the audit record."""
        profile = expert_profile_save(
            user=obj.user,
            organization=obj.organization,
            position=obj.position,
            actor=request.user,
            request=request,
        )
        obj.pk = profile.pk

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class RecordAdmin(ReadOnlyPolicyAdmin):
    """A record of the campaign's work, shown as it is."""

    may_view = access.can_view_assessment_admin

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return list(self.fields or [f.name for f in self.model._meta.fields])


@admin.register(DeclaredRelation)
class DeclaredRelationAdmin(RecordAdmin):
    visible_to = _scoped(access.candidate_records_visible_to, DeclaredRelation)
    list_display = ["expert", "candidate", "description", "declared_at"]
    fields = ["expert", "candidate", "description", "declared_at"]


@admin.register(ExpertAssignment)
class ExpertAssignmentAdmin(RecordAdmin):
    visible_to = access.expert_assignments_visible_to
    list_display = ["expert", "participant", "campaign_instrument", "submitted_at"]
    list_filter = ["campaign_instrument__campaign"]
    list_select_related = [
        "expert",
        "participant__candidate",
        "participant__campaign",
        "campaign_instrument__instrument",
    ]
    fields = [
        "participant",
        "campaign_instrument",
        "expert",
        "no_conflict_declared_at",
        "scores",
        "comment",
        "submitted_at",
    ]


@admin.register(CalibrationDecision)
class CalibrationDecisionAdmin(RecordAdmin):
    visible_to = _scoped(access.participant_records_visible_to, CalibrationDecision)
    list_display = ["participant", "criterion", "agreed_score", "decided_by", "decided_at"]
    fields = [
        "participant",
        "campaign_instrument",
        "criterion",
        "agreed_score",
        "reason",
        "decided_by",
        "decided_at",
    ]


# --- Campaigns and what participants did ----------------------------------------------------


class CampaignInstrumentInline(RecordInline):
    model = CampaignInstrument
    fields = ["instrument", "weight", "deadline"]


@admin.register(Campaign)
class CampaignAdmin(RecordAdmin):
    visible_to = access.campaigns_visible_to
    list_display = ["name", "status", "starts_on", "ends_on", "pass_threshold", "portal_link"]
    list_filter = ["status"]
    fields = [
        "name",
        "framework",
        "status",
        "starts_on",
        "ends_on",
        "pass_threshold",
        "disagreement_threshold",
        "created_by",
        "created_at",
    ]
    inlines = [CampaignInstrumentInline]

    @admin.display(description="на портале")
    def portal_link(self, campaign: Campaign) -> str:
        url = reverse("assessment:campaign_progress", args=[campaign.pk])
        return format_html('<a href="{}">ход оценки</a>', url)


@admin.register(Participant)
class ParticipantAdmin(RecordAdmin):
    visible_to = access.result_participants_visible_to
    list_display = ["candidate", "campaign", "municipality", "position_group", "completed_at"]
    list_filter = ["campaign", "position_group"]
    list_select_related = ["candidate", "campaign", "municipality"]
    search_fields = ["candidate__last_name", "candidate__first_name"]
    fields = [
        "campaign",
        "candidate",
        "nomination",
        "membership",
        "position_group",
        "municipality",
        "added_at",
        "completed_at",
    ]


@admin.register(Response)
class ResponseAdmin(RecordAdmin):
    visible_to = _scoped(access.participant_records_visible_to, Response)
    list_display = ["participant", "campaign_instrument", "saved_at", "submitted_at"]
    list_select_related = [
        "participant__candidate",
        "participant__campaign",
        "campaign_instrument__instrument",
    ]
    fields = ["participant", "campaign_instrument", "answers", "saved_at", "submitted_at"]


@admin.register(TestAttempt)
class TestAttemptAdmin(RecordAdmin):
    visible_to = _scoped(access.participant_records_visible_to, TestAttempt)
    list_display = ["participant", "started_at", "submitted_at", "is_void"]
    list_filter = ["is_void"]
    list_select_related = ["participant__candidate", "participant__campaign"]
    fields = [
        "participant",
        "campaign_instrument",
        "started_at",
        "deadline_at",
        "submitted_at",
        "score_by_competency",
        "is_void",
        "voided_by",
        "void_reason",
    ]


@admin.register(FeedbackInvitation)
class FeedbackInvitationAdmin(RecordAdmin):
    # The colleagues' answers are not listed here: they are anonymous and shown only as group
    # averages on the result pages. The token's hash is never shown either.
    visible_to = _scoped(access.participant_records_visible_to, FeedbackInvitation)
    list_display = ["participant", "respondent_name", "relation", "expires_at", "used_at"]
    list_select_related = ["participant__candidate", "participant__campaign"]
    fields = [
        "participant",
        "campaign_instrument",
        "respondent_name",
        "respondent_email",
        "relation",
        "expires_at",
        "used_at",
    ]


@admin.register(Result)
class ResultAdmin(RecordAdmin):
    visible_to = access.results_visible_to
    list_display = ["participant", "total", "passed", "rank", "is_complete", "has_disagreement"]
    list_filter = ["participant__campaign", "passed", "is_complete"]
    list_select_related = ["participant__candidate", "participant__campaign"]
    ordering = ["participant__campaign", "rank"]
    fields = [
        "participant",
        "total",
        "passed",
        "rank",
        "competency_scores",
        "gaps",
        "has_disagreement",
        "is_complete",
        "trace",
        "computed_at",
    ]


@admin.register(PerformanceRating)
class PerformanceRatingAdmin(RecordAdmin):
    visible_to = _scoped(access.candidate_records_visible_to, PerformanceRating)
    list_display = ["candidate", "rating", "rated_by", "rated_at"]
    fields = ["candidate", "rating", "basis", "rated_by", "rated_at"]


@admin.register(TalentReviewNote)
class TalentReviewNoteAdmin(RecordAdmin):
    visible_to = _scoped(access.candidate_records_visible_to, TalentReviewNote)
    list_display = ["candidate", "campaign", "box", "author", "created_at"]
    fields = ["candidate", "campaign", "box", "note", "author", "created_at"]

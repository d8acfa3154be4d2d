"""Back office of the expert panels: profiles are kept here, assignments and calibrations shown."""

from django.contrib import admin
from django.http import HttpRequest

from assessment import access
from assessment.admin_base import RecordAdmin, scoped
from assessment.experts.services import expert_profile_save
from assessment.models import CalibrationDecision, DeclaredRelation, ExpertAssignment, ExpertProfile
from core.admin_base import PolicyAdmin


@admin.register(ExpertProfile)
class ExpertProfileAdmin(PolicyAdmin):
    name_accusative = "эксперта"
    visible_to = scoped(access.reference_rows_visible_to, ExpertProfile)
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


@admin.register(DeclaredRelation)
class DeclaredRelationAdmin(RecordAdmin):
    name_accusative = "заявленную связь эксперта"
    visible_to = scoped(access.candidate_records_visible_to, DeclaredRelation)
    list_display = ["expert", "candidate", "description", "declared_at"]
    fields = ["expert", "candidate", "description", "declared_at"]


@admin.register(ExpertAssignment)
class ExpertAssignmentAdmin(RecordAdmin):
    name_accusative = "назначение эксперта"
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
    name_accusative = "калибровку оценки"
    visible_to = scoped(access.participant_records_visible_to, CalibrationDecision)
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

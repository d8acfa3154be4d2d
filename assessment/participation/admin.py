"""Back office of what participants did: answers, attempts and invitations, read-only."""

from django.contrib import admin

from assessment import access
from assessment.admin_base import RecordAdmin, RecordInline, scoped
from assessment.models import FeedbackInvitation, Response, TestAttempt, WorkFile, WorkSubmission


@admin.register(Response)
class ResponseAdmin(RecordAdmin):
    name_accusative = "ответ участника"
    visible_to = scoped(access.participant_records_visible_to, Response)
    list_display = ["participant", "campaign_instrument", "saved_at", "submitted_at"]
    list_select_related = [
        "participant__candidate",
        "participant__campaign",
        "campaign_instrument__instrument",
    ]
    fields = ["participant", "campaign_instrument", "answers", "saved_at", "submitted_at"]


@admin.register(TestAttempt)
class TestAttemptAdmin(RecordAdmin):
    name_accusative = "попытку теста"
    visible_to = scoped(access.participant_records_visible_to, TestAttempt)
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
    name_accusative = "приглашение 360°"
    visible_to = scoped(access.participant_records_visible_to, FeedbackInvitation)
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


class WorkFileInline(RecordInline):
    model = WorkFile
    fields = ["original_name", "content_type", "size", "uploaded_at"]


@admin.register(WorkSubmission)
class WorkSubmissionAdmin(RecordAdmin):
    name_accusative = "письменную работу"
    visible_to = scoped(access.participant_records_visible_to, WorkSubmission)
    list_display = ["participant", "campaign_instrument", "saved_at", "submitted_at"]
    list_select_related = [
        "participant__candidate",
        "participant__campaign",
        "campaign_instrument__instrument",
    ]
    fields = ["participant", "campaign_instrument", "text", "saved_at", "submitted_at"]
    inlines = [WorkFileInline]

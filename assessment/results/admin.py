"""Back office of results and the talent review: read-only records."""

from django.contrib import admin

from assessment import access
from assessment.admin_base import RecordAdmin, scoped
from assessment.models import PerformanceRating, Result, TalentReviewNote


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
    visible_to = scoped(access.candidate_records_visible_to, PerformanceRating)
    list_display = ["candidate", "rating", "rated_by", "rated_at"]
    fields = ["candidate", "rating", "basis", "rated_by", "rated_at"]


@admin.register(TalentReviewNote)
class TalentReviewNoteAdmin(RecordAdmin):
    visible_to = scoped(access.candidate_records_visible_to, TalentReviewNote)
    list_display = ["candidate", "campaign", "box", "author", "created_at"]
    fields = ["candidate", "campaign", "box", "note", "author", "created_at"]

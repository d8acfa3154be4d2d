"""Back office of results and the talent review: read-only records."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from assessment import access
from assessment.admin_base import RecordAdmin, scoped
from assessment.models import PerformanceRating, Result, TalentReviewNote


@admin.register(Result)
class ResultAdmin(RecordAdmin):
    name_accusative = "результат оценки"
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
        "scores_display",
        "gaps_display",
        "has_disagreement",
        "is_complete",
        "portal_link",
        "computed_at",
    ]
    readonly_fields = ["scores_display", "gaps_display", "portal_link"]

    @admin.display(description="баллы по компетенциям")
    def scores_display(self, result: Result) -> str:
        scores = result.competency_scores or {}
        if not scores:
            return "—"
        return format_html_join(mark_safe("<br>"), "{}: {}", sorted(scores.items()))

    @admin.display(description="дефициты")
    def gaps_display(self, result: Result) -> str:
        if not result.gaps:
            return "нет"
        rows = [(gap["name"], gap["level"], gap["target"]) for gap in result.gaps]
        return format_html_join(mark_safe("<br>"), "{}: уровень {} при цели {}", rows)

    @admin.display(description="как посчитано")
    def portal_link(self, result: Result) -> str:
        return format_html(
            '<a href="{}">Расчёт по инструментам — на странице результата на портале</a>',
            reverse("assessment:result_detail", args=[result.participant_id]),
        )


@admin.register(PerformanceRating)
class PerformanceRatingAdmin(RecordAdmin):
    name_accusative = "оценку результативности"
    visible_to = scoped(access.candidate_records_visible_to, PerformanceRating)
    list_display = ["candidate", "rating", "rated_by", "rated_at"]
    fields = ["candidate", "rating", "basis", "rated_by", "rated_at"]


@admin.register(TalentReviewNote)
class TalentReviewNoteAdmin(RecordAdmin):
    name_accusative = "заметку талант-ревью"
    visible_to = scoped(access.candidate_records_visible_to, TalentReviewNote)
    list_display = ["candidate", "campaign", "box", "author", "created_at"]
    fields = ["candidate", "campaign", "box", "note", "author", "created_at"]

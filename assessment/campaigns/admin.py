"""Back office of campaigns: read-only records; campaigns are run on the portal's pages."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from assessment import access
from assessment.admin_base import RecordAdmin, RecordInline
from assessment.models import Campaign, CampaignInstrument, Participant


class CampaignInstrumentInline(RecordInline):
    model = CampaignInstrument
    fields = ["instrument", "weight", "deadline"]


@admin.register(Campaign)
class CampaignAdmin(RecordAdmin):
    name_accusative = "кампанию оценки"
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
    name_accusative = "участника оценки"
    visible_to = access.result_participants_visible_to
    list_display = ["candidate", "campaign", "municipality", "position_kind", "completed_at"]
    list_filter = ["campaign", "position_group", "position_kind"]
    list_select_related = ["candidate", "campaign", "municipality", "position_kind"]
    search_fields = ["candidate__last_name", "candidate__first_name"]
    fields = [
        "campaign",
        "candidate",
        "nomination",
        "membership",
        "position_group",
        "position_kind",
        "municipality",
        "added_at",
        "completed_at",
    ]

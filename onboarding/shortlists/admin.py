"""Back office of offers: looked up here, made and answered on the portal's pages."""

from django.contrib import admin

from core.admin_base import ReadOnlyPolicyAdmin
from onboarding import access
from onboarding.models import Offer


@admin.register(Offer)
class OfferAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "предложение должности"
    visible_to = access.offers_visible_to
    may_view = access.works_region_wide
    list_display = ["vacancy", "membership", "status", "respond_by", "answered_at"]
    list_select_related = [
        "vacancy__organization",
        "vacancy__position_kind",
        "membership__candidate",
    ]
    list_filter = ["status"]
    search_fields = ["membership__candidate__last_name", "vacancy__organization__short_name"]

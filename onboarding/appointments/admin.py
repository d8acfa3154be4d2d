"""Back office of appointments: looked up here, recorded on the portal's pages."""

from django.contrib import admin

from core.admin_base import ReadOnlyPolicyAdmin
from onboarding import access
from onboarding.models import Appointment


@admin.register(Appointment)
class AppointmentAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "назначение на должность"
    visible_to = access.appointments_visible_to
    may_view = access.works_region_wide
    list_display = ["membership", "vacancy", "status", "order_number", "order_date", "starts_on"]
    list_select_related = [
        "membership__candidate",
        "vacancy__organization",
        "vacancy__position_kind",
    ]
    list_filter = ["status"]
    search_fields = ["membership__candidate__last_name", "order_number"]
    exclude = ["order_file"]

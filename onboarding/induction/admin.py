"""Back office of induction: plans looked up here; plans and templates change on the portal."""

from django.contrib import admin

from core.admin_base import ReadOnlyPolicyAdmin
from onboarding import access
from onboarding.models import InductionPlan


@admin.register(InductionPlan)
class InductionPlanAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "план введения в должность"
    visible_to = access.induction_plans_visible_to
    may_view = access.works_region_wide
    list_display = ["appointment", "starts_on", "status", "mentor", "probation_outcome"]
    list_select_related = ["appointment__membership__candidate", "mentor__user"]
    list_filter = ["status", "probation_outcome"]

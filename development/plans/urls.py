"""Routes of the individual plans: the reservist's own, the staff lists, a plan and its items."""

from django.urls import path

from development.plans.views import items, plans

urlpatterns = [
    # The reservist's own plan.
    path("my-plan/", plans.my_plan, name="my_plan"),
    path("my-plan/generate/", plans.my_plan_generate, name="my_plan_generate"),
    # Plans for staff, coordinators and mentors.
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/overdue/", plans.overdue_list, name="overdue_list"),
    path(
        "reserve/<int:membership_pk>/plan/generate/",
        plans.plan_generate_for,
        name="plan_generate_for",
    ),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/submit/", plans.plan_submit_view, name="plan_submit"),
    path("plans/<int:pk>/approve/", plans.plan_approve_view, name="plan_approve"),
    path("plans/<int:pk>/return/", plans.plan_return_view, name="plan_return"),
    path("plans/<int:pk>/start/", plans.plan_start_view, name="plan_start"),
    path("plans/<int:pk>/close/", plans.plan_close_view, name="plan_close"),
    # Items: editing a draft, evidence once approved.
    path("plans/<int:pk>/items/add/", items.item_add, name="item_add"),
    path("plans/<int:pk>/items/<int:item_pk>/", items.item_detail, name="item_detail"),
    path("plans/<int:pk>/items/<int:item_pk>/redate/", items.item_redate, name="item_redate"),
    path("plans/<int:pk>/items/<int:item_pk>/remove/", items.item_remove, name="item_remove"),
    path("plans/<int:pk>/items/<int:item_pk>/start/", items.item_start, name="item_start"),
    path(
        "plans/<int:pk>/items/<int:item_pk>/completion/",
        items.item_completion,
        name="item_completion",
    ),
    path(
        "plans/<int:pk>/items/<int:item_pk>/practice/",
        items.item_practice,
        name="item_practice",
    ),
    path(
        "plans/<int:pk>/items/<int:item_pk>/evidence/<slug:kind>/",
        items.evidence_download,
        name="evidence_download",
    ),
]

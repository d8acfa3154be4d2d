"""Routes of induction plans and their templates."""

from django.urls import path

from onboarding.induction import template_views, views

urlpatterns = [
    path("induction/", views.induction_list, name="induction_list"),
    path("induction/my/", views.my_induction, name="my_induction"),
    path("induction/<int:pk>/", views.induction_detail, name="induction_detail"),
    path("induction/<int:pk>/tasks/<int:task_pk>/", views.task_mark, name="induction_task"),
    path(
        "induction/<int:pk>/checkpoints/<int:checkpoint_pk>/",
        views.checkpoint_review,
        name="induction_checkpoint",
    ),
    path("induction/<int:pk>/mentor/", views.mentor_assign, name="induction_mentor"),
    path("induction/<int:pk>/probation/", views.probation_review, name="induction_probation"),
    path("induction/templates/", template_views.template_list, name="induction_templates"),
    path(
        "induction/templates/<slug:kind>/",
        template_views.template_detail,
        name="induction_template",
    ),
    path(
        "induction/templates/<slug:kind>/tasks/<int:task_pk>/",
        template_views.template_task_edit,
        name="induction_template_task",
    ),
    path(
        "induction/templates/<slug:kind>/tasks/<int:task_pk>/delete/",
        template_views.template_task_remove,
        name="induction_template_task_delete",
    ),
]

"""URL routes of the selection stage: staff side."""

from django.urls import path

from candidates.views import staff, staff_bulk, staff_checks, staff_transitions

urlpatterns = [
    path("pipeline/", staff.pipeline, name="pipeline"),
    path("pipeline/export/", staff.pipeline_export, name="pipeline_export"),
    path("staff/nominations/<int:pk>/", staff.nomination_review, name="staff_nomination"),
    path(
        "staff/nominations/<int:pk>/transition/",
        staff_transitions.nomination_transition_view,
        name="staff_nomination_transition",
    ),
    path(
        "staff/nominations/<int:pk>/documents/<int:document_pk>/check/",
        staff.document_check,
        name="staff_document_check",
    ),
    path(
        "staff/nominations/<int:pk>/eligibility/",
        staff.eligibility_check,
        name="staff_eligibility_check",
    ),
    path(
        "staff/nominations/<int:pk>/eligibility/<int:check_pk>/override/",
        staff.eligibility_override_view,
        name="staff_eligibility_override",
    ),
    path(
        "staff/nominations/<int:pk>/municipal/",
        staff_checks.municipal_decide,
        name="staff_municipal_decide",
    ),
    path(
        "staff/nominations/<int:pk>/work/<int:record_pk>/verify/",
        staff_checks.work_verify,
        name="staff_work_verify",
    ),
    path(
        "staff/nominations/<int:pk>/documents/<int:document_pk>/disqualifying/",
        staff_checks.document_disqualifying,
        name="staff_document_disqualifying",
    ),
    path(
        "staff/nominations/<int:pk>/refuse/",
        staff_checks.refuse_below_pass_mark,
        name="staff_refuse_below_pass_mark",
    ),
    path("staff/nominations/<int:pk>/names/", staff_checks.name_forms, name="staff_name_forms"),
    path("staff/nominate/", staff.nominate, name="nominate"),
    path("staff/nominate/bulk/", staff_bulk.bulk_nominate, name="bulk_nominate"),
    path(
        "staff/nominate/bulk/template/",
        staff_bulk.bulk_nominate_template,
        name="bulk_nominate_template",
    ),
    path(
        "staff/nominate/bulk/confirm/",
        staff_bulk.bulk_nominate_confirm,
        name="bulk_nominate_confirm",
    ),
]

"""URL routes of the participant's pages and of the colleague's 360° link."""

from django.urls import path

from assessment.participation.views import feedback, my_assessment, self_assessment, testing, work

urlpatterns = [
    path("my/", my_assessment.my_assessment, name="my_assessment"),
    path(
        "my/<int:participant_pk>/self/<int:item_pk>/",
        self_assessment.self_assessment,
        name="self_assessment",
    ),
    path(
        "my/<int:participant_pk>/self/<int:item_pk>/autosave/",
        self_assessment.self_assessment_autosave,
        name="self_assessment_autosave",
    ),
    path("my/<int:participant_pk>/test/<int:item_pk>/", testing.test_page, name="test"),
    path(
        "my/<int:participant_pk>/test/<int:item_pk>/start/", testing.test_start, name="test_start"
    ),
    path("my/<int:participant_pk>/test/<int:item_pk>/save/", testing.test_save, name="test_save"),
    path(
        "my/<int:participant_pk>/test/<int:item_pk>/submit/",
        testing.test_submit,
        name="test_submit",
    ),
    path(
        "my/<int:participant_pk>/feedback/<int:item_pk>/",
        feedback.feedback_page,
        name="feedback",
    ),
    path("my/<int:participant_pk>/task/<int:item_pk>/", my_assessment.expert_task, name="task"),
    path("my/<int:participant_pk>/task/<int:item_pk>/save/", work.work_save, name="work_save"),
    path(
        "my/<int:participant_pk>/task/<int:item_pk>/autosave/",
        work.work_autosave,
        name="work_autosave",
    ),
    path(
        "my/<int:participant_pk>/task/<int:item_pk>/files/",
        work.work_file_upload,
        name="work_file_upload",
    ),
    path(
        "my/<int:participant_pk>/task/<int:item_pk>/files/<int:pk>/",
        work.work_file_download,
        name="work_file_download",
    ),
    path(
        "my/<int:participant_pk>/task/<int:item_pk>/files/<int:pk>/delete/",
        work.work_file_delete,
        name="work_file_delete",
    ),
    # The colleague's personal link: no account, the token is the only key.
    path("feedback/thanks/", feedback.feedback_thanks, name="feedback_thanks"),
    path("feedback/<str:token>/", feedback.feedback_form, name="feedback_form"),
]

"""Routes of mentoring: the registry, matching, pairs, sessions and the effectiveness report."""

from django.urls import path

from development.mentoring.views import matching, pairs, registry, report, sessions

urlpatterns = [
    path("mentors/", registry.mentor_list, name="mentor_list"),
    path("mentors/new/", registry.mentor_create_view, name="mentor_create"),
    path("mentors/<int:pk>/", registry.mentor_detail, name="mentor_detail"),
    path("mentors/<int:pk>/edit/", registry.mentor_edit, name="mentor_edit"),
    path("mentoring/profile/", registry.mentor_profile, name="mentor_profile"),
    path("mentoring/match/", matching.match_list, name="match_list"),
    path("mentoring/match/<int:pk>/", matching.match_detail, name="match_detail"),
    path("mentoring/match/<int:pk>/propose/", matching.match_propose, name="match_propose"),
    path("mentoring/match/cohort/", matching.bulk_match, name="matching_bulk"),
    path("mentoring/pairs/", pairs.pair_list, name="pair_list"),
    path("mentoring/pairs/<int:pk>/", pairs.pair_detail, name="pair_detail"),
    path("mentoring/pairs/<int:pk>/confirm/", pairs.pair_confirm, name="pair_confirm"),
    path("mentoring/pairs/<int:pk>/end/", pairs.pair_end, name="pair_end"),
    path(
        "mentoring/pairs/<int:pk>/sessions/new/",
        sessions.session_create_view,
        name="session_create",
    ),
    path("mentoring/sessions/<int:pk>/edit/", sessions.session_edit, name="session_edit"),
    path(
        "mentoring/sessions/<int:pk>/answer/",
        sessions.session_answer_view,
        name="session_answer",
    ),
    path("mentoring/mentees/", sessions.my_mentees, name="mentor_mentees"),
    path("mentoring/my-mentor/", sessions.my_mentor, name="my_mentor"),
    path("mentoring/effectiveness/", report.effectiveness, name="mentor_effectiveness"),
    path(
        "mentoring/effectiveness.xlsx",
        report.effectiveness_export,
        name="mentor_effectiveness_export",
    ),
]

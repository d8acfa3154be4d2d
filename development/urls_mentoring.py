"""Routes of mentoring: the registry, matching, pairs, sessions and the effectiveness report."""

from django.urls import path

from development.views import mentor_report, mentoring, mentoring_pages, mentoring_pairs

urlpatterns = [
    path("mentors/", mentoring.mentor_list, name="mentor_list"),
    path("mentors/new/", mentoring.mentor_create_view, name="mentor_create"),
    path("mentors/<int:pk>/", mentoring.mentor_detail, name="mentor_detail"),
    path("mentors/<int:pk>/edit/", mentoring.mentor_edit, name="mentor_edit"),
    path("mentoring/profile/", mentoring.mentor_profile, name="mentor_profile"),
    path("mentoring/match/", mentoring.match_list, name="match_list"),
    path("mentoring/match/<int:pk>/", mentoring.match_detail, name="match_detail"),
    path("mentoring/match/<int:pk>/propose/", mentoring.match_propose, name="match_propose"),
    path("mentoring/match/cohort/", mentoring.bulk_match, name="matching_bulk"),
    path("mentoring/pairs/", mentoring_pairs.pair_list, name="pair_list"),
    path("mentoring/pairs/<int:pk>/", mentoring_pairs.pair_detail, name="pair_detail"),
    path("mentoring/pairs/<int:pk>/confirm/", mentoring_pairs.pair_confirm, name="pair_confirm"),
    path("mentoring/pairs/<int:pk>/end/", mentoring_pairs.pair_end, name="pair_end"),
    path(
        "mentoring/pairs/<int:pk>/sessions/new/",
        mentoring_pages.session_create_view,
        name="session_create",
    ),
    path("mentoring/sessions/<int:pk>/edit/", mentoring_pages.session_edit, name="session_edit"),
    path(
        "mentoring/sessions/<int:pk>/answer/",
        mentoring_pages.session_answer_view,
        name="session_answer",
    ),
    path("mentoring/mentees/", mentoring_pages.my_mentees, name="mentor_mentees"),
    path("mentoring/my-mentor/", mentoring_pages.my_mentor, name="my_mentor"),
    path("mentoring/effectiveness/", mentor_report.effectiveness, name="mentor_effectiveness"),
    path(
        "mentoring/effectiveness.xlsx",
        mentor_report.effectiveness_export,
        name="mentor_effectiveness_export",
    ),
]

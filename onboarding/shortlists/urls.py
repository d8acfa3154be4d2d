"""Routes of shortlists and offers."""

from django.urls import path

from onboarding.shortlists import views

urlpatterns = [
    path("vacancies/<int:pk>/shortlist/", views.shortlist_build_view, name="shortlist_build"),
    path(
        "vacancies/<int:pk>/shortlist/<int:entry_pk>/move/",
        views.shortlist_move_view,
        name="shortlist_move",
    ),
    path(
        "vacancies/<int:pk>/shortlist/<int:entry_pk>/offer/",
        views.offer_make_view,
        name="offer_make",
    ),
    path(
        "vacancies/<int:pk>/exclusion/<int:membership_pk>/",
        views.refusals_exclusion,
        name="refusals_exclusion",
    ),
    path("offers/<int:pk>/withdraw/", views.offer_withdraw_view, name="offer_withdraw"),
    path("my/", views.my_onboarding, name="my_onboarding"),
    path("my/offers/<int:pk>/", views.offer_answer_view, name="offer_answer"),
    path("my/relocation/", views.relocation_view, name="relocation"),
]

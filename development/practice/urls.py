"""Routes of the confirmation of practice and of the bank of good practice."""

from django.urls import path

from development.practice import views, views_bank

urlpatterns = [
    path("practice/", views.practice_requests, name="practice_requests"),
    path("practice/<int:item_pk>/", views.practice_review, name="practice_review"),
    path("practice/<int:item_pk>/confirm/", views.practice_confirm_view, name="practice_confirm"),
    path("practice/<int:item_pk>/return/", views.practice_return_view, name="practice_return"),
    path(
        "practice/<int:item_pk>/completion/",
        views.completion_confirm_view,
        name="completion_confirm",
    ),
    # The bank of good practice (everyone signed in reads it).
    path("practice-bank/", views_bank.practice_bank, name="practice_bank"),
    path("practice-bank/<int:pk>/", views_bank.practice_detail, name="practice_detail"),
    path(
        "practice-bank/<int:pk>/review/",
        views_bank.practice_review_bank,
        name="practice_bank_review",
    ),
    path(
        "practice-bank/<int:pk>/withdraw/", views_bank.practice_withdraw, name="practice_withdraw"
    ),
    path(
        "practice-bank/propose/<int:item_pk>/", views_bank.practice_propose, name="practice_propose"
    ),
]

"""Routes of the confirmation of practice and of the bank of good practice."""

from django.urls import path

from development.practice import views

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
]

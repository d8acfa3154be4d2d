"""Routes of vacancies, the forecast and the coverage."""

from django.urls import path

from onboarding.vacancies import views

urlpatterns = [
    path("vacancies/", views.vacancy_list, name="vacancy_list"),
    path("vacancies/new/", views.vacancy_create_view, name="vacancy_create"),
    path("vacancies/<int:pk>/", views.vacancy_detail, name="vacancy_detail"),
    path("vacancies/<int:pk>/close/", views.vacancy_close_view, name="vacancy_close"),
    path("forecast/", views.forecast_view, name="forecast"),
    path("forecast/<int:pk>/vacancy/", views.forecast_vacancy, name="forecast_vacancy"),
    path("coverage/", views.coverage_view, name="coverage"),
]

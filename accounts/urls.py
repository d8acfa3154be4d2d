from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", views.PortalLogoutView.as_view(), name="logout"),
    path("home/admin/", views.home_admin, name="home_admin"),
    path("home/ministry/", views.home_ministry, name="home_ministry"),
    path("home/municipal/", views.home_municipal, name="home_municipal"),
    path("home/expert/", views.home_expert, name="home_expert"),
    path("home/mentor/", views.home_mentor, name="home_mentor"),
    path("home/candidate/", views.home_candidate, name="home_candidate"),
]

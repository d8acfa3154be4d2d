from django.urls import path

from accounts import views, views_two_factor
from accounts.notifications import views as notification_views

app_name = "accounts"

urlpatterns = [
    path("notifications/", notification_views.notification_list, name="notifications"),
    path(
        "notifications/<int:pk>/open/",
        notification_views.notification_open,
        name="notification_open",
    ),
    path(
        "notifications/read/", notification_views.notifications_read_all, name="notifications_read"
    ),
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", views.PortalLogoutView.as_view(), name="logout"),
    path("two-factor/", views_two_factor.verify, name="two_factor"),
    path("two-factor/setup/", views_two_factor.setup, name="two_factor_setup"),
    path(
        "two-factor/backup-codes/",
        views_two_factor.backup_codes,
        name="two_factor_backup_codes",
    ),
    path("password/change/", views.PortalPasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        views.PortalPasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password/reset/", views.PortalPasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        views.PortalPasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PortalPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        views.PortalPasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

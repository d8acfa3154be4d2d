"""URL routes of the portal."""

from django.contrib import admin
from django.urls import include, path

from accounts import urls as accounts_urls
from reserve_portal import views

admin.site.site_header = "«Кадровый резерв» — администрирование"
admin.site.site_title = "Кадровый резерв"
admin.site.index_title = "Управление порталом"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "accounts/",
        include(([*accounts_urls.urlpatterns, *views.role_home_urlpatterns], "accounts")),
    ),
    path("registry/", include("registry.urls")),
    path("selection/", include("candidates.urls")),
    path("assessment/", include("assessment.urls")),
    path("development/", include("development.urls")),
    path("onboarding/", include("onboarding.urls")),
    path("regulation/", include("governance.urls")),
    path("roadmap/", include("governance.roadmap.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "reserve_portal.views.permission_denied"
handler404 = "reserve_portal.views.page_not_found"
handler500 = "reserve_portal.views.server_error"

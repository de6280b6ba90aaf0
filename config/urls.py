from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("apps.core.urls")),
    path("", include("apps.accounts.urls")),
    path("", include("apps.territory.urls")),
    path("", include("apps.catalog.urls")),
    path("", include("apps.editions.urls")),
    path("", include("apps.engagements.urls")),
    path("", include("apps.recruitment.urls")),
    path("", include("apps.documents.urls")),
    path("", include("apps.plans.urls")),
    path("", include("apps.messaging.urls")),
    path("", include("apps.advising.urls")),
    path("", include("apps.events.urls")),
    path("", include("apps.scheduling.urls")),
    path("", include("apps.branding.urls")),
    path("", include("apps.publications.urls")),
    path("", include("apps.api.urls")),
    path("", include("apps.statistics.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("apps.operations.urls")),
    path("", include("apps.openspace.urls")),
    path("", include("apps.monitoring.urls")),
    path("", include("apps.consents.urls")),
    path("", include("apps.privacy.urls")),
    path("", include("apps.programmes.urls")),
    path("", include("apps.feedback.urls")),
    path("", include("apps.surveys.urls")),
]

handler400 = "apps.core.views.bad_request"
handler403 = "apps.core.views.permission_denied"
handler404 = "apps.core.views.page_not_found"
handler500 = "apps.core.views.server_error"

"""``/api/v1/``: the endpoints every domain module registers on the router, the OpenAPI description and its
interactive documentation; ``/konto/tokeny-api/``: the person's own tokens."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import (  # noqa: F401 (register routes)
    catalog,
    editions,
    engagements,
    events,
    plans,
    publications,
    recruitment,
    statistics,
    territory,
    views,
)
from .registry import router

app_name = "api"

urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "api/v1/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
    re_path(r"^api/.*$", views.not_found, name="not_found"),
    path("konto/tokeny-api/", views.tokens, name="tokens"),
    path("konto/tokeny-api/<int:pk>/odwolaj/", views.revoke, name="revoke"),
]

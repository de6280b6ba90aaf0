"""The project's URLs plus two that fail on purpose, to see the Polish 403 and 500 pages in a browser."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as project_urls


def _boom(request):
    raise RuntimeError("deliberate failure for the 500 page test")


def _forbidden(request):
    raise PermissionDenied


urlpatterns = [*project_urls, path("test-500/", _boom), path("test-403/", _forbidden)]

import pytest
from django.http import HttpResponse
from django.urls import path, reverse

from apps.core.links import per_object_url


def _view(request, **kwargs):
    return HttpResponse()


# A urlconf of this module only: the helper is tested without any app's URLs.
urlpatterns = [
    path("karty/<int:pk>/", _view, name="detail"),
    path("edycje/<slug:slug>/karty/<int:engagement_pk>/hdr/", _view, name="nested"),
]


@pytest.mark.urls(__name__)
def test_per_object_url_matches_reverse_for_every_id():
    detail = per_object_url("detail")
    nested = per_object_url("nested", kwarg="engagement_pk", slug="2026")
    for pk in [1, 7, 42, 987654321]:
        assert detail(pk) == reverse("detail", kwargs={"pk": pk})
        assert nested(pk) == reverse("nested", kwargs={"slug": "2026", "engagement_pk": pk})

"""Polish error pages: CSRF failure, 400, 403, 404 and 500 (a view that raises is answered by the handler)."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, override_settings
from django.urls import path, reverse

from apps.core.testing import TEST_PASSWORD, make_user
from config import urls as project_urls

pytestmark = pytest.mark.django_db


def _boom(request):
    raise RuntimeError("Błąd w widoku (test)")


def _suspicious(request):
    raise SuspiciousOperation("test")


def _forbidden(request):
    raise PermissionDenied


# This module is the temporary URLconf: the project's URLs plus views that fail on purpose.
urlpatterns = [
    path("test/blad/", _boom),
    path("test/podejrzane/", _suspicious),
    path("test/zabronione/", _forbidden),
    *project_urls.urlpatterns,
]
handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500

THIS_URLCONF = __name__


def test_post_without_csrf_token_gets_the_polish_page():
    make_user(email="anna@example.org")
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "anna@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 403
    assert "403_csrf.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<h1>Formularz wygasł</h1>" in html
    assert '<html lang="pl">' in html
    assert not client.get(reverse("accounts:profile")).wsgi_request.user.is_authenticated


def test_post_with_csrf_token_passes():
    make_user(email="anna@example.org")
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse("accounts:login"),
        {"username": "anna@example.org", "password": TEST_PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


def test_unknown_url_gets_the_polish_404(client):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert "<h1>Nie znaleziono strony</h1>" in response.content.decode()


def test_404_for_a_signed_in_person_keeps_the_navigation(signed_in):
    response = signed_in(make_user()).get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert "Mój panel" in response.content.decode()


@override_settings(ROOT_URLCONF=THIS_URLCONF)
def test_view_that_raises_gets_the_polish_500_page(client):
    client.raise_request_exception = False
    response = client.get("/test/blad/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Przepraszamy, wystąpił błąd" in html
    assert '<html lang="pl">' in html
    assert "Błąd w widoku" not in html  # no details leak to the visitor
    assert "Traceback" not in html


@override_settings(ROOT_URLCONF=THIS_URLCONF)
def test_500_page_for_a_signed_in_person(signed_in):
    client = signed_in(make_user())
    client.raise_request_exception = False
    response = client.get("/test/blad/")
    assert response.status_code == 500
    assert "Przepraszamy, wystąpił błąd" in response.content.decode()


@override_settings(ROOT_URLCONF=THIS_URLCONF)
def test_suspicious_request_gets_the_polish_400_page(client):
    response = client.get("/test/podejrzane/")
    assert response.status_code == 400
    assert "<h1>Nieprawidłowe żądanie</h1>" in response.content.decode()


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_unknown_host_gets_the_polish_400_page(client):
    response = client.get("/", HTTP_HOST="zlosliwa.example")
    assert response.status_code == 400
    assert "<h1>Nieprawidłowe żądanie</h1>" in response.content.decode()


@override_settings(ROOT_URLCONF=THIS_URLCONF)
def test_permission_denied_gets_the_polish_403_page(client):
    response = client.get("/test/zabronione/")
    assert response.status_code == 403
    assert "<h1>Brak dostępu</h1>" in response.content.decode()


def test_error_handlers_are_ours():
    assert project_urls.handler404 == "apps.core.views.page_not_found"
    assert project_urls.handler500 == "apps.core.views.server_error"
    assert project_urls.handler400 == "apps.core.views.bad_request"
    assert project_urls.handler403 == "apps.core.views.permission_denied"

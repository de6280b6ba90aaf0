"""Polish first, English switchable; the page's language attribute follows the language in use."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_polish_is_the_default():
    assert settings.LANGUAGE_CODE == "pl"
    assert [code for code, _name in settings.LANGUAGES] == ["pl", "en"]
    assert settings.TIME_ZONE == "Europe/Warsaw"
    assert settings.USE_TZ is True


def test_a_first_visit_is_in_polish(client):
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="pl">' in html
    assert "Przejdź do treści" in html
    assert response["Content-Language"] == "pl"


def test_switching_to_english_sets_the_cookie_and_the_lang_attribute():
    client = Client()
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("core:privacy")})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:privacy")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get(reverse("core:privacy"))
    assert '<html lang="en">' in page.content.decode()
    assert page["Content-Language"] == "en"
    # ...and back to Polish.
    client.post(reverse("set_language"), {"language": "pl", "next": "/"})
    assert '<html lang="pl">' in client.get("/").content.decode()


def test_switching_language_ignores_an_unsafe_next():
    response = Client().post(reverse("set_language"), {"language": "en", "next": "https://zlosliwa.example/"})
    assert response.status_code == 302
    assert "zlosliwa" not in response["Location"]


def test_unknown_language_is_ignored():
    client = Client()
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert '<html lang="pl">' in client.get("/").content.decode()


def test_language_switch_works_without_javascript(client):
    html = client.get(reverse("core:home")).content.decode()
    assert f'action="{reverse("set_language")}" method="post"' in html
    assert 'name="language"' in html
    assert '<option value="en" lang="en">English</option>' in html

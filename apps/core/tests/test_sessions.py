"""Sessions end after idle time and when the browser closes; activity keeps them alive."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from apps.core.testing import TEST_PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_session_settings():
    assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def _sign_in(client):
    make_user(email="anna@example.org")
    response = client.post(reverse("accounts:login"), {"username": "anna@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 302
    return response


def test_session_cookie_ends_with_the_browser(client):
    response = _sign_in(client)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_idle_session_past_its_age_is_signed_out(client):
    _sign_in(client)
    assert client.get(reverse("accounts:profile")).status_code == 200
    session_key = client.session.session_key
    Session.objects.filter(session_key=session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_activity_renews_the_session(client):
    _sign_in(client)
    session_key = client.session.session_key
    Session.objects.filter(session_key=session_key).update(expire_date=timezone.now() + timedelta(minutes=1))
    assert client.get(reverse("accounts:profile")).status_code == 200
    expire_date = Session.objects.get(session_key=client.session.session_key).expire_date
    assert expire_date > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_signing_in_rotates_the_session_key(client):
    """A session key planted before login (session fixation) is not the one that ends up signed in."""
    anonymous = client.session
    anonymous["visited"] = True
    anonymous.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = anonymous.session_key
    _sign_in(client)
    signed_in_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert signed_in_key != anonymous.session_key
    assert not Session.objects.filter(session_key=anonymous.session_key).exists()

"""Sessions end after idle time and when the browser closes; activity keeps them alive without a write per page."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.accounts.factories import UserFactory
from apps.core.testing import TEST_PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_session_settings():
    assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_SAVE_EVERY_REQUEST is False  # renewed by RenewSessionMiddleware instead
    assert 0 < settings.SESSION_RENEW_AFTER <= 10 * 60
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
    session = client.session
    session["_renewed_at"] = int(time.time()) - settings.SESSION_RENEW_AFTER - 1
    session.save()
    session_key = session.session_key
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


def test_a_page_view_writes_nothing_to_the_database(client):
    """A write per page view (the session) queued every reader behind the writers on SQLite ("database is
    locked"); a recently renewed session is left alone."""
    _sign_in(client)
    assert client.get(reverse("accounts:profile")).status_code == 200
    expire_date = Session.objects.get().expire_date
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("accounts:profile")).status_code == 200
        assert client.get(reverse("core:dashboard")).status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE", "REPLACE"}]
    assert writes == []
    assert Session.objects.get().expire_date == expire_date


def test_signed_in_pages_are_not_stored_by_the_browser(client):
    """A shared office computer keeps no JST's pages: signed-in responses say no-store, public ones do not."""
    assert "no-store" not in client.get(reverse("core:home")).get("Cache-Control", "")
    _sign_in(client)
    for name in ("core:home", "core:dashboard", "accounts:profile"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_an_explicit_cache_header_is_kept():
    """A response that set its own Cache-Control (a download, a cached public file) keeps it."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from apps.accounts.middleware import NoStoreForSignedInMiddleware

    request = RequestFactory().get("/")
    request.user = UserFactory()
    response = NoStoreForSignedInMiddleware(lambda r: HttpResponse(headers={"Cache-Control": "max-age=60"}))(request)
    assert response["Cache-Control"] == "max-age=60"

import smtplib

import pytest

from apps.core.testing import sign_in


@pytest.fixture(autouse=True)
def _no_real_mail(monkeypatch):
    """A test that tries to talk to a real mail server fails instead of sending anything."""

    def refuse(*args, **kwargs):
        raise AssertionError("A test tried to send real e-mail over SMTP; use the locmem backend (mailoutbox).")

    monkeypatch.setattr(smtplib.SMTP, "connect", refuse)
    monkeypatch.setattr(smtplib.SMTP_SSL, "connect", refuse)


@pytest.fixture
def signed_in(client):
    def _sign_in(user, *, verified: bool = True):
        sign_in(client, user, verified=verified)
        return client

    return _sign_in

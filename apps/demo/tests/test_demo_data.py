"""Demo data: loading is idempotent, every demo login is printed, and a 2FA demo account can finish TOTP."""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp

from apps.demo import accounts as demo

pytestmark = pytest.mark.django_db


def _counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"accounts", "otp_totp", "audit"}
    }


def _run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def test_seed_demo_twice_changes_nothing():
    assert "Dane demonstracyjne są gotowe." in _run("seed_demo")
    first = _counts()
    assert first["accounts.User"] == len(demo.ACCOUNTS)
    assert first["accounts.Organisation"] == 2
    _run("seed_demo")
    assert _counts() == first


def test_demo_accounts_prints_every_account_and_the_password():
    _run("seed_demo")
    out = _run("demo_accounts")
    assert demo.DEMO_PASSWORD in out
    for email, *_rest in demo.ACCOUNTS:
        assert email in out
    assert demo.DEMO_TOTP_BASE32 in out
    assert re.search(r"bieżący kod: \d{6}", out)
    assert re.fullmatch(r"\d{6}\n", _run("demo_accounts", "--codes"))


def _printed_key(out):
    match = re.search(r"klucz:\n\s+([A-Z2-7]+)\n", out)
    assert match, out
    return match.group(1)


@pytest.mark.parametrize("email", ["organizator@demo.example", "koordynator@demo.example", "admin@demo.example"])
def test_demo_two_factor_account_completes_verification_with_the_printed_key(email):
    import base64

    _run("seed_demo")
    key = base64.b32decode(_printed_key(_run("demo_accounts")))
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": email, "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302
    held = client.get(reverse("core:dashboard"))
    assert held["Location"].startswith(reverse("accounts:two_factor_verify"))
    response = client.post(reverse("accounts:two_factor_verify"), {"token": f"{totp(key):06d}"})
    assert response.status_code == 302
    assert client.get(reverse("core:dashboard")).status_code == 200


@pytest.mark.parametrize("email", ["trener@demo.example", "wnioskodawca@demo.example"])
def test_demo_accounts_without_two_factor_sign_in_directly(email):
    _run("seed_demo")
    client = Client()
    client.post(reverse("accounts:login"), {"username": email, "password": demo.DEMO_PASSWORD})
    assert client.get(reverse("core:dashboard")).status_code == 200

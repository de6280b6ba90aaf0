"""TOTP two-factor authentication: who must use it, set-up, verification, throttling, and the Django admin."""

import base64
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.factories import (
    TEST_PASSWORD,
    AdminFactory,
    MembershipFactory,
    TOTPDeviceFactory,
    UserFactory,
)
from apps.accounts.models import Membership

pytestmark = pytest.mark.django_db

SETUP_URL = reverse("accounts:two_factor_setup")
VERIFY_URL = reverse("accounts:two_factor_verify")
WRONG_CODE = "Nieprawidłowy kod"
THROTTLED = "Zbyt wiele nieudanych prób"


def code(device, *, step: int = 0) -> str:
    """The code an authenticator app shows now (``step`` 1 is the next 30-second window)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=step):06d}"


def _password_login(client, user):
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def _location(response):
    parts = urlsplit(response["Location"])
    return parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}


def _member(role):
    return MembershipFactory(role=role).user


TWO_FACTOR_ROLES = {
    "organiser staff": lambda: _member(Membership.Role.STAFF),
    "coordinator": lambda: _member(Membership.Role.COORDINATOR),
    "advisor": lambda: _member(Membership.Role.ADVISOR),
    "platform admin": AdminFactory,
}


@pytest.mark.parametrize("role", sorted(TWO_FACTOR_ROLES))
def test_role_without_device_is_sent_to_setup_before_any_page(client, role):
    user = TWO_FACTOR_ROLES[role]()
    _password_login(client, user)
    for page in [reverse("core:dashboard"), reverse("accounts:profile"), reverse("core:home")]:
        path, query = _location(client.get(page))
        assert path == SETUP_URL, (role, page)
        assert query["next"] == page


@pytest.mark.parametrize("role", sorted(TWO_FACTOR_ROLES))
def test_role_with_confirmed_device_is_sent_to_verify(client, role):
    user = TWO_FACTOR_ROLES[role]()
    TOTPDeviceFactory(user=user)
    _password_login(client, user)
    path, query = _location(client.get(reverse("accounts:profile")))
    assert path == VERIFY_URL
    assert query["next"] == reverse("accounts:profile")


def test_login_redirect_is_held_at_the_second_factor(client):
    user = _member(Membership.Role.STAFF)
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": TEST_PASSWORD, "next": "/organizatorzy/"}
    )
    assert response["Location"] == "/organizatorzy/"
    path, query = _location(client.get("/organizatorzy/"))
    assert (path, query["next"]) == (SETUP_URL, "/organizatorzy/")


def test_pages_that_stay_open_before_the_second_factor(client):
    user = _member(Membership.Role.ADVISOR)
    _password_login(client, user)
    for page in [reverse("core:accessibility"), reverse("core:privacy"), SETUP_URL]:
        assert client.get(page).status_code == 200, page
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert not client.get(reverse("core:home")).wsgi_request.user.is_authenticated


@pytest.mark.parametrize("role", [Membership.Role.TRAINER, None])
def test_trainer_and_applicant_are_not_forced_to_two_factor(client, role):
    user = _member(role) if role else UserFactory()
    _password_login(client, user)
    assert client.get(reverse("core:dashboard")).status_code == 200
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_setup_page_shows_qr_code_and_manual_key(client):
    user = _member(Membership.Role.STAFF)
    _password_login(client, user)
    response = client.get(SETUP_URL)
    assert response.status_code == 200
    html = response.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert 'src="data:image/svg+xml' in html
    expected_key = base64.b32encode(device.bin_key).decode().rstrip("=")
    shown_key = "".join(response.context["secret_groups"])
    assert shown_key == expected_key
    assert " ".join(response.context["secret_groups"]) in html
    # Reloading the page keeps the same secret (the app was perhaps already scanned).
    assert "".join(client.get(SETUP_URL).context["secret_groups"]) == expected_key
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_correct_code_confirms_device_and_redirects_to_safe_next(client):
    user = _member(Membership.Role.STAFF)
    _password_login(client, user)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(SETUP_URL, {"token": code(device), "next": reverse("accounts:profile")})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    device.refresh_from_db()
    assert device.confirmed
    page = client.get(reverse("accounts:profile"))
    assert page.status_code == 200
    assert "Weryfikacja dwuetapowa jest włączona." in page.content.decode()
    assert "włączona" in page.content.decode()


def test_setup_ignores_unsafe_next(client):
    user = _member(Membership.Role.STAFF)
    _password_login(client, user)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(SETUP_URL, {"token": code(device), "next": "https://zlosliwa.example/"})
    assert response["Location"] == reverse("core:dashboard")


def test_setup_accepts_a_code_typed_with_a_space(client):
    """Authenticator apps show codes as "123 456"; people type them that way."""
    user = _member(Membership.Role.STAFF)
    _password_login(client, user)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=user)
    typed = code(device)
    response = client.post(SETUP_URL, {"token": f" {typed[:3]} {typed[3:]} "})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed


def test_setup_wrong_code_shows_polish_error_next_to_field(client):
    user = _member(Membership.Role.STAFF)
    _password_login(client, user)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=user)
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    response = client.post(SETUP_URL, {"token": wrong})
    assert response.status_code == 200
    assert WRONG_CODE in " ".join(response.context["form"].errors["token"])
    assert 'id="id_token_error"' in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    # Still held at the second factor.
    assert _location(client.get(reverse("core:dashboard")))[0] == SETUP_URL


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abcdef", "Kod składa się wyłącznie z cyfr."),
        ("12a456", "Kod składa się wyłącznie z cyfr."),
        ("12345", "sześć cyfr"),
        ("1234567", "sześć cyfr"),
        ("", "To pole jest wymagane."),
    ],
)
def test_setup_bad_input_gets_a_message(client, typed, message):
    user = _member(Membership.Role.STAFF)
    _password_login(client, user)
    response = client.post(SETUP_URL, {"token": typed})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["token"])
    assert f'value="{typed}"' in response.content.decode() or not typed


def test_setup_with_confirmed_device_asks_for_verification_instead(client):
    user = _member(Membership.Role.STAFF)
    TOTPDeviceFactory(user=user)
    _password_login(client, user)
    response = client.get(SETUP_URL, {"next": "/organizatorzy/?strona=2&sort=nazwa"})
    path, query = _location(response)
    assert path == VERIFY_URL
    assert query["next"] == "/organizatorzy/?strona=2&sort=nazwa"


def test_verify_with_correct_code_logs_otp_in_and_follows_next(client):
    user = _member(Membership.Role.COORDINATOR)
    device = TOTPDeviceFactory(user=user)
    _password_login(client, user)
    response = client.post(VERIFY_URL, {"token": code(device), "next": "/organizatorzy/"})
    assert response.status_code == 302
    assert response["Location"] == "/organizatorzy/"
    assert client.get("/organizatorzy/").status_code == 200


def test_verify_ignores_unsafe_next(client):
    user = _member(Membership.Role.COORDINATOR)
    device = TOTPDeviceFactory(user=user)
    _password_login(client, user)
    response = client.post(VERIFY_URL, {"token": code(device), "next": "//zlosliwa.example/"})
    assert response["Location"] == reverse("core:dashboard")


def test_verify_code_cannot_be_replayed(client):
    user = _member(Membership.Role.ADVISOR)
    device = TOTPDeviceFactory(user=user)
    _password_login(client, user)
    used = code(device)
    assert client.post(VERIFY_URL, {"token": used}).status_code == 302
    client.post(reverse("accounts:logout"))
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    _password_login(client, user)
    response = client.post(VERIFY_URL, {"token": used})
    assert response.status_code == 200
    assert WRONG_CODE in response.content.decode()


def test_verify_wrong_code_shows_polish_error(client):
    user = _member(Membership.Role.ADVISOR)
    device = TOTPDeviceFactory(user=user)
    _password_login(client, user)
    wrong = f"{(int(code(device)) + 500_000) % 1_000_000:06d}"
    response = client.post(VERIFY_URL, {"token": wrong, "next": "/konto/"})
    assert response.status_code == 200
    assert WRONG_CODE in " ".join(response.context["form"].errors["token"])
    assert 'value="/konto/"' in response.content.decode()
    assert _location(client.get(reverse("core:dashboard")))[0] == VERIFY_URL


def test_verify_non_digits_get_a_message(client):
    user = _member(Membership.Role.ADVISOR)
    TOTPDeviceFactory(user=user)
    _password_login(client, user)
    response = client.post(VERIFY_URL, {"token": "kod123"})
    assert response.status_code == 200
    assert "Kod składa się wyłącznie z cyfr." in response.content.decode()


def test_verify_is_throttled_after_repeated_wrong_codes(client):
    user = _member(Membership.Role.ADVISOR)
    device = TOTPDeviceFactory(user=user)
    _password_login(client, user)
    wrong = f"{(int(code(device)) + 500_000) % 1_000_000:06d}"
    for _attempt in range(5):
        response = client.post(VERIFY_URL, {"token": wrong})
        assert response.status_code == 200
    assert THROTTLED in response.content.decode()
    # While throttled even the right code is refused, with the throttling message.
    response = client.post(VERIFY_URL, {"token": code(device)})
    assert response.status_code == 200
    assert THROTTLED in response.content.decode()
    assert _location(client.get(reverse("core:dashboard")))[0] == VERIFY_URL
    # Once the waiting time has passed, the right code works again.
    device.refresh_from_db()
    assert device.throttling_failure_count >= 1
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=timezone.now() - timedelta(hours=1))
    response = client.post(VERIFY_URL, {"token": code(device)})
    assert response.status_code == 302


def test_setup_is_throttled_too(client):
    user = _member(Membership.Role.STAFF)
    _password_login(client, user)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=user)
    wrong = f"{(int(code(device)) + 500_000) % 1_000_000:06d}"
    client.post(SETUP_URL, {"token": wrong})
    response = client.post(SETUP_URL, {"token": code(device)})
    assert response.status_code == 200
    assert THROTTLED in response.content.decode()


def test_two_factor_not_required_user_may_still_set_it_up(client):
    user = UserFactory()
    _password_login(client, user)
    assert client.get(SETUP_URL).status_code == 200
    # Without a device, the verify page sends to set-up.
    assert _location(client.get(VERIFY_URL))[0] == SETUP_URL


# Django admin --------------------------------------------------------------------------------------------------


def test_admin_requires_a_verified_platform_admin(client):
    admin = AdminFactory()
    device = TOTPDeviceFactory(user=admin)
    _password_login(client, admin)
    path, query = _location(client.get("/admin/"))
    assert (path, query["next"]) == (VERIFY_URL, "/admin/")
    response = client.post(VERIFY_URL, {"token": code(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: _member(Membership.Role.STAFF),
        lambda: _member(Membership.Role.COORDINATOR),
        lambda: UserFactory(is_staff=True),  # staff flag alone is not a platform administrator
        UserFactory,
    ],
)
def test_admin_is_closed_to_everybody_else(signed_in, make_user):
    client = signed_in(make_user())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 302


def test_admin_login_form_does_not_skip_the_second_factor(client):
    admin = AdminFactory(email="szef@example.org")
    TOTPDeviceFactory(user=admin)
    response = client.post("/admin/login/", {"username": "szef@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 302
    path, _query = _location(client.get("/admin/"))
    assert path == VERIFY_URL

"""Backup codes, the person's sessions, lost-device recovery, security notices and the common-passwords list."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts import services
from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import BackupCode, Membership, TwoFactorRecovery, UserSession
from apps.core.testing import TEST_PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def _login(client: Client, user) -> None:
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_backup_codes_are_stored_hashed_and_work_once_each(mailoutbox):
    user = UserFactory()
    codes = services.generate_backup_codes(user=user)
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = list(BackupCode.objects.filter(user=user).values_list("code_hash", flat=True))
    assert not any(code.replace("-", "") in h for code in codes for h in stored)
    assert services.use_backup_code(user=user, code=codes[0]) is True
    assert services.use_backup_code(user=user, code=codes[0]) is False  # used
    assert services.use_backup_code(user=user, code=codes[1].upper().replace("-", " ")) is True
    new = services.generate_backup_codes(user=user)
    assert services.use_backup_code(user=user, code=codes[2]) is False  # the old set is void
    assert services.use_backup_code(user=user, code=new[0]) is True
    assert any("kody zapasowe" in m.body for m in mailoutbox)


def test_a_backup_code_passes_the_second_factor_once():
    staff = MembershipFactory(role=Membership.Role.STAFF).user
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    codes = services.generate_backup_codes(user=staff)
    client = Client()
    _login(client, staff)
    assert client.get(reverse("core:dashboard")).status_code == 302  # held at verification
    response = client.post(reverse("accounts:two_factor_backup"), {"code": codes[0]})
    assert response.status_code == 302
    assert client.get(reverse("core:dashboard")).status_code == 200
    other = Client()
    _login(other, staff)
    response = other.post(reverse("accounts:two_factor_backup"), {"code": codes[0]})
    assert response.status_code == 200 and "został już użyty" in response.content.decode()
    assert other.get(reverse("core:dashboard")).status_code == 302


def test_ending_the_other_sessions_logs_that_browser_out_at_once():
    user = UserFactory()
    laptop, phone = Client(), Client()
    _login(laptop, user)
    _login(phone, user)
    assert UserSession.objects.filter(user=user).count() == 2
    assert phone.get(reverse("accounts:profile")).status_code == 200
    page = laptop.get(reverse("accounts:sessions"))
    assert page.status_code == 200
    laptop.post(reverse("accounts:sessions"))
    assert phone.get(reverse("accounts:profile")).status_code == 302  # signed out: sent to log in
    assert laptop.get(reverse("accounts:profile")).status_code == 200
    assert UserSession.objects.filter(user=user).count() == 1


def test_logging_out_forgets_the_session():
    user = UserFactory()
    client = Client()
    _login(client, user)
    client.post(reverse("accounts:logout"))
    assert not UserSession.objects.filter(user=user).exists()


def test_a_lost_device_is_reset_when_the_organisers_admin_confirms(mailoutbox):
    organisation_staff = MembershipFactory(role=Membership.Role.STAFF)
    advisor = MembershipFactory(organisation=organisation_staff.organisation, role=Membership.Role.ADVISOR).user
    TOTPDevice.objects.create(user=advisor, name="phone", confirmed=True)
    recovery = services.request_two_factor_recovery(user=advisor, reason="Zgubiłam telefon")
    assert [m.to for m in mailoutbox if "utratę urządzenia" in m.body] == [[organisation_staff.user.email]]
    outsider = MembershipFactory(role=Membership.Role.STAFF).user
    client = Client()
    sign_in(client, outsider)
    url = reverse("accounts:two_factor_recovery_confirm", args=[recovery.pk])
    assert client.post(url).status_code == 404
    sign_in(client, organisation_staff.user)
    assert client.post(url).status_code == 302
    assert not TOTPDevice.objects.filter(user=advisor).exists()
    assert TwoFactorRecovery.objects.get(pk=recovery.pk).confirmed_by == organisation_staff.user


def test_changing_the_password_or_the_address_sends_a_notice(mailoutbox):
    user = UserFactory(email="stary@example.org")
    mailoutbox.clear()
    user.set_password("Nowe-dlugie-haslo-2026")
    user.save()
    assert [m.to for m in mailoutbox] == [["stary@example.org"]]
    mailoutbox.clear()
    user.email = "nowy@example.org"
    user.save()
    assert sorted(m.to[0] for m in mailoutbox) == ["nowy@example.org", "stary@example.org"]


@pytest.mark.parametrize("password", ["Haslo123", "polska2024", "zaq12wsx", "Password1"])
def test_common_passwords_from_the_shipped_list_are_refused_in_polish(password):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert any("powszechne" in message or "zbyt krótkie" in message for message in error.value.messages)


def test_a_good_password_passes():
    validate_password("Zielony-rower-nad-Wisłą")

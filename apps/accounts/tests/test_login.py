"""Signing in with an e-mail address and a password, and throttling of password guessing (django-axes)."""

import pytest
from django.urls import reverse

from apps.accounts.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("accounts:login")
WRONG_LOGIN = "Nieprawidłowy adres e-mail lub hasło"
LOCKED_OUT = "Logowanie czasowo zablokowane"


def _post_login(client, email, password, **extra):
    return client.post(LOGIN_URL, {"username": email, "password": password, **extra})


def _signed_in_as(client):
    return client.get(reverse("accounts:profile")).context["user"]


def test_login_page_is_polish():
    from django.test import Client

    response = Client().get(LOGIN_URL)
    assert response.status_code == 200
    assert "<h1>Logowanie</h1>" in response.content.decode()
    assert 'name="username"' in response.content.decode()


def test_login_by_email_ignores_letter_case(client):
    user = UserFactory(email="anna.nowak@example.org")
    response = _post_login(client, "Anna.Nowak@EXAMPLE.org", TEST_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")
    assert _signed_in_as(client) == user


def test_wrong_password_shows_polish_error_and_keeps_email(client):
    UserFactory(email="anna.nowak@example.org")
    response = _post_login(client, "anna.nowak@example.org", "zle-haslo-123")
    assert response.status_code == 200
    html = response.content.decode()
    assert WRONG_LOGIN in html
    assert 'value="anna.nowak@example.org"' in html
    assert not response.wsgi_request.user.is_authenticated


def test_unknown_email_gets_the_same_message_as_wrong_password(client):
    response = _post_login(client, "nikt@example.org", TEST_PASSWORD)
    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()


def test_empty_and_malformed_input_gets_field_messages(client):
    response = _post_login(client, "to-nie-email", "")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wprowadź poprawny adres email." in html
    assert "To pole jest wymagane." in html
    assert 'value="to-nie-email"' in html


def test_inactive_account_cannot_sign_in(client):
    UserFactory(email="byly@example.org", is_active=False)
    response = _post_login(client, "byly@example.org", TEST_PASSWORD)
    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()
    assert not client.get(reverse("accounts:profile")).wsgi_request.user.is_authenticated


@pytest.mark.parametrize("target", ["/organizatorzy/", "/konto/?tab=1"])
def test_redirect_after_login_to_a_safe_next(client, target):
    UserFactory(email="anna@example.org")
    response = _post_login(client, "anna@example.org", TEST_PASSWORD, next=target)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    "target", ["https://zlosliwa.example/", "//zlosliwa.example/konto/", "http://testserver.zlosliwa.example/"]
)
def test_unsafe_next_is_ignored(client, target):
    UserFactory(email="anna@example.org")
    response = _post_login(client, "anna@example.org", TEST_PASSWORD, next=target)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")


def test_login_page_carries_next_only_when_safe(client):
    assert 'value="/konto/"' in client.get(LOGIN_URL, {"next": "/konto/"}).content.decode()
    html = client.get(LOGIN_URL, {"next": "https://zlosliwa.example/"}).content.decode()
    assert '<input type="hidden" name="next" value="">' in html


def test_protected_page_sends_anonymous_to_login_with_next(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/konto/"


def test_logout_ends_the_session(client):
    UserFactory(email="anna@example.org")
    _post_login(client, "anna@example.org", TEST_PASSWORD)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 302


# Throttling -------------------------------------------------------------------------------------------------


def test_sixth_attempt_is_locked_out_even_with_the_right_password(client):
    UserFactory(email="anna@example.org")
    for attempt in range(4):
        response = _post_login(client, "anna@example.org", f"zle-haslo-{attempt}")
        assert response.status_code == 200, attempt
        assert WRONG_LOGIN in response.content.decode()
    _post_login(client, "anna@example.org", "zle-haslo-5")  # the fifth failure reaches the limit
    response = _post_login(client, "anna@example.org", TEST_PASSWORD)
    assert response.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert LOCKED_OUT in html
    assert reverse("accounts:password_reset") in html
    assert not client.get(reverse("accounts:profile")).wsgi_request.user.is_authenticated


def test_lock_out_cannot_be_dodged_by_changing_letter_case(client):
    """The e-mail is case-insensitive at login, so it must be for counting failures too."""
    UserFactory(email="anna@example.org")
    for spelling in [
        "anna@example.org",
        "Anna@example.org",
        "ANNA@example.org",
        "anna@Example.org",
        "aNNa@example.org",
    ]:
        _post_login(client, spelling, "zle-haslo")
    response = _post_login(client, "AnNa@example.org", TEST_PASSWORD)
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()


def test_lock_out_is_per_account(client):
    UserFactory(email="anna@example.org")
    UserFactory(email="jan@example.org")
    for attempt in range(5):
        _post_login(client, "anna@example.org", f"zle-haslo-{attempt}")
    response = _post_login(client, "jan@example.org", TEST_PASSWORD)
    assert response.status_code == 302


def test_lock_out_is_per_address(client):
    from django.test import Client

    UserFactory(email="anna@example.org")
    for attempt in range(5):
        _post_login(client, "anna@example.org", f"zle-haslo-{attempt}", REMOTE_ADDR="203.0.113.7")
    other_place = Client(REMOTE_ADDR="198.51.100.20")
    assert _post_login(other_place, "anna@example.org", TEST_PASSWORD).status_code == 302


def test_success_before_the_limit_resets_the_counter(client):
    UserFactory(email="anna@example.org")
    for attempt in range(4):
        _post_login(client, "anna@example.org", f"zle-haslo-{attempt}")
    assert _post_login(client, "anna@example.org", TEST_PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for attempt in range(4):
        response = _post_login(client, "anna@example.org", f"zle-haslo-{attempt}")
        assert response.status_code == 200
    assert _post_login(client, "anna@example.org", TEST_PASSWORD).status_code == 302

"""Password reset by e-mail (without revealing which addresses have accounts) and password change."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from apps.accounts.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

RESET_URL = reverse("accounts:password_reset")
CHECK_INBOX = "Sprawdź skrzynkę e-mail"
NEW_PASSWORD = "Niebieski-Rower-Gorski-4"


def _reset_link(message) -> str:
    match = re.search(r"https?://\S+(/konto/haslo/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.mark.parametrize("email", ["ktos@example.org", "nieaktywna@example.org"])
def test_reset_form_looks_the_same_for_unknown_addresses(client, mailoutbox, email):
    UserFactory(email="nieaktywna@example.org", is_active=False)
    response = client.post(RESET_URL, {"email": email}, follow=True)
    assert response.redirect_chain == [(reverse("accounts:password_reset_done"), 302)]
    assert CHECK_INBOX in response.content.decode()
    assert mailoutbox == []


def test_real_account_gets_a_link_that_sets_a_new_password(client, mailoutbox):
    user = UserFactory(email="anna@example.org")
    response = client.post(RESET_URL, {"email": "Anna@Example.org"}, follow=True)
    assert response.redirect_chain == [(reverse("accounts:password_reset_done"), 302)]
    assert CHECK_INBOX in response.content.decode()

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["anna@example.org"]
    assert message.subject == "Ustawienie nowego hasła: Doradztwo dla JST"
    link = _reset_link(message)

    visitor = Client()
    form_page = visitor.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    set_password_url = form_page.redirect_chain[-1][0]
    response = visitor.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    # The old password no longer signs in; the new one does.
    login = reverse("accounts:login")
    assert visitor.post(login, {"username": "anna@example.org", "password": TEST_PASSWORD}).status_code == 200
    assert visitor.post(login, {"username": "anna@example.org", "password": NEW_PASSWORD}).status_code == 302

    # The used link is invalid now and says so in Polish.
    again = Client().get(link, follow=True)
    assert again.status_code == 200
    assert again.context["validlink"] is False
    assert "Ten link do ustawienia hasła jest nieważny" in again.content.decode()


def test_reset_link_uses_the_site_address_not_the_request_host(client, mailoutbox):
    """A forged Host header must not put an attacker's domain into the reset e-mail."""
    UserFactory(email="anna@example.org")
    client.post(RESET_URL, {"email": "anna@example.org"}, HTTP_HOST="zlosliwa.example")
    assert len(mailoutbox) == 1
    assert "zlosliwa" not in mailoutbox[0].body
    assert f"{settings.SITE_URL}/konto/haslo/reset/" in mailoutbox[0].body


def test_reset_new_password_bad_input_gets_messages(client, mailoutbox):
    UserFactory(email="anna@example.org", full_name="Anna Nowak")
    client.post(RESET_URL, {"email": "anna@example.org"})
    form_page = client.get(_reset_link(mailoutbox[0]), follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(set_password_url, {"new_password1": "krotkie", "new_password2": "krotkie"})
    assert response.status_code == 200
    assert "To hasło jest za krótkie." in " ".join(response.context["form"].errors["new_password2"])
    response = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"})
    assert "Hasła w obu polach nie są zgodne." in " ".join(response.context["form"].errors["new_password2"])


def test_reset_form_bad_email_gets_message(client, mailoutbox):
    response = client.post(RESET_URL, {"email": "nie-email"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["Wprowadź poprawny adres email."]
    assert 'value="nie-email"' in response.content.decode()
    assert mailoutbox == []


def test_forged_reset_link_is_invalid(client):
    response = client.get(
        reverse("accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "abc-def"}), follow=True
    )
    assert response.status_code == 200
    assert "Ten link do ustawienia hasła jest nieważny" in response.content.decode()


def test_password_change_for_signed_in_user(signed_in):
    user = UserFactory(email="anna@example.org")
    client = signed_in(user)
    url = reverse("accounts:password_change")
    assert client.get(url).status_code == 200

    response = client.post(url, {"old_password": "zle", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    assert "Podane stare hasło jest niepoprawne" in response.context["form"].errors["old_password"][0]

    response = client.post(
        url, {"old_password": TEST_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_change_done")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # The session stays signed in after the change.
    assert client.get(reverse("accounts:password_change_done")).status_code == 200


def test_password_change_needs_sign_in(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_reset_proves_an_unconfirmed_address_and_replaces_a_squatters_password(client, mailoutbox):
    """Someone signed up with Anna's address and never confirmed it: Anna resets the password from her mailbox,
    which proves the address; the squatter's password no longer works."""
    user = UserFactory(email="anna@example.org", email_confirmed_at=None)
    client.post(RESET_URL, {"email": "anna@example.org"})
    form_page = client.get(_reset_link(mailoutbox[0]), follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    user.refresh_from_db()
    assert user.has_confirmed_email
    assert not user.check_password(TEST_PASSWORD)

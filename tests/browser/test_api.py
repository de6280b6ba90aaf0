"""The API in a browser: a person makes a personal token on the account page (shown once) and revokes it; the
interactive documentation (Swagger UI from the drf-spectacular sidecar, no CDN) loads under the CSP."""

import pytest
from playwright.sync_api import expect

from apps.accounts.factories import UserFactory
from apps.api.models import ApiToken

from .steps import submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(ui, user):
    from django.conf import settings
    from django.test import Client

    from apps.core.testing import sign_in

    client = Client()
    sign_in(client, user)
    ui.page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": ui.base_url,
            }
        ]
    )


def test_a_person_creates_a_token_sees_it_once_and_revokes_it(ui):
    user = UserFactory()
    _signed_in(ui, user)
    ui.visit("/konto/")
    ui.get_by_role("link", name="Tokeny API (dostęp innych systemów do danych)").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text("Tokeny API")
    ui.check_accessibility()
    ui.get_by_label("Nazwa").fill("Strona WWW")
    submit(ui, "Utwórz token")
    secret = ui.get_by_label("Token", exact=True).input_value()
    assert secret.startswith("jst_")
    ui.check_accessibility()
    ui.visit("/konto/tokeny-api/")
    assert secret not in ui.page.content()
    submit(ui, "Odwołaj token Strona WWW")
    expect(ui.page.get_by_text("Token odwołany")).to_be_visible()
    assert ApiToken.objects.get(user=user).revoked_at is not None


def test_the_interactive_documentation_loads_under_the_csp(ui):
    console = []
    ui.page.on("console", lambda message: console.append(message.text))
    ui.page.goto(ui.base_url + "/api/v1/docs/")
    expect(ui.page.get_by_text("/api/v1/teryt/", exact=True).first).to_be_visible()
    refused = [text for text in console if "Content Security Policy" in text or "Refused" in text]
    assert not refused, refused

"""The foundation as people use it: public pages, login with TOTP, invitations, password reset, error pages."""

import re

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.accounts.services import invite
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def current_code(user) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return f"{totp(device.bin_key):06d}"


def test_public_pages_are_polish_and_accessible(ui):
    ui.visit("/")
    expect(ui.page).to_have_title(re.compile("Doradztwo dla JST"))
    assert ui.page.locator("html").get_attribute("lang") == "pl"
    expect(ui.page.locator("h1")).to_have_count(1)
    ui.get_by_role("link", name="Deklaracja dostępności").click()
    expect(ui.page.locator("h1")).to_have_text("Deklaracja dostępności")
    ui.get_by_role("link", name="Informacja o przetwarzaniu danych osobowych").click()
    expect(ui.page.locator("h1")).to_have_text("Informacja o przetwarzaniu danych osobowych")
    response = ui.visit("/nie-ma-takiej-strony/")
    assert response.status == 404
    expect(ui.page.locator("h1")).to_have_text("Nie znaleziono strony")


def test_skip_link_and_keyboard_focus(ui):
    ui.visit("/")
    ui.page.keyboard.press("Tab")
    focused = ui.page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Przejdź do treści"
    ui.page.keyboard.press("Enter")
    assert ui.page.evaluate("() => location.hash") == "#main"


def test_language_switch_to_english(ui):
    ui.visit("/")
    ui.get_by_label("Język").select_option("en")
    ui.get_by_role("button", name="Zmień").click()
    ui.page.wait_for_load_state("load")
    assert ui.page.locator("html").get_attribute("lang") == "en"


def test_wrong_password_then_login_without_2fa(ui):
    user = UserFactory(email="wnioskodawca@example.org", full_name="Wanda Testowa")
    browser_login(ui, user.email, "zle-haslo-123")
    expect(ui.page.get_by_role("alert")).to_contain_text("Nieprawidłowy adres e-mail lub hasło")
    assert ui.get_by_label("Adres e-mail").input_value() == user.email
    ui.get_by_label("Hasło").fill(TEST_PASSWORD)
    ui.get_by_role("button", name="Zaloguj się").last.click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text("Mój panel")


def test_organiser_sets_up_totp_on_first_login(ui):
    membership = MembershipFactory(role=Membership.Role.STAFF, user__email="org@example.org")
    user = membership.user
    browser_login(ui, user.email, TEST_PASSWORD)
    expect(ui.page.locator("h1")).to_have_text("Włącz weryfikację dwuetapową")
    ui.get_by_label("Kod z aplikacji").fill("000000")
    ui.get_by_role("button", name="Potwierdź i włącz").click()
    expect(ui.page.locator(".field-error")).to_contain_text("Nieprawidłowy kod")
    device = TOTPDevice.objects.get(user=user)
    ui.page.wait_for_timeout(1100)  # django-otp throttles the next try for a second after a wrong code
    ui.get_by_label("Kod z aplikacji").fill(f"{totp(device.bin_key):06d}")
    ui.get_by_role("button", name="Potwierdź i włącz").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text("Mój panel")
    expect(ui.page.get_by_role("link", name="Organizatorzy").first).to_be_visible()


def test_advisor_with_device_verifies_code(ui):
    membership = MembershipFactory(role=Membership.Role.ADVISOR, user__email="doradca@example.org")
    TOTPDevice.objects.create(user=membership.user, name="telefon", confirmed=True)
    browser_login(ui, membership.user.email, TEST_PASSWORD)
    expect(ui.page.locator("h1")).to_have_text("Weryfikacja dwuetapowa")
    ui.get_by_label("Kod z aplikacji").fill("12ab56")
    ui.get_by_role("button", name="Potwierdź").click()
    expect(ui.page.get_by_role("alert")).to_be_visible()
    ui.page.wait_for_timeout(1100)
    ui.get_by_label("Kod z aplikacji").fill(current_code(membership.user))
    ui.get_by_role("button", name="Potwierdź").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text("Mój panel")


def test_invitation_creates_account_once(ui):
    organiser = MembershipFactory(role=Membership.Role.STAFF).user
    _invitation, token = invite(
        email="trener.nowy@example.org",
        organisation=organiser.memberships.first().organisation,
        role=Membership.Role.TRAINER,
        by=organiser,
    )
    link = f"/konto/zaproszenie/{token}/"
    ui.visit(link)
    expect(ui.page.locator("h1")).to_have_text("Utwórz konto")
    ui.get_by_label("Imię i nazwisko").fill("Tadeusz Nowy")
    ui.get_by_label("Hasło", exact=True).fill("krotkie")
    ui.get_by_label("Powtórz hasło").fill("inne")
    ui.get_by_role("button", name="Utwórz konto").click()
    expect(ui.page.locator("#error-summary")).to_be_visible()
    assert ui.get_by_label("Imię i nazwisko").input_value() == "Tadeusz Nowy"
    ui.get_by_label("Hasło", exact=True).fill("Bardzo-dobre-haslo-77")
    ui.get_by_label("Powtórz hasło").fill("Bardzo-dobre-haslo-77")
    ui.get_by_role("button", name="Utwórz konto").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text("Mój panel")
    # The same link a second time: a clear Polish page, not a 500.
    ui.get_by_role("button", name="Wyloguj").click()
    response = ui.visit(link)
    assert response.status == 410
    expect(ui.page.locator("h1")).to_have_text("Zaproszenie jest nieważne")


def test_password_reset_by_email(ui):
    user = UserFactory(email="zapominalska@example.org")
    ui.visit("/konto/logowanie/")
    ui.get_by_role("link", name="Nie pamiętasz hasła?").click()
    ui.get_by_label("Adres e-mail").fill(user.email)
    ui.get_by_role("button", name="Wyślij link").click()
    expect(ui.page.locator("h1")).to_have_text("Sprawdź skrzynkę e-mail")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/konto/haslo/reset/\S+)", mail.outbox[0].body).group(1)
    ui.visit(link)
    expect(ui.page.locator("h1")).to_have_text("Ustaw nowe hasło")
    ui.get_by_label("Nowe hasło", exact=True).fill("Nowe-haslo-bardzo-2026")
    ui.get_by_label("Nowe hasło (powtórz)").fill("Nowe-haslo-bardzo-2026")
    ui.get_by_role("button", name="Zapisz nowe hasło").click()
    expect(ui.page.locator("h1")).to_have_text("Nowe hasło ustawione")
    ui.visit(link)
    expect(ui.page.get_by_text("Ten link do ustawienia hasła jest nieważny")).to_be_visible()


def test_lockout_after_repeated_failures(ui):
    user = UserFactory(email="zgadywany@example.org")
    for _ in range(5):
        browser_login(ui, user.email, "zle-haslo-000")
    browser_login(ui, user.email, TEST_PASSWORD)
    expect(ui.page.locator("h1")).to_have_text("Logowanie czasowo zablokowane")


def test_csrf_failure_page(ui):
    ui.visit("/konto/logowanie/")
    ui.page.context.clear_cookies()
    ui.get_by_label("Adres e-mail").fill("ktos@example.org")
    ui.get_by_label("Hasło").fill("cokolwiek-123")
    ui.get_by_role("button", name="Zaloguj się").last.click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text("Formularz wygasł")


def test_error_pages_403_and_500(ui, settings):
    settings.ROOT_URLCONF = "tests.browser.error_urls"
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    response = ui.visit("/test-403/")
    assert response.status == 403
    expect(ui.page.locator("h1")).to_have_text("Brak dostępu")
    response = ui.visit("/test-500/")
    assert response.status == 500
    expect(ui.page.locator("h1")).to_have_text("Przepraszamy, wystąpił błąd")


def test_axe_harness_catches_violations(ui):
    """The harness itself must fail on a page that breaks WCAG, or every 'axe clean' above means nothing."""
    from tests.browser.conftest import AxeViolation

    ui.visit("/")
    ui.page.set_content('<html><head><title>x</title></head><body><img src="/static/x.png"><input></body></html>')
    with pytest.raises(AxeViolation, match="image-alt"):
        ui.check_accessibility()
    ui.page.goto(ui.base_url + "/")  # leave a clean page for the final check


HARNESS_PAGE = """<html lang="en"><head><title>x</title><style>{style}</style></head>
<body><main><h1>x</h1>{body}</main></body></html>"""


@pytest.mark.parametrize(
    ("style", "body", "message"),
    [
        # a page wider than 320 px: it scrolls sideways (WCAG 1.4.10)
        ("", '<p style="width: 400px">wide</p>', "the page is 4"),
        # text pushed off the left edge is lost without any scrollbar
        ("", '<p style="margin-left: -200px">gone</p>', "outside the 1280px viewport"),
        # a table whose headers are hidden on narrow screens, with nothing in their place (WCAG 1.3.1)
        (
            "@media (max-width: 40rem) { thead { display: none } }",
            "<table><thead><tr><th>Etap</th></tr></thead><tbody><tr><td>5</td></tr></tbody></table>",
            "hides its column headers",
        ),
        # a sideways scroll that is not a named keyboard stop
        (
            ".wrap { overflow-x: auto }",
            '<div class="wrap"><table><tr><td style="min-width: 600px">a</td></tr></table></div>',
            "not a named, focusable region",
        ),
        # content behind a sideways scroll at desktop width is content clipped
        (
            ".wrap { overflow-x: auto }",
            '<div class="wrap" role="region" tabindex="0" aria-label="t"><table><tr><td style="min-width: 1400px">a'
            "</td></tr></table></div>",
            "scrolls sideways at desktop width",
        ),
        # a box that hides its overflow cuts the last button off
        ("", '<div style="overflow: hidden; width: 100px"><p style="width: 200px">cut</p></div>', "cuts off"),
    ],
)
def test_reflow_harness_catches_layouts_that_break(ui, style, body, message):
    """Each page the fixture opens is checked at 1280 and 320 px: these broken layouts must each fail."""
    from tests.browser.conftest import ReflowViolation

    ui.page.goto("about:blank")  # the site's CSP would block the inline styles
    ui.page.set_content(HARNESS_PAGE.format(style=style, body=body))
    with pytest.raises(ReflowViolation, match=message):
        ui.check_accessibility()
    ui.page.goto(ui.base_url + "/")  # leave a clean page for the final check


def test_harness_checks_at_320_px_and_restores_the_viewport(ui):
    """A table that fits at desktop width but scrolls at 320 px without being a keyboard stop fails only there; the
    viewport the test set is back afterwards."""
    from tests.browser.conftest import ReflowViolation

    ui.page.goto("about:blank")
    ui.page.set_viewport_size({"width": 1024, "height": 700})
    ui.page.set_content(
        HARNESS_PAGE.format(
            style=".wrap { overflow-x: auto }",
            body='<div class="wrap"><table><tr><td style="min-width: 600px">a</td></tr></table></div>',
        )
    )
    with pytest.raises(ReflowViolation, match="at 320px"):
        ui.check_accessibility()
    assert ui.page.viewport_size == {"width": 1024, "height": 700}
    ui.page.goto(ui.base_url + "/")

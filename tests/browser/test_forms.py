"""Form details a person notices: an invalid field looks invalid, and the message after a save is read out at once
(it takes the focus, also without JavaScript). The edition settings form stands for every form."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from apps.core.testing import sign_in
from tests.browser.test_editions import log_in, world  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DANGER = "rgb(164, 22, 26)"  # --danger in static/css/app.css
INK = "rgb(27, 31, 36)"  # --ink


def border(locator) -> tuple[str, str]:
    return locator.evaluate("(el) => [getComputedStyle(el).borderTopColor, getComputedStyle(el).borderTopWidth]")


def test_an_invalid_text_input_has_the_error_border(ui, world):  # noqa: F811
    log_in(ui, world["organiser"])
    ui.visit(f"/organizator/edycje/{world['edition'].slug}/edytuj/")
    seats = ui.get_by_label("Liczba miejsc dla JST")
    assert border(seats) == [INK, "2px"]
    seats.fill("0")
    ui.get_by_role("button", name="Zapisz ustawienia").click()
    ui.page.wait_for_load_state("load")
    seats = ui.get_by_label("Liczba miejsc dla JST")
    expect(seats).to_have_attribute("aria-invalid", "true")
    assert border(seats) == [DANGER, "3px"]
    assert border(ui.get_by_label("Nazwa edycji")) == [INK, "2px"]  # the valid fields keep theirs


def test_the_message_after_a_save_takes_the_focus(ui, world):  # noqa: F811
    log_in(ui, world["organiser"])
    ui.visit(f"/organizator/edycje/{world['edition'].slug}/edytuj/")
    ui.get_by_role("button", name="Zapisz ustawienia").click()
    ui.page.wait_for_load_state("load")
    message = ui.page.get_by_role("status").get_by_text("Zapisano ustawienia edycji.")
    expect(message).to_be_focused()


def test_without_javascript_the_message_after_a_save_takes_the_focus(browser, live_server, world):  # noqa: F811
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="pl-PL")
    try:
        client = Client()
        sign_in(client, world["organiser"])
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
        page = context.new_page()
        page.goto(f"/organizator/edycje/{world['edition'].slug}/edytuj/")
        page.get_by_role("button", name="Zapisz ustawienia").click()
        page.wait_for_load_state("load")
        expect(page.get_by_text("Zapisano ustawienia edycji.")).to_be_focused()
    finally:
        context.close()


def test_without_javascript_a_refused_form_focuses_its_error_summary(browser, live_server, world):  # noqa: F811
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="pl-PL")
    try:
        client = Client()
        sign_in(client, world["organiser"])
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
        page = context.new_page()
        page.goto(f"/organizator/edycje/{world['edition'].slug}/edytuj/")
        page.get_by_label("Liczba miejsc dla JST").fill("0")
        page.get_by_role("button", name="Zapisz ustawienia").click()
        page.wait_for_load_state("load")
        expect(page.get_by_role("alert")).to_be_focused()
    finally:
        context.close()

"""The TERYT register and the JST picker in a browser: keyboard use of the combobox, the form without
JavaScript, and axe on every page (also with the suggestions open)."""

import contextlib

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from apps.territory.factories import LocalGovernmentFactory, VoivodeshipFactory
from apps.territory.kinds import JstKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def jsts():
    dolnoslaskie = VoivodeshipFactory(code="02")
    return {
        "rural": LocalGovernmentFactory(name="Bolesławiec", kind=JstKind.RURAL_GMINA, voivodeship=dolnoslaskie),
        "urban": LocalGovernmentFactory(name="Bolesławiec", kind=JstKind.URBAN_GMINA, voivodeship=dolnoslaskie),
        "other": LocalGovernmentFactory(name="Gromadka", voivodeship=dolnoslaskie),
        "far": LocalGovernmentFactory(name="Dobra", voivodeship=VoivodeshipFactory(code="32")),
    }


def suggestions(ui):
    return ui.page.get_by_role("listbox", name="Podpowiedzi JST").get_by_role("option")


def test_register_filters_and_detail(ui, jsts):
    ui.visit("/rejestr-jst/")
    expect(ui.page.locator("h1")).to_have_text("Rejestr JST")
    ui.get_by_label("Województwo").select_option("32")
    ui.get_by_role("button", name="Filtruj").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_text("Liczba wyników: 1")).to_be_visible()
    ui.get_by_role("link", name="Gmina Dobra (gmina wiejska)").click()
    expect(ui.page.locator("h1")).to_have_text("Gmina Dobra (gmina wiejska)")


def test_the_picker_is_a_keyboard_combobox(ui, jsts):
    ui.visit("/rejestr-jst/")
    picker = ui.get_by_role("combobox", name="Nazwa JST lub kod TERYT")
    expect(picker).to_have_attribute("aria-expanded", "false")
    picker.press_sequentially("bolesl", delay=20)
    options = suggestions(ui)
    expect(options).to_have_count(2)
    expect(picker).to_have_attribute("aria-expanded", "true")
    expect(ui.page.get_by_role("status").filter(has_text="Podpowiedzi: 2")).to_have_count(1)
    ui.check_accessibility()  # with the listbox open

    picker.press("ArrowDown")
    first = options.nth(0)
    expect(first).to_have_attribute("aria-selected", "true")
    expect(picker).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    picker.press("ArrowDown")
    picker.press("ArrowDown")  # wraps around to the first
    expect(first).to_have_attribute("aria-selected", "true")
    picker.press("ArrowUp")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    chosen = options.nth(1).get_attribute("data-value")

    picker.press("Enter")  # chooses, does not submit
    expect(picker).to_have_value(chosen)
    expect(picker).to_have_attribute("aria-expanded", "false")
    expect(ui.page.locator("h1")).to_have_text("Rejestr JST")
    picker.press("Enter")  # now submits
    expect(ui.page.locator("h1")).to_have_text(chosen)


def test_escape_closes_then_clears(ui, jsts):
    ui.visit("/rejestr-jst/")
    picker = ui.get_by_role("combobox", name="Nazwa JST lub kod TERYT")
    picker.press_sequentially("gromad", delay=20)
    expect(suggestions(ui)).to_have_count(1)
    picker.press("Escape")
    expect(picker).to_have_attribute("aria-expanded", "false")
    expect(picker).to_have_value("gromad")
    picker.press("Escape")
    expect(picker).to_have_value("")


def test_clicking_a_suggestion_chooses_it(ui, jsts):
    ui.visit("/rejestr-jst/")
    picker = ui.get_by_role("combobox", name="Nazwa JST lub kod TERYT")
    picker.press_sequentially("gromad", delay=20)
    suggestions(ui).first.click()
    expect(picker).to_have_value("Gmina Gromadka (gmina wiejska)")


def test_a_late_answer_does_not_reopen_the_list_after_a_choice(ui, jsts):
    """A choice made while a request for suggestions is in flight stands: the late answer neither reopens the list
    (it covered the form's button) nor changes the chosen value."""
    ui.visit("/rejestr-jst/")
    picker = ui.get_by_role("combobox", name="Nazwa JST lub kod TERYT")
    picker.press_sequentially("bolesl", delay=20)
    expect(suggestions(ui)).to_have_count(2)
    chosen = suggestions(ui).first.get_attribute("data-value")
    held = []

    def hold(route):
        held.append(route)  # the next request waits until released below

    ui.page.route(lambda url: "q=" in url, hold)
    with ui.page.expect_request(lambda request: "q=boleslaw" in request.url):
        picker.press("a")
        picker.press("w")
    suggestions(ui).first.click()
    expect(ui.page.get_by_role("listbox", name="Podpowiedzi JST")).to_be_hidden()
    expect(picker).to_have_value(chosen)
    ui.page.unroute_all()
    for route in held:
        with contextlib.suppress(PlaywrightError):  # the picker aborted it: nothing to release
            route.continue_()
    # Let the page handle whatever arrives (two animation frames), then look as a person would.
    ui.page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    expect(ui.page.get_by_role("listbox", name="Podpowiedzi JST")).to_be_hidden()
    expect(picker).to_have_attribute("aria-expanded", "false")
    expect(picker).to_have_value(chosen)


def test_ambiguous_entry_offers_accessible_choices(ui, jsts):
    ui.visit("/rejestr-jst/znajdz/?jst=bolesl")
    expect(ui.page.get_by_role("alert")).to_contain_text("pasuje kilka JST")
    ui.get_by_role("radio", name="Miasto Bolesławiec").check()
    ui.get_by_role("button", name="Przejdź").click()
    expect(ui.page.locator("h1")).to_have_text("Miasto Bolesławiec")


def test_without_javascript_the_typed_text_is_resolved(browser, live_server, jsts):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="pl-PL")
    try:
        page = context.new_page()
        page.goto("/rejestr-jst/")
        field = page.get_by_label("Nazwa JST lub kod TERYT")
        assert field.get_attribute("role") is None  # a plain text field, not a combobox that never opens
        field.fill("bolesl")
        page.get_by_role("button", name="Przejdź").click()
        expect(page.get_by_role("radio")).to_have_count(2)
        page.get_by_role("radio", name="Gmina Bolesławiec (gmina wiejska)").check()
        page.get_by_role("button", name="Przejdź").click()
        expect(page.locator("h1")).to_have_text("Gmina Bolesławiec (gmina wiejska)")
        page.goto("/rejestr-jst/")
        page.get_by_label("Nazwa JST lub kod TERYT").fill("gromadka")
        page.get_by_role("button", name="Przejdź").click()
        expect(page.locator("h1")).to_have_text("Gmina Gromadka (gmina wiejska)")
    finally:
        context.close()


def test_what_was_typed_before_the_picker_loaded_gets_its_suggestions(ui, jsts):
    """On a slow connection a person types before the picker's script has run: once it runs, the suggestions for
    what is in the field appear (the typing is not lost; this made the recruitment walk flaky under load)."""
    held = []
    ui.page.route("**/jst-picker*.js", lambda route: held.append(route))
    ui.page.goto(ui.base_url + "/rejestr-jst/", wait_until="commit")
    field = ui.page.get_by_label("Nazwa JST lub kod TERYT")
    field.fill("bolesl")
    expect(field).to_be_focused()
    ui.page.wait_for_function("() => true")
    for route in held:
        route.continue_()
    ui.page.unroute_all()
    expect(suggestions(ui)).to_have_count(2)
    expect(ui.page.get_by_role("listbox", name="Podpowiedzi JST")).to_be_visible()

"""The catalogue and editions in a browser: public pages, the organiser's forms with their error states, and the
coordinator's catalogue editor; axe checks every page opened."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from apps.accounts.factories import MembershipFactory, OrganisationFactory
from apps.accounts.models import Membership
from apps.catalog.services import create_draft_version, ensure_initial_catalog
from apps.core.testing import sign_in
from apps.editions.factories import EditionFactory, PlannedEventFactory
from apps.editions.models import PlannedEvent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(ui, user):
    """Reuse a test client's session (second factor passed) in the browser."""
    client = Client()
    sign_in(client, user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    ui.page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": ui.base_url}])


@pytest.fixture
def world():
    catalogue = ensure_initial_catalog()
    ore = OrganisationFactory(name="Ośrodek Rozwoju Edukacji", slug="ore")
    edition = EditionFactory(organiser=ore, catalogue_version=catalogue, name="Doradztwo dla JST", published=True)
    PlannedEventFactory(edition=edition, kind=PlannedEvent.Kind.WORKSHOP_TRAINING, title="Szkolenie warsztatowe 1")
    return {
        "catalogue": catalogue,
        "edition": edition,
        "organiser": MembershipFactory(organisation=ore, role=Membership.Role.STAFF).user,
        "coordinator": MembershipFactory(organisation=ore, role=Membership.Role.COORDINATOR).user,
    }


def test_public_catalogue_and_editions(ui, world):
    ui.visit("/model/")
    expect(ui.page.locator("h1")).to_have_count(1)
    expect(ui.page.get_by_role("heading", name="Planowanie budżetowe")).to_be_visible()
    ui.visit("/edycje/")
    ui.get_by_role("link", name="Doradztwo dla JST", exact=True).click()
    expect(ui.page.locator("h1")).to_have_text("Doradztwo dla JST")
    expect(ui.page.get_by_role("row", name="Szkolenie warsztatowe 1")).to_be_visible()


def test_organiser_forms_show_errors_accessibly(ui, world):
    log_in(ui, world["organiser"])
    slug = world["edition"].slug
    ui.visit(f"/organizator/edycje/{slug}/")
    expect(ui.page.get_by_text("Brak zakwalifikowanych JST.", exact=False)).to_be_visible()

    ui.get_by_role("link", name="Zmień ustawienia").click()
    ui.get_by_label("Liczba miejsc dla JST").fill("0")
    ui.get_by_label("Powiat", exact=True).select_option("rural_gminy")
    ui.get_by_role("button", name="Zapisz ustawienia").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_role("alert")).to_contain_text("Edycja musi mieć co najmniej jedno miejsce dla JST.")
    ui.check_accessibility()  # the form with its error summary
    ui.get_by_label("Liczba miejsc dla JST").fill("20")
    ui.get_by_role("button", name="Zapisz ustawienia").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_text("(ustawienie tej edycji)")).to_be_visible()

    ui.get_by_role("link", name="Dodaj wydarzenie").click()
    ui.get_by_label("Rodzaj").select_option("closing_meeting")
    ui.get_by_label("Nazwa").fill("Spotkanie podsumowujące")
    ui.get_by_label("Pierwszy dzień").fill("2000-01-01")
    ui.get_by_label("Ostatni dzień").fill("2000-01-02")
    ui.get_by_role("button", name="Zapisz wydarzenie").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_role("alert")).to_contain_text("w okresie realizacji edycji")

    ui.visit(f"/organizator/edycje/{slug}/kopiuj/")
    ui.visit(f"/organizator/edycje/{slug}/historia/")
    ui.visit("/organizator/edycje/nowa/")
    ui.visit("/organizator/edycje/")


def test_coordinator_edits_the_catalogue(ui, world):
    draft = create_draft_version(by=world["coordinator"])
    log_in(ui, world["coordinator"])
    ui.visit("/model/wersje/")
    ui.get_by_role("link", name=str(draft)).click()
    ui.get_by_role("link", name="Edytuj obszar Planowanie budżetowe").click()
    ui.get_by_label("Nazwa").fill("")
    ui.get_by_role("button", name="Zapisz").first.click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_role("alert")).to_be_visible()
    ui.check_accessibility()
    ui.get_by_label("Nazwa").fill("Planowanie budżetu oświaty")
    ui.get_by_role("button", name="Zapisz").first.click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_role("heading", name="Planowanie budżetu oświaty")).to_be_visible()
    ui.get_by_role("button", name="Opublikuj tę wersję").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_text("jest opublikowana")).to_be_visible()
    ui.visit("/model/")
    expect(ui.page.get_by_role("heading", name="Planowanie budżetu oświaty")).to_be_visible()

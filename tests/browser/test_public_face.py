"""The public face in a browser: the organiser uploads its logo and an EU funding mark; the edition's pages show
them (loaded, with alternative text) in the header and footer, also at 320 px; axe checks every page opened."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from apps.accounts.factories import MembershipFactory, OrganisationFactory
from apps.accounts.models import Membership
from apps.branding.factories import png_bytes
from apps.catalog.services import ensure_initial_catalog
from apps.core.testing import sign_in
from apps.editions.factories import EditionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALT = "Fundusze Europejskie dla Rozwoju Społecznego, Rzeczpospolita Polska, Dofinansowane przez Unię Europejską"


def log_in(ui, user):
    client = Client()
    sign_in(client, user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    ui.page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": ui.base_url}])


def _loaded(ui, selector: str) -> bool:
    return ui.page.locator(selector).first.evaluate("img => img.complete && img.naturalWidth > 0")


def test_the_organiser_brands_its_edition_and_the_public_sees_it(ui, tmp_path):
    organiser = OrganisationFactory(name="Warszawskie Centrum Innowacji", slug="wcies")
    edition = EditionFactory(
        organiser=organiser, catalogue_version=ensure_initial_catalog(), name="Doradztwo 2027", published=True
    )
    staff = MembershipFactory(organisation=organiser, role=Membership.Role.STAFF).user
    (tmp_path / "znak.png").write_bytes(png_bytes(600, 80))
    (tmp_path / "logo.png").write_bytes(png_bytes(120, 120))
    log_in(ui, staff)

    ui.visit(f"/organizator/edycje/{edition.slug}/")
    ui.get_by_role("link", name="Znaki finansowania (np. Fundusze Europejskie)").click()
    ui.check_accessibility()
    # Without alternative text the upload is refused, with the reason next to the field.
    ui.get_by_label("Obraz").set_input_files(str(tmp_path / "znak.png"))
    ui.get_by_role("button", name="Dodaj znak").click()
    expect(ui.page.get_by_role("alert")).to_contain_text("Tekst alternatywny")
    ui.check_accessibility()
    ui.get_by_label("Obraz").set_input_files(str(tmp_path / "znak.png"))
    ui.get_by_label("Tekst alternatywny").fill(ALT)
    ui.get_by_role("button", name="Dodaj znak").click()
    expect(ui.page.get_by_text("Dodano znak finansowania.")).to_be_visible()
    ui.check_accessibility()

    ui.visit(f"/organizatorzy/{organiser.slug}/wizerunek/")
    ui.page.locator("#id_logo").set_input_files(str(tmp_path / "logo.png"))
    ui.get_by_label("Telefon kontaktowy").fill("22 123 45 67")
    ui.get_by_role("button", name="Zapisz").click()
    expect(ui.page.get_by_text("Zapisano wizerunek organizatora.")).to_be_visible()
    ui.check_accessibility()

    ui.page.context.clear_cookies()
    for path in [f"/edycje/{edition.slug}/", f"/nabory/{edition.slug}/"]:
        for width in (1280, 320):
            ui.page.set_viewport_size({"width": width, "height": 900})
            ui.visit(path)
            expect(ui.page.locator(".site-header")).to_contain_text("Warszawskie Centrum Innowacji")
            mark = ui.page.get_by_role("img", name=ALT)
            expect(mark).to_be_visible()
            assert _loaded(ui, ".funding-marks img") and _loaded(ui, ".organiser-logo"), path
            expect(ui.page.locator(".site-footer")).to_contain_text("22 123 45 67")
            overflow = ui.page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"

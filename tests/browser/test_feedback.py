"""The model feedback register and the programme library in a browser: a JST team member makes a remark about an
area from the public model page (first without a part, which is refused with a message); the coordinator accepts
it, creates a catalogue draft, links the remark to it and publishes it; the published version's change log says
what changed and why, and the remark's author got the e-mail. A visitor reads a programme, one of its scenarios
and its PDF. Axe checks every page each person opens, at 1280 and 320 px."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.catalog.services import ensure_initial_catalog
from apps.demo import programmes_demo
from apps.documents.pdf import pdf_text
from apps.engagements.factories import TeamMemberFactory
from apps.feedback.models import Remark
from tests.browser import steps
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AREA = "Planowanie budżetowe"
REMARK = "Brakuje przykładu budżetu zadaniowego oświaty."
CHANGE = "Do opisu obszaru dodano przykład budżetu zadaniowego."


@pytest.fixture
def people():
    version = ensure_initial_catalog()
    programmes_demo.seed()
    member = UserFactory(full_name="Anna Skarbnik", email="skarbnik@gmina.example")
    TeamMemberFactory(user=member, engagement__edition__catalogue_version=version)
    coordinator = UserFactory(full_name="Krystyna Koordynatorka", email="koordynator@ore.example")
    MembershipFactory(user=coordinator, role=Membership.Role.COORDINATOR)
    TOTPDevice.objects.create(user=coordinator, name="telefon", confirmed=True)
    return {"member": member, "coordinator": coordinator}


def test_a_remark_from_the_model_page_becomes_a_published_change(ui, people, other_window, mailoutbox):
    browser_login(ui, people["member"].email, TEST_PASSWORD)
    ui.visit("/model/")
    ui.get_by_role("link", name=re.compile(f"^Uwaga do modelu.*{AREA}$")).click()
    ui.page.wait_for_load_state("load")
    part = ui.get_by_label("Część modelu, której dotyczy uwaga")
    expect(part.locator("option:checked")).to_have_text(AREA)
    part.select_option("")
    ui.get_by_label("Treść uwagi").fill(REMARK)
    steps.submit(ui, "Wyślij uwagę")
    expect(ui.page.get_by_text("Wskaż, której części modelu dotyczy uwaga.").first).to_be_visible()
    ui.get_by_label("Część modelu, której dotyczy uwaga").select_option(label=AREA)
    steps.submit(ui, "Wyślij uwagę")
    expect(ui.page.locator("h1")).to_have_text("Moje uwagi do modelu")
    expect(ui.page.get_by_role("cell", name=REMARK)).to_be_visible()
    remark = Remark.objects.get(text=REMARK)

    coordinator = other_window()
    steps.sign_in_with_totp(coordinator, people["coordinator"])
    coordinator.visit("/uwagi-do-modelu/?czesc=area")
    coordinator.get_by_role("link", name=f"Uwaga nr {remark.pk}").click()
    coordinator.page.wait_for_load_state("load")
    coordinator.get_by_label("Nowy stan").select_option(label="przyjęta")
    coordinator.get_by_label("Uzasadnienie (przy odrzuceniu wymagane)").fill(CHANGE)
    steps.submit(coordinator, "Zapisz stan")
    expect(coordinator.page.get_by_text("Uwaga jest teraz w stanie „przyjęta”.")).to_be_visible()
    coordinator.get_by_role("link", name="Utwórz ją na liście wersji katalogu.").click()
    coordinator.page.wait_for_load_state("load")
    steps.submit(coordinator, "Utwórz wersję roboczą")
    coordinator.visit(f"/uwagi-do-modelu/{remark.pk}/")
    steps.submit(coordinator, "Powiąż z wersją roboczą 2")
    coordinator.visit("/model/wersje/2/")
    expect(coordinator.page.get_by_role("heading", name="Zmiany planowane w tej wersji")).to_be_visible()
    steps.submit(coordinator, "Opublikuj tę wersję")
    expect(coordinator.page.get_by_role("heading", name="Co się zmieniło i dlaczego")).to_be_visible()
    expect(coordinator.page.get_by_text(CHANGE).first).to_be_visible()

    remark.refresh_from_db()
    assert remark.status == Remark.Status.IMPLEMENTED and remark.implemented_in.number == 2
    told = [m for m in mailoutbox if people["member"].email in m.to]
    assert len(told) == 1 and "wersji katalogu 2" in told[0].subject and CHANGE in told[0].body

    # The public model page shows the change log too; the author sees the remark implemented.
    ui.visit("/model/")
    expect(ui.page.get_by_role("heading", name="Co się zmieniło i dlaczego")).to_be_visible()
    ui.visit("/uwagi-do-modelu/moje/")
    expect(ui.page.get_by_text("wdrożona").first).to_be_visible()


def test_a_programme_its_scenario_and_its_pdf(ui, people):
    ui.visit("/programy/")
    title = "Program szkoleniowo-doradczy dla kadry kierowniczej JST: powiaty"
    ui.get_by_role("link", name=title).click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text(title)
    expect(ui.page.get_by_role("heading", name="Scenariusze zajęć")).to_be_visible()
    ui.get_by_role("link", name="Diagnoza stanu lokalnej oświaty (demo)").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_role("heading", name="Przebieg zajęć")).to_be_visible()
    ui.get_by_role("link", name="Wróć do programu", exact=False).click()
    ui.page.wait_for_load_state("load")
    href = ui.get_by_role("link", name="Pobierz PDF", exact=False).get_attribute("href")
    response = ui.page.request.get(href)
    assert response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.body())
    assert title in " ".join(text.split()) and "Diagnoza stanu lokalnej oświaty" in text

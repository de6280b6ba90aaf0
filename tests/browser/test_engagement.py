"""The engagement as its people use it: the team leader chooses the area, an advisor (with TOTP) confirms it, two
team members write the diagnosis at the same time (the stale save is refused, nothing is lost, they merge),
priorities are rated and chosen, and the engagement moves on to the HDR. axe checks every page opened."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Membership
from apps.catalog.services import ensure_initial_catalog
from apps.editions.factories import EditionFactory
from apps.engagements.factories import AdvisorAssignmentFactory, EngagementFactory, TeamMemberFactory
from apps.engagements.models import AdvisorAssignment, Engagement, NeedsAssessment, Stage
from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import JstKind
from tests.browser.conftest import CheckedPage, browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def engagement_world():
    ore = OrganisationFactory(name="Ośrodek Rozwoju Edukacji", slug="ore")
    edition = EditionFactory(
        organiser=ore,
        catalogue_version=ensure_initial_catalog(),
        name="Doradztwo dla JST 2022/2023",
        diagnosis_asks_post_pandemic_needs=True,
        published=True,
    )
    engagement = EngagementFactory(
        edition=edition, local_government=LocalGovernmentFactory(kind=JstKind.POWIAT, name="bolesławiecki")
    )
    leader = UserFactory(email="lider@boleslawiec.example", full_name="Łucja Liderka")
    member = UserFactory(email="czlonek@boleslawiec.example", full_name="Żaneta Członkini")
    TeamMemberFactory(engagement=engagement, user=leader, is_leader=True)
    TeamMemberFactory(engagement=engagement, user=member)
    TeamMemberFactory(engagement=engagement, user=None, full_name="Jan Trzeci", email="jan@boleslawiec.example")
    advisor = MembershipFactory(
        organisation=ore,
        role=Membership.Role.ADVISOR,
        user__email="doradca@ore.example",
        user__full_name="Adam Doradca",
    ).user
    TOTPDevice.objects.create(user=advisor, name="telefon", confirmed=True)
    AdvisorAssignmentFactory(engagement=engagement, user=advisor, role=AdvisorAssignment.Role.PERSONAL_DEVELOPMENT)
    return {"engagement": engagement, "leader": leader, "member": member, "advisor": advisor}


def second_page(browser, live_server) -> CheckedPage:
    """Another person's browser (its own cookies), with axe on every page as for ``ui``."""
    context = browser.new_context(base_url=live_server.url, locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    return CheckedPage(page, live_server.url)


def submit(ui, name: str):
    ui.get_by_role("button", name=name, exact=True).click()
    ui.page.wait_for_load_state("load")


def test_area_diagnosis_with_a_conflict_priorities_and_on_to_the_hdr(ui, browser, live_server, engagement_world):
    w = engagement_world
    pk = w["engagement"].pk
    jst = w["engagement"].local_government.display_name

    # The leader signs in and finds the JST's next step on the dashboard.
    browser_login(ui, w["leader"].email, TEST_PASSWORD)
    expect(ui.page.locator("h1")).to_have_text("Mój panel")
    expect(ui.page.get_by_text("Wybierzcie obszar wsparcia z katalogu modelu")).to_be_visible()
    ui.get_by_role("link", name=f"Karta JST: {jst}").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text(jst)
    current = ui.page.locator('.stage-tracker li[aria-current="step"]')
    expect(current).to_contain_text("1. Wybór obszaru")
    expect(current).to_contain_text("bieżący etap")

    # Choosing the area: a missing reason is shown next to the field; then the choice is saved.
    ui.get_by_role("link", name="Wybór obszaru").first.click()
    ui.page.wait_for_load_state("load")
    ui.get_by_label("Planowanie budżetowe").check()
    submit(ui, "Zapisz wybór obszaru")
    expect(ui.page.get_by_role("alert")).to_contain_text("Napisz, dlaczego zespół wybrał ten obszar.")
    ui.check_accessibility()
    ui.get_by_label("Planowanie budżetowe").check()
    ui.get_by_label("Uzasadnienie wyboru").fill("Wydatki na oświatę rosną szybciej niż subwencja.")
    submit(ui, "Zapisz wybór obszaru")
    expect(ui.page.get_by_text("Czeka na potwierdzenie doradcy.")).to_be_visible()

    # The advisor signs in with the second factor and confirms; the engagement moves on to the diagnosis.
    advisor = second_page(browser, live_server)
    try:
        browser_login(advisor, w["advisor"].email, TEST_PASSWORD)
        expect(advisor.page.locator("h1")).to_have_text("Weryfikacja dwuetapowa")
        device = TOTPDevice.objects.get(user=w["advisor"])
        advisor.get_by_label("Kod z aplikacji").fill(f"{totp(device.bin_key):06d}")
        submit(advisor, "Potwierdź")
        advisor.visit("/karty-jst/")
        expect(advisor.page.get_by_text("Potwierdź wybór obszaru (Planowanie budżetowe).")).to_be_visible()
        advisor.get_by_role("link", name=f"{jst}: Potwierdź wybór obszaru (Planowanie budżetowe).").click()
        advisor.page.wait_for_load_state("load")
        submit(advisor, "Potwierdzam wybór obszaru")
        expect(advisor.page.locator('.stage-tracker li[aria-current="step"]')).to_contain_text("2. Diagnoza potrzeb")
        advisor.check_accessibility()
    finally:
        advisor.page.context.close()
    assert Engagement.objects.get(pk=pk).stage == Stage.DIAGNOSIS

    # Two team members open the diagnosis text at the same time.
    colleague = second_page(browser, live_server)
    try:
        browser_login(colleague, w["member"].email, TEST_PASSWORD)
        ui.visit(f"/karty-jst/{pk}/diagnoza/wnioski/")
        colleague.visit(f"/karty-jst/{pk}/diagnoza/wnioski/")
        ui.get_by_label("Problemy").fill("Brak planu wydatków na remonty szkół.")
        colleague.get_by_label("Problemy").fill("Rosnące koszty dowozu uczniów.")
        submit(ui, "Zapisz diagnozę")
        expect(ui.page.get_by_text("Zapisano diagnozę potrzeb.")).to_be_visible()

        # The colleague's save is refused: the leader's text is shown next to their own, which is kept.
        submit(colleague, "Zapisz diagnozę")
        conflict = colleague.page.get_by_role("alert")
        expect(conflict).to_contain_text("Ktoś zapisał zmiany w tym samym czasie")
        expect(conflict).to_contain_text("Łucja Liderka")
        expect(conflict).to_contain_text("Brak planu wydatków na remonty szkół.")
        expect(colleague.get_by_label("Problemy")).to_have_value("Rosnące koszty dowozu uczniów.")
        colleague.check_accessibility()
        assert NeedsAssessment.objects.get(engagement_id=pk).problems == "Brak planu wydatków na remonty szkół."

        # They merge both texts and save again.
        colleague.get_by_label("Problemy").fill("Brak planu wydatków na remonty szkół.\nRosnące koszty dowozu uczniów.")
        colleague.get_by_label("Potrzeby (opcjonalnie)", exact=True).fill("Wieloletni plan finansowania oświaty.")
        colleague.get_by_label("Potrzeby popandemiczne").fill("Wsparcie psychologiczno-pedagogiczne.")
        submit(colleague, "Zapisz diagnozę")
        expect(colleague.page.get_by_text("Zapisano diagnozę potrzeb.")).to_be_visible()
        expect(colleague.page.get_by_text("Rosnące koszty dowozu uczniów.")).to_be_visible()
        colleague.check_accessibility()
    finally:
        colleague.page.context.close()
    saved = NeedsAssessment.objects.get(engagement_id=pk)
    assert "Brak planu wydatków" in saved.problems and "Rosnące koszty dowozu" in saved.problems

    # A figure with its year and source; a bad number is explained next to the field.
    ui.visit(f"/karty-jst/{pk}/diagnoza/")
    ui.get_by_role("link", name="Dodaj dane").click()
    ui.page.wait_for_load_state("load")
    ui.get_by_label("Czego dotyczy").select_option("subsidy")
    ui.get_by_label("Opis").fill("część oświatowa subwencji ogólnej")
    ui.get_by_label("Wartość").fill("dużo")
    ui.get_by_label("Jednostka").fill("zł")
    ui.get_by_label("Rok").fill("2023")
    ui.get_by_label("Źródło").fill("Ministerstwo Finansów, 2023")
    submit(ui, "Dodaj")
    expect(ui.page.get_by_role("alert")).to_contain_text("Wartość musi być liczbą")
    ui.check_accessibility()
    ui.get_by_label("Wartość").fill("48 512 300,00")
    submit(ui, "Dodaj")
    expect(ui.page.get_by_role("row", name="część oświatowa subwencji ogólnej")).to_be_visible()

    # Guided prioritisation: two rated candidates, then the choice of one with its goal.
    for title, importance, feasibility in [("Plan remontów szkół", "5", "4"), ("Nowe szkoły", "3", "1")]:
        ui.visit(f"/karty-jst/{pk}/priorytety/dodaj/")
        ui.get_by_label("Priorytet").fill(title)
        ui.get_by_label("Ważność (1–5)").fill(importance)
        ui.get_by_label("Wykonalność (1–5)").fill(feasibility)
        submit(ui, "Zapisz")
    expect(ui.page.get_by_role("row", name="Plan remontów szkół")).to_contain_text("20")
    submit(ui, "Zapisz wybór priorytetów")
    expect(ui.page.get_by_role("alert")).to_contain_text("Wybierz co najmniej jeden priorytet rozwojowy.")
    ui.check_accessibility()
    ui.get_by_role("checkbox", name="Plan remontów szkół").check()
    submit(ui, "Zapisz wybór priorytetów")
    expect(ui.page.get_by_role("alert")).to_contain_text("Wpisz cel wybranego priorytetu.")
    ui.get_by_role("checkbox", name="Plan remontów szkół").check()
    ui.get_by_label("Cel Plan remontów szkół").fill("Do 2026 r. każda szkoła ma plan remontów na 5 lat.")
    submit(ui, "Zapisz wybór priorytetów")
    expect(ui.page.get_by_text("Zapisano wybór priorytetów rozwojowych")).to_be_visible()

    # On to the HDR through the stage tracker.
    ui.visit(f"/karty-jst/{pk}/")
    submit(ui, "Przejdź do etapu: 3. Harmonogram Działań Rozwojowych")
    expect(ui.page.get_by_text("Nowy etap: 3. Harmonogram Działań Rozwojowych.").first).to_be_visible()
    expect(ui.page.locator('.stage-tracker li[aria-current="step"]')).to_contain_text("3. Harmonogram")
    assert Engagement.objects.get(pk=pk).stage == Stage.PLAN
    # The timeline says who did what.
    expect(ui.page.locator(".timeline")).to_contain_text("Żaneta Członkini")
    expect(ui.page.locator(".timeline")).to_contain_text("Adam Doradca")

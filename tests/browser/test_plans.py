"""The HDR in a browser, continuing the engagement's path from the HDR stage: the team builds the plan (with a
mistake the form explains), submits it; one advisor asks for changes; the team fixes them; both advisors approve
(each passing TOTP); the PDF is prepared, downloaded and read; progress and an indicator value are recorded and the
roll-up shows on the plan. Three people work in three browser contexts; axe checks every page each of them opens."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, UserFactory
from apps.documents.pdf import pdf_text
from apps.plans.factories import engagement_ready_for_plan
from apps.plans.models import DevelopmentPlan, PlannedAction
from apps.plans.months import add_months
from tests.browser.conftest import CheckedPage, browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people():
    leader = UserFactory(full_name="Anna Liderka", email="liderka@gmina.example")
    advisors = [
        UserFactory(full_name="Piotr Doradca", email="doradca.rozwoj@example.org"),
        UserFactory(full_name="Zofia Doradczyni", email="doradca.zarzadzanie@example.org"),
    ]
    engagement = engagement_ready_for_plan(leader=leader, advisors=advisors)
    for advisor in advisors:
        TOTPDevice.objects.create(user=advisor, name="telefon", confirmed=True)
    return {"leader": leader, "advisors": advisors, "engagement": engagement}


@pytest.fixture
def second_window(browser, live_server):
    """Another person's browser (its own cookies), with axe on every page like ``ui``."""
    contexts = []

    def open_window() -> CheckedPage:
        context = browser.new_context(base_url=live_server.url, locale="pl-PL", viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return CheckedPage(page, live_server.url)

    windows = []

    def make():
        window = open_window()
        windows.append(window)
        return window

    yield make
    try:
        for window in windows:
            if window._pending:
                window.check_accessibility()
            assert not window.errors, window.errors
    finally:
        for context in contexts:
            context.close()


def sign_in_with_totp(window, user):
    browser_login(window, user.email, TEST_PASSWORD)
    expect(window.page.locator("h1")).to_have_text("Weryfikacja dwuetapowa")
    device = TOTPDevice.objects.get(user=user)
    window.get_by_label("Kod z aplikacji").fill(f"{totp(device.bin_key):06d}")
    window.get_by_role("button", name="Potwierdź").click()
    window.page.wait_for_load_state("load")
    expect(window.page.locator("h1")).to_have_text("Mój panel")


def month(value) -> str:
    return f"{value:%Y-%m}"


def fill_action(ui, *, title, start, end, target):
    ui.get_by_label("Działanie (co?)").fill(title)
    ui.get_by_label("Osoba lub jednostka odpowiedzialna").fill("Wydział Edukacji")
    ui.get_by_label("Początek (miesiąc)").fill(month(start))
    ui.get_by_label("Koniec (miesiąc)").fill(month(end))
    ui.get_by_label("Koszt (zł)").fill("2 500,00")
    ui.get_by_label("Oczekiwany rezultat").fill("Dyrektorzy i urzędnicy pracują według wspólnych standardów")
    ui.get_by_label("Wskaźnik", exact=True).fill("Liczba szkół stosujących standard")
    ui.get_by_label("Jednostka wskaźnika").select_option("institutions")
    ui.get_by_label("Wartość bazowa").fill("0")
    ui.get_by_label("Wartość docelowa").fill(target)
    ui.get_by_label("Sposób monitorowania").fill("Sprawozdania dyrektorów raz na semestr")


def submit_and_wait(window, name):
    window.get_by_role("button", name=name).click()
    window.page.wait_for_load_state("load")


def test_the_hdr_from_draft_to_approval_pdf_and_progress(ui, people, second_window, tmp_path):
    engagement = people["engagement"]
    plan_path = f"/karty-jst/{engagement.pk}/hdr/"
    start = engagement.edition.period_start.replace(day=1)

    # The team member starts the HDR and plans an action for each priority.
    browser_login(ui, people["leader"].email, TEST_PASSWORD)
    ui.visit(plan_path)
    submit_and_wait(ui, "Rozpocznij HDR")
    expect(ui.page.locator("h1")).to_contain_text("Harmonogram Działań Rozwojowych")
    ui.get_by_role("link", name="Dodaj działanie do priorytetu 1").click()
    fill_action(ui, title="Standardy pracy z uczniem zdolnym", start=start, end=add_months(start, 3), target="dużo")
    submit_and_wait(ui, "Zapisz działanie")
    expect(ui.page.get_by_role("alert")).to_contain_text("wymaga wartości liczbowej")
    expect(ui.get_by_label("Działanie (co?)")).to_have_value("Standardy pracy z uczniem zdolnym")  # input kept
    ui.get_by_label("Wartość docelowa").fill("6")
    submit_and_wait(ui, "Zapisz działanie")
    ui.get_by_role("link", name="Dodaj działanie do priorytetu 2").click()
    fill_action(
        ui, title="Sieć współpracy dyrektorów", start=add_months(start, 2), end=add_months(start, 5), target="8"
    )
    submit_and_wait(ui, "Zapisz działanie")
    ui.get_by_role("link", name="Opisz kierunki wdrożenia", exact=True).click()
    ui.get_by_label("Kierunki wdrożenia").fill("Najpierw standardy, potem sieć współpracy; wdrażają je dyrektorzy.")
    submit_and_wait(ui, "Zapisz")
    ui.get_by_role("link", name="Dodaj ryzyko", exact=True).click()
    ui.get_by_label("Ryzyko").fill("Zmiana dyrektorów szkół")
    ui.get_by_label("Sposób reagowania").fill("Wprowadzenie nowych dyrektorów przez sieć współpracy")
    submit_and_wait(ui, "Zapisz ryzyko")
    ui.get_by_role("link", name="Oś czasu działań").click()
    expect(ui.page.get_by_role("table", name="Działania HDR według miesięcy")).to_be_visible()
    ui.get_by_role("link", name="HDR", exact=True).click()
    submit_and_wait(ui, "Przekaż HDR doradcom do akceptacji")
    expect(ui.page.get_by_role("status")).to_contain_text("przekazano doradcom")

    # One advisor asks for changes.
    first, second = people["advisors"]
    advisor_one = second_window()
    sign_in_with_totp(advisor_one, first)
    advisor_one.visit(plan_path)
    expect(advisor_one.page.get_by_role("heading", name="Wersja 1 czeka na akceptację doradców")).to_be_visible()
    advisor_one.get_by_role("link", name="Poproś o poprawki").click()
    submit_and_wait(advisor_one, "Poproś o poprawki")
    expect(advisor_one.page.get_by_role("alert")).to_contain_text("Napisz, co zespół ma poprawić.")
    advisor_one.get_by_label("Co zespół ma poprawić").fill("Wskaźnik działania 2 powinien liczyć szkoły, nie osoby.")
    submit_and_wait(advisor_one, "Poproś o poprawki")

    # The team fixes the plan and submits it again.
    ui.visit(plan_path)
    expect(ui.page.get_by_text("Wskaźnik działania 2 powinien liczyć szkoły")).to_be_visible()
    ui.get_by_role("link", name=re.compile(r"^Zmień\s*: Sieć współpracy dyrektorów$")).click()
    ui.get_by_label("Wartość docelowa").fill("10")
    submit_and_wait(ui, "Zapisz działanie")
    submit_and_wait(ui, "Przekaż HDR doradcom do akceptacji")

    # Both advisors approve, each with their second factor.
    advisor_one.visit(plan_path)
    submit_and_wait(advisor_one, "Zatwierdzam HDR")
    expect(advisor_one.page.get_by_role("status")).to_contain_text("drugiego doradcy")
    advisor_two = second_window()
    sign_in_with_totp(advisor_two, second)
    advisor_two.visit(plan_path)
    expect(
        advisor_two.page.get_by_text("Piotr Doradca (doradca ds. personalnego rozwoju edukacji) zatwierdził(a)")
    ).to_be_visible()
    submit_and_wait(advisor_two, "Zatwierdzam HDR")
    expect(advisor_two.page.get_by_role("status")).to_contain_text("zatwierdzony przez obu doradców")
    plan = DevelopmentPlan.objects.get(engagement=engagement)
    assert plan.status == DevelopmentPlan.Status.APPROVED and plan.approved_version.number == 2

    # The team prepares the PDF, watches its progress page and downloads it.
    ui.visit(plan_path)
    submit_and_wait(ui, "Przygotuj PDF z HDR")
    expect(ui.page.get_by_role("status")).to_contain_text("gotowy")
    with ui.page.expect_download() as download_info:
        ui.get_by_role("link", name="Pobierz plik").first.click()
    saved = tmp_path / "hdr.pdf"
    download_info.value.save_as(saved)
    text = "".join(pdf_text(saved.read_bytes()).split())
    for expected in [
        engagement.local_government.display_name,
        engagement.chosen_areas.get().area.name,
        "Standardy pracy z uczniem zdolnym",
        "Sieć współpracy dyrektorów",
        "Harmonogram Działań Rozwojowych",
        "Zmiana dyrektorów szkół",  # Polish diacritics survive
    ]:
        assert "".join(expected.split()) in text, expected

    # Progress on an action and an indicator value; the roll-up shows on the plan.
    ui.visit(f"/karty-jst/{engagement.pk}/hdr/monitorowanie/")
    ui.get_by_role("link", name="Standardy pracy z uczniem zdolnym").click()
    ui.get_by_label("Stan realizacji").select_option("in_progress")
    ui.get_by_label("Postęp (%)").fill("50")
    submit_and_wait(ui, "Zapisz postęp")
    ui.get_by_label("Wartość", exact=True).fill("2")
    submit_and_wait(ui, "Zapisz pomiar")
    expect(ui.page.get_by_role("table", name="Pomiary wskaźnika")).to_contain_text("2")
    action = PlannedAction.objects.get(title="Standardy pracy z uczniem zdolnym")
    assert (action.status, action.progress, action.measurements.get().value) == ("in_progress", 50, "2")
    ui.visit(plan_path)
    expect(ui.page.get_by_text("postęp realizacji: 25%")).to_be_visible()  # (50 + 0) / 2
    ui.visit(f"/karty-jst/{engagement.pk}/hdr/monitorowanie/")
    expect(ui.page.locator("#postep-planu")).to_have_text("25%")


def test_versions_comparison_stale_save_and_lists_are_accessible(ui, people, second_window):
    """The pages the main path does not open: versions, comparison, a frozen version, the stale-save panel, a
    comment with an error, the advisor's lists. Axe checks each."""
    from apps.plans import services
    from apps.plans.tests.helpers import action_values, approve_by_both

    engagement, leader, advisors = people["engagement"], people["leader"], people["advisors"]
    plan = services.create_plan(engagement=engagement, by=leader)
    for priority in engagement.priorities.filter(is_selected=True):
        services.create_action(plan=plan, by=leader, **action_values(priority, plan, title=f"Działanie {priority.pk}"))
    plan = services.update_header(
        plan=plan,
        expected_version=plan.version,
        by=leader,
        period_start=plan.period_start,
        period_end=plan.period_end,
        directions="Kierunki",
    )
    services.create_risk(plan=plan, by=leader, risk="Ryzyko", mitigation="Reakcja")
    services.submit_plan(plan=plan, by=leader)
    approve_by_both(plan, advisors)
    services.start_new_version(plan=plan, by=leader)
    action = plan.actions.order_by("pk").first()
    plan_path = f"/karty-jst/{engagement.pk}/hdr/"

    browser_login(ui, leader.email, TEST_PASSWORD)
    ui.visit(plan_path + f"dzialania/{action.pk}/")
    # Someone else saves the same action while the form is open.
    services.update_action(
        action=action,
        expected_version=action.version,
        by=advisors[0],
        **action_values(action.priority, plan, title="Tytuł zapisany przez doradcę"),
    )
    ui.get_by_label("Działanie (co?)").fill("Tytuł zespołu")
    submit_and_wait(ui, "Zapisz działanie")
    expect(ui.page.get_by_role("alert")).to_contain_text("Ktoś zapisał zmiany w międzyczasie")
    expect(ui.page.get_by_role("table", name="Pola, które różnią się od zapisanej wersji")).to_contain_text(
        "Tytuł zapisany przez doradcę"
    )
    expect(ui.get_by_label("Działanie (co?)")).to_have_value("Tytuł zespołu")
    submit_and_wait(ui, "Zapisz moją wersję")
    ui.visit(plan_path + "wersje/")
    submit_and_wait(ui, "Porównaj")
    expect(ui.page.locator("h1")).to_contain_text("Porównanie wersji HDR")
    expect(ui.page.get_by_text("Tytuł zespołu").first).to_be_visible()
    ui.visit(plan_path + "wersje/1/")
    expect(ui.page.locator("h1")).to_contain_text("wersja 1")
    ui.visit(plan_path)
    ui.get_by_label("Czego dotyczy").select_option("risks")
    submit_and_wait(ui, "Dodaj komentarz")
    expect(ui.page.get_by_role("alert")).to_contain_text("Wpisz treść komentarza.")

    advisor = second_window()
    sign_in_with_totp(advisor, advisors[0])
    advisor.visit("/hdr/")
    expect(advisor.page.get_by_role("link", name=engagement.local_government.display_name)).to_be_visible()
    advisor.visit("/hdr/do-akceptacji/")
    expect(advisor.page.get_by_text("Nic nie czeka na Twoją akceptację.")).to_be_visible()
    advisor.visit(plan_path + "historia/")

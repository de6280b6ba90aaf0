"""Steps of the advisory cycle as a person does them in the browser, shared by the browser tests.

Each step takes the window (a ``CheckedPage``: axe runs on every page it opens) of the person who does it.
The engagement tests walk the first half (area → diagnosis → priorities → HDR stage), the plan tests the second
(HDR → review → approval → PDF → progress), and the full-cycle test walks both on one engagement.
"""

import re

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD
from apps.documents.pdf import pdf_text
from tests.browser.conftest import browser_login


def submit(window, name: str, *, exact: bool = True):
    window.get_by_role("button", name=name, exact=exact).click()
    window.page.wait_for_load_state("load")


def sign_in_with_totp(window, user):
    """Sign in through the login form and the second factor, typing the device's current code."""
    browser_login(window, user.email, TEST_PASSWORD)
    expect(window.page.locator("h1")).to_have_text("Weryfikacja dwuetapowa")
    device = TOTPDevice.objects.get(user=user)
    window.get_by_label("Kod z aplikacji").fill(f"{totp(device.bin_key):06d}")
    submit(window, "Potwierdź")
    expect(window.page.locator("h1")).to_have_text("Mój panel")


# --- Area, diagnosis, priorities -------------------------------------------------------------------------------


def open_card_from_dashboard(ui, jst: str):
    """The team member's dashboard names the next step and links to the JST's card, which is at stage 1."""
    expect(ui.page.locator("h1")).to_have_text("Mój panel")
    expect(ui.page.get_by_text("Wybierzcie obszar wsparcia z katalogu modelu")).to_be_visible()
    ui.get_by_role("link", name=f"Karta JST: {jst}").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text(jst)
    current = ui.page.locator('.stage-tracker li[aria-current="step"]')
    expect(current).to_contain_text("1. Wybór obszaru")
    expect(current).to_contain_text("bieżący etap")


def choose_area(ui, area: str, justification: str):
    """From the card: a missing reason is shown next to the field; then the choice is saved."""
    ui.get_by_role("link", name="Wybór obszaru").first.click()
    ui.page.wait_for_load_state("load")
    ui.get_by_label(area).check()
    submit(ui, "Zapisz wybór obszaru")
    expect(ui.page.get_by_role("alert")).to_contain_text("Napisz, dlaczego zespół wybrał ten obszar.")
    ui.check_accessibility()
    ui.get_by_label(area).check()
    ui.get_by_label("Uzasadnienie wyboru").fill(justification)
    submit(ui, "Zapisz wybór obszaru")
    expect(ui.page.get_by_text("Czeka na potwierdzenie doradcy.")).to_be_visible()


def confirm_area(advisor, jst: str, area: str):
    """A signed-in advisor finds the request among their JSTs and confirms; the card moves on to the diagnosis."""
    advisor.visit("/karty-jst/")
    expect(advisor.page.get_by_text(f"Potwierdź wybór obszaru ({area}).")).to_be_visible()
    advisor.get_by_role("link", name=f"{jst}: Potwierdź wybór obszaru ({area}).").click()
    advisor.page.wait_for_load_state("load")
    submit(advisor, "Potwierdzam wybór obszaru")
    expect(advisor.page.locator('.stage-tracker li[aria-current="step"]')).to_contain_text("2. Diagnoza potrzeb")
    advisor.check_accessibility()


def write_findings_at_the_same_time(ui, colleague, pk: int, *, ui_name: str) -> tuple[str, str]:
    """Two team members open the findings at once; the second save is refused with the first one's text shown and
    their own input kept; they merge both texts and save. Returns the two texts."""
    mine, theirs = "Brak planu wydatków na remonty szkół.", "Rosnące koszty dowozu uczniów."
    ui.visit(f"/karty-jst/{pk}/diagnoza/wnioski/")
    colleague.visit(f"/karty-jst/{pk}/diagnoza/wnioski/")
    ui.get_by_label("Problemy").fill(mine)
    colleague.get_by_label("Problemy").fill(theirs)
    submit(ui, "Zapisz diagnozę")
    expect(ui.page.get_by_text("Zapisano diagnozę potrzeb.")).to_be_visible()

    submit(colleague, "Zapisz diagnozę")
    conflict = colleague.page.get_by_role("alert")
    expect(conflict).to_contain_text("Ktoś zapisał zmiany w tym samym czasie")
    expect(conflict).to_contain_text(ui_name)
    expect(conflict).to_contain_text(mine)
    expect(colleague.get_by_label("Problemy")).to_have_value(theirs)
    colleague.check_accessibility()

    colleague.get_by_label("Problemy").fill(f"{mine}\n{theirs}")
    colleague.get_by_label("Potrzeby", exact=True).fill("Wieloletni plan finansowania oświaty.")
    colleague.get_by_label("Potrzeby popandemiczne").fill("Wsparcie psychologiczno-pedagogiczne.")
    submit(colleague, "Zapisz diagnozę")
    expect(colleague.page.get_by_text("Zapisano diagnozę potrzeb.")).to_be_visible()
    expect(colleague.page.get_by_text(theirs)).to_be_visible()
    colleague.check_accessibility()
    return mine, theirs


def add_figure(ui, pk: int):
    """A figure with its year and source; a bad number is explained next to the field."""
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


def choose_priorities(ui, pk: int, candidates: list[tuple[str, str, str]], goals: dict[str, str]):
    """Guided prioritisation: rated candidates (title, importance, feasibility), then the choice with a goal each
    (an empty choice and a missing goal are explained first)."""
    for title, importance, feasibility in candidates:
        ui.visit(f"/karty-jst/{pk}/priorytety/dodaj/")
        ui.get_by_label("Priorytet").fill(title)
        ui.get_by_label("Ważność (1–5)").fill(importance)
        ui.get_by_label("Wykonalność (1–5)").fill(feasibility)
        submit(ui, "Zapisz")
    first_title, first_importance, first_feasibility = candidates[0]
    score = str(int(first_importance) * int(first_feasibility))
    expect(ui.page.get_by_role("row", name=first_title)).to_contain_text(score)
    submit(ui, "Zapisz wybór priorytetów")
    expect(ui.page.get_by_role("alert")).to_contain_text("Wybierz co najmniej jeden priorytet rozwojowy.")
    ui.check_accessibility()
    for title in goals:
        ui.get_by_role("checkbox", name=title).check()
    submit(ui, "Zapisz wybór priorytetów")
    expect(ui.page.get_by_role("alert")).to_contain_text("Wpisz cel wybranego priorytetu.")
    for title, goal in goals.items():
        ui.get_by_role("checkbox", name=title).check()
        ui.get_by_label(f"Cel {title}").fill(goal)
    submit(ui, "Zapisz wybór priorytetów")
    expect(ui.page.get_by_text("Zapisano wybór priorytetów rozwojowych")).to_be_visible()


def move_on_to_the_hdr(ui, pk: int):
    """On to the HDR through the stage tracker."""
    ui.visit(f"/karty-jst/{pk}/")
    submit(ui, "Przejdź do etapu: 3. Harmonogram Działań Rozwojowych")
    expect(ui.page.get_by_text("Nowy etap: 3. Harmonogram Działań Rozwojowych.").first).to_be_visible()
    expect(ui.page.locator('.stage-tracker li[aria-current="step"]')).to_contain_text("3. Harmonogram")


# --- The HDR ---------------------------------------------------------------------------------------------------


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


def build_and_submit_plan(ui, plan_path: str, actions: list[tuple[int, str, object, object, str]], risk: str):
    """Start the HDR and plan ``actions`` (priority number, title, start, end, target); the first one is first
    saved with a non-numeric target, which the form explains while keeping the input. Then directions, a risk,
    the timeline view, and the plan goes to the advisors."""
    ui.visit(plan_path)
    submit(ui, "Rozpocznij HDR", exact=False)
    expect(ui.page.locator("h1")).to_contain_text("Harmonogram Działań Rozwojowych")
    for index, (priority, title, start, end, target) in enumerate(actions):
        ui.get_by_role("link", name=f"Dodaj działanie do priorytetu {priority}").click()
        if index == 0:
            fill_action(ui, title=title, start=start, end=end, target="dużo")
            submit(ui, "Zapisz działanie", exact=False)
            expect(ui.page.get_by_role("alert")).to_contain_text("wymaga wartości liczbowej")
            expect(ui.get_by_label("Działanie (co?)")).to_have_value(title)  # input kept
            ui.get_by_label("Wartość docelowa").fill(target)
        else:
            fill_action(ui, title=title, start=start, end=end, target=target)
        submit(ui, "Zapisz działanie", exact=False)
    ui.get_by_role("link", name="Opisz kierunki wdrożenia", exact=True).click()
    ui.get_by_label("Kierunki wdrożenia").fill("Najpierw standardy, potem sieć współpracy; wdrażają je dyrektorzy.")
    submit(ui, "Zapisz", exact=False)
    ui.get_by_role("link", name="Dodaj ryzyko", exact=True).click()
    ui.get_by_label("Ryzyko").fill(risk)
    ui.get_by_label("Sposób reagowania").fill("Wprowadzenie nowych dyrektorów przez sieć współpracy")
    submit(ui, "Zapisz ryzyko", exact=False)
    ui.get_by_role("link", name="Oś czasu działań").click()
    expect(ui.page.get_by_role("table", name="Działania HDR według miesięcy")).to_be_visible()
    ui.get_by_role("link", name="HDR", exact=True).click()
    submit(ui, "Przekaż HDR doradcom do akceptacji", exact=False)
    expect(ui.page.get_by_role("status")).to_contain_text("przekazano doradcom")


def request_changes(advisor, plan_path: str, request: str):
    """An advisor asks for changes (an empty request is explained first)."""
    advisor.visit(plan_path)
    expect(advisor.page.get_by_role("heading", name="Wersja 1 czeka na akceptację doradców")).to_be_visible()
    advisor.get_by_role("link", name="Poproś o poprawki").click()
    submit(advisor, "Poproś o poprawki", exact=False)
    expect(advisor.page.get_by_role("alert")).to_contain_text("Napisz, co zespół ma poprawić.")
    advisor.get_by_label("Co zespół ma poprawić").fill(request)
    submit(advisor, "Poproś o poprawki", exact=False)


def fix_target_and_resubmit(ui, plan_path: str, request: str, title: str, target: str):
    """The team reads the request, changes an action's indicator target and submits the plan again."""
    ui.visit(plan_path)
    expect(ui.page.get_by_text(request)).to_be_visible()
    ui.get_by_role("link", name=re.compile(rf"^Zmień\s*: {re.escape(title)}$")).click()
    ui.get_by_label("Wartość docelowa").fill(target)
    submit(ui, "Zapisz działanie", exact=False)
    submit(ui, "Przekaż HDR doradcom do akceptacji", exact=False)


def approve(advisor, plan_path: str, *, expected_status: str, earlier_approval: str = ""):
    """An advisor approves the submitted plan; ``earlier_approval`` is the other advisor's approval shown first."""
    advisor.visit(plan_path)
    if earlier_approval:
        expect(advisor.page.get_by_text(earlier_approval)).to_be_visible()
    submit(advisor, "Zatwierdzam HDR", exact=False)
    expect(advisor.page.get_by_role("status")).to_contain_text(expected_status)


def download_plan_pdf_text(ui, plan_path: str, tmp_path) -> str:
    """Prepare the PDF, watch its progress page, download it; its text with all whitespace removed."""
    ui.visit(plan_path)
    submit(ui, "Przygotuj PDF z HDR", exact=False)
    expect(ui.page.get_by_role("status")).to_contain_text("gotowy")
    with ui.page.expect_download() as download_info:
        ui.get_by_role("link", name="Pobierz plik").first.click()
    saved = tmp_path / "hdr.pdf"
    download_info.value.save_as(saved)
    return "".join(pdf_text(saved.read_bytes()).split())


def assert_in_pdf(text: str, expected: list[str]):
    for phrase in expected:
        assert "".join(phrase.split()) in text, phrase


def record_progress(ui, pk: int, title: str, *, progress: str, value: str):
    """Progress on an action and an indicator value, through the monitoring pages."""
    ui.visit(f"/karty-jst/{pk}/hdr/monitorowanie/")
    ui.get_by_role("link", name=title).click()
    ui.get_by_label("Stan realizacji").select_option("in_progress")
    ui.get_by_label("Postęp (%)").fill(progress)
    submit(ui, "Zapisz postęp", exact=False)
    ui.get_by_label("Wartość", exact=True).fill(value)
    submit(ui, "Zapisz pomiar", exact=False)
    expect(ui.page.get_by_role("table", name="Pomiary wskaźnika")).to_contain_text(value)


def expect_roll_up(ui, pk: int, percent: str):
    """The plan's progress rolled up from its actions, on the plan and on the monitoring page."""
    ui.visit(f"/karty-jst/{pk}/hdr/")
    expect(ui.page.get_by_text(f"postęp realizacji: {percent}")).to_be_visible()
    ui.visit(f"/karty-jst/{pk}/hdr/monitorowanie/")
    expect(ui.page.locator("#postep-planu")).to_have_text(percent)

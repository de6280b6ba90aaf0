"""The whole recruitment as people do it, in a browser, with axe on every page: the public call, an account, a draft
saved and resumed, submission, the three PDFs downloaded, a signed PDF uploaded (intact) and the same PDF altered
(broken), the organiser (with TOTP) recording a paper receipt for another JST, decisions, the public results and
the team's invitations."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, OrganisationFactory
from apps.accounts.models import Membership
from apps.catalog.services import ensure_initial_catalog
from apps.documents.pdf import pdf_text
from apps.documents.testing import make_signed_pdf
from apps.editions.factories import EditionFactory
from apps.recruitment.factories import SubmittedApplicationFactory
from apps.territory.factories import LocalGovernmentFactory, VoivodeshipFactory
from apps.territory.kinds import JstKind
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def call():
    today = timezone.localdate()
    ore = OrganisationFactory(name="Ośrodek Rozwoju Edukacji", slug="ore")
    edition = EditionFactory(
        organiser=ore,
        catalogue_version=ensure_initial_catalog(),
        name="Doradztwo dla JST 2026/2027",
        slug="doradztwo-2026",
        published=True,
        recruitment_opens_on=today - timedelta(days=5),
        recruitment_deadline=today + timedelta(days=10),
        results_date=today + timedelta(days=12),
        period_start=today + timedelta(days=30),
        period_end=today + timedelta(days=250),
        capacity=2,
        eligible_jst_kinds=[JstKind.RURAL_GMINA, JstKind.URBAN_RURAL_GMINA],
        contact_name="Piotr Matuszak",
        contact_email="nabor@ore.example.org",
    )
    dolnoslaskie = VoivodeshipFactory(code="02")
    jst = LocalGovernmentFactory(name="Bolesławiec", kind=JstKind.RURAL_GMINA, voivodeship=dolnoslaskie)
    other = SubmittedApplicationFactory(
        edition=edition,
        local_government=LocalGovernmentFactory(name="Gromadka", kind=JstKind.RURAL_GMINA, voivodeship=dolnoslaskie),
    )
    organiser = MembershipFactory(organisation=ore, role=Membership.Role.STAFF, user__email="olga@ore.example.org").user
    device = TOTPDevice.objects.create(user=organiser, name="telefon", confirmed=True)
    return {"edition": edition, "jst": jst, "other": other, "organiser": organiser, "device": device}


def save_and_continue(ui):
    ui.get_by_role("button", name="Zapisz i przejdź dalej").click()
    ui.page.wait_for_load_state("load")


def download(ui, link_name: str, tmp_path) -> bytes:
    with ui.page.expect_download() as info:
        ui.get_by_role("link", name=link_name).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()


def upload(ui, document: str, method: str, path):
    ui.get_by_role("link", name=f"Prześlij podpisany dokument: {document}").click()
    ui.get_by_label(method).check()
    ui.get_by_label("Plik PDF").set_input_files(str(path))
    ui.get_by_role("button", name="Prześlij dokument").click()
    ui.page.wait_for_load_state("load")


def test_from_the_public_call_to_the_teams_invitations(ui, call, tmp_path, mailoutbox):
    edition, jst = call["edition"], call["jst"]

    # The public call, reached from the list of calls.
    ui.visit("/nabory/")
    ui.get_by_role("link", name="Doradztwo dla JST 2026/2027").click()
    expect(ui.page.locator("h1")).to_have_text("Nabór: Doradztwo dla JST 2026/2027")
    expect(ui.page.get_by_text("decyduje data wpływu", exact=False).first).to_be_visible()

    # An account from the call page: usable once the link sent to the address is opened.
    ui.get_by_role("link", name="Załóż konto i wypełnij zgłoszenie").click()
    ui.get_by_label("Imię i nazwisko").fill("Wanda Wnioskodawca")
    ui.get_by_label("Adres e-mail").fill("wanda@boleslawiec.example.org")
    ui.get_by_label("Hasło", exact=True).fill("Zgloszenie-JST-2026")
    ui.get_by_label("Powtórz hasło").fill("Zgloszenie-JST-2026")
    ui.get_by_label("Zapoznałem(-am) się z informacją o przetwarzaniu danych osobowych").check()
    ui.get_by_role("button", name="Załóż konto").click()
    expect(ui.page.locator("h1")).to_have_text("Potwierdź adres e-mail")
    expect(ui.page.get_by_text("Wysłaliśmy wiadomość na adres wanda@boleslawiec.example.org")).to_be_visible()
    (confirmation,) = [m for m in mailoutbox if m.to == ["wanda@boleslawiec.example.org"]]
    ui.visit(path_in(confirmation.body, "/konto/potwierdz-adres/"))
    ui.get_by_role("button", name="Potwierdzam adres e-mail").click()
    expect(ui.page.locator("h1")).to_have_text("Nowe zgłoszenie JST")

    # The JST from the register.
    ui.get_by_label("JST, którą zgłaszasz").fill(jst.display_name)
    # As a person would: pick the JST from the suggestions, which closes the list (it would cover the button).
    ui.get_by_role("option").filter(has_text=jst.display_name).first.click()
    expect(ui.page.get_by_role("listbox")).to_be_hidden()
    expect(ui.get_by_label("JST, którą zgłaszasz")).to_have_value(jst.display_name)
    ui.get_by_role("button", name="Rozpocznij zgłoszenie").click()
    expect(ui.page.locator("h1")).to_have_text(f"Zgłoszenie: {jst.display_name}")
    expect(ui.page.get_by_text("Kompletne części: 0 z 5.")).to_be_visible()

    # The Karta zgłoszenia, section by section; a format error is explained and the input kept.
    ui.get_by_role("link", name="JST i jej adres").click()
    expect(ui.page.get_by_text("gmina wiejska").first).to_be_visible()  # the kind follows from the register
    ui.get_by_label("Ulica i numer (adres urzędu)").fill("ul. Heleny Modrzejewskiej 6")
    ui.get_by_label("Kod pocztowy").fill("59-70")
    ui.get_by_label("Miejscowość").fill("Bolesławiec")
    save_and_continue(ui)
    expect(ui.page.get_by_role("alert")).to_contain_text("Kod pocztowy ma postać 00-000")
    ui.check_accessibility()  # the form with its errors
    expect(ui.get_by_label("Ulica i numer (adres urzędu)")).to_have_value("ul. Heleny Modrzejewskiej 6")
    ui.get_by_label("Kod pocztowy").fill("59-700")
    save_and_continue(ui)

    expect(ui.page.locator("h1")).to_have_text("Kierownik JST i osoba podpisująca")
    expect(ui.get_by_label("wójt")).to_be_checked()
    ui.get_by_label("Imię i nazwisko kierownika JST").fill("Anna Nowak")
    save_and_continue(ui)

    expect(ui.page.locator("h1")).to_have_text("Osoba do kontaktu")
    expect(ui.get_by_label("Imię i nazwisko")).to_have_value("Wanda Wnioskodawca")
    ui.get_by_label("Telefon").fill("75 612 34 56")
    ui.get_by_role("button", name="Zapisz wersję roboczą").click()

    # Come back later: the draft is there.
    ui.visit("/zgloszenia/")
    ui.get_by_role("link", name=jst.display_name).click()
    expect(ui.page.get_by_text("Kompletne części: 3 z 5.")).to_be_visible()

    ui.get_by_role("link", name="Zespół JST").click()
    people = [
        ("Wanda Wnioskodawca", "Naczelnik Wydziału Oświaty", "wanda@boleslawiec.example.org"),
        ("Jan Kowalski", "Zastępca wójta", "jan.kowalski@boleslawiec.example.org"),
        ("Ewa Dyrektor", "Dyrektor szkoły", "ewa@sp1.example.org"),
    ]
    for number, (name, position, email) in enumerate(people, start=1):
        row = ui.page.get_by_role("group", name=f"Osoba {number}")
        row.get_by_label("Imię i nazwisko").fill(name)
        row.get_by_label("Stanowisko").fill(position)
        row.get_by_label("Adres e-mail").fill(email)
    ui.page.get_by_role("group", name="Osoba 1").get_by_label("Lider zespołu").check()
    ui.page.get_by_role("group", name="Osoba 2").get_by_label("Kadra zarządzająca (podejmuje decyzje)").check()
    director = ui.page.get_by_role("group", name="Osoba 3")
    director.get_by_label("Kim jest w zespole").select_option("school_director")
    director.get_by_label("Szkoła lub placówka").fill("Szkoła Podstawowa nr 1 w Kruszynie")
    save_and_continue(ui)

    expect(ui.page.locator("h1")).to_have_text("Motywacja i rozważane obszary")
    ui.get_by_label("Dlaczego JST chce wziąć udział w doradztwie?").fill(
        "Chcemy lepiej planować sieć szkół i budżet oświaty."
    )
    ui.get_by_label("Planowanie budżetowe").check()
    ui.get_by_role("button", name="Zapisz wersję roboczą").click()
    expect(ui.page.get_by_text("Kompletne części: 5 z 5.")).to_be_visible()

    # Submit: the three documents are prepared.
    ui.get_by_role("button", name="Złóż zgłoszenie").click()
    expect(ui.page.get_by_text("Zgłoszenie złożone.", exact=False)).to_be_visible()
    card = download(ui, "Pobierz PDF do podpisu: Karta zgłoszenia JST", tmp_path)
    assert "Ewa Dyrektor" in pdf_text(card)
    download(ui, "Pobierz PDF do podpisu: Oświadczenia", tmp_path)
    declaration = download(ui, "Pobierz PDF do podpisu: Deklaracja współpracy", tmp_path)
    assert "deklaruje współpracę" in pdf_text(declaration)

    # The declaration signed electronically: intact, and who signed it.
    signed = make_signed_pdf(declaration, "Anna Nowak")
    (tmp_path / "deklaracja-podpisana.pdf").write_bytes(signed)
    upload(
        ui,
        "Deklaracja współpracy",
        "PDF z podpisem elektronicznym (kwalifikowanym lub zaufanym)",
        tmp_path / "deklaracja-podpisana.pdf",
    )
    expect(ui.page.get_by_text("Przyjęto: Deklaracja współpracy.")).to_be_visible()
    declaration_box = ui.page.locator("section.document-status").nth(1)
    expect(declaration_box.get_by_text("podpis nienaruszony", exact=True)).to_be_visible()
    expect(declaration_box.get_by_text("Podpis nienaruszony; podpisał(a): Anna Nowak", exact=False)).to_be_visible()

    # The same signed PDF altered after signing: reported broken.
    tampered = signed[:7] + (b"6" if signed[7:8] != b"6" else b"5") + signed[8:]
    (tmp_path / "oswiadczenia-zmienione.pdf").write_bytes(tampered)
    upload(
        ui,
        "Oświadczenia",
        "PDF z podpisem elektronicznym (kwalifikowanym lub zaufanym)",
        tmp_path / "oswiadczenia-zmienione.pdf",
    )
    expect(ui.page.get_by_text("podpis jest naruszony", exact=False)).to_be_visible()
    statements_box = ui.page.locator("section.document-status").nth(2)
    expect(statements_box.get_by_text("podpis naruszony", exact=True)).to_be_visible()
    ui.get_by_role("button", name="Wyloguj").click()

    # The organiser signs in with the second factor.
    organiser = call["organiser"]
    browser_login(ui, organiser.email, TEST_PASSWORD)
    ui.get_by_label("Kod z aplikacji").fill(f"{totp(call['device'].bin_key):06d}")
    ui.get_by_role("button", name="Potwierdź").click()
    ui.page.wait_for_load_state("load")
    ui.visit(f"/organizator/edycje/{edition.slug}/")
    ui.get_by_role("link", name="Zgłoszenia, dokumenty i decyzje").click()
    expect(ui.page.get_by_text("Zakwalifikowane: 0 z 2 miejsc (wolne: 2).")).to_be_visible()

    # A paper receipt for the other JST.
    other = call["other"].local_government.display_name
    ui.get_by_role("link", name=other).click()
    ui.get_by_role("link", name="Zapisz wpływ dokumentu papierowego: Karta zgłoszenia JST").click()
    ui.get_by_label("Data wpływu").fill(timezone.localdate().isoformat())
    ui.get_by_role("button", name="Zapisz wpływ").click()
    expect(ui.page.get_by_text("Zapisano wpływ: Karta zgłoszenia JST", exact=False)).to_be_visible()
    expect(ui.page.get_by_text("wpłynął w terminie").first).to_be_visible()
    ui.get_by_label("wpisz na listę rezerwową").check()
    ui.get_by_role("button", name="Zapisz decyzję").click()
    expect(ui.page.get_by_text("Zapisano decyzję.")).to_be_visible()

    # Our JST: its documents are incomplete, so qualifying needs an explicit override.
    ui.get_by_role("link", name="Nabór", exact=True).click()
    ui.get_by_role("link", name=jst.display_name).click()
    expect(ui.page.get_by_text("Podpis naruszony: dokument zmieniono po podpisaniu", exact=False)).to_be_visible()
    ui.get_by_label("zakwalifikuj").check()
    ui.get_by_role("button", name="Zapisz decyzję").click()
    expect(ui.page.get_by_role("alert")).to_contain_text("niekompletne lub wpłynęły po terminie")
    ui.check_accessibility()
    ui.get_by_label("zakwalifikuj").check()
    ui.get_by_label("Kwalifikuję mimo niekompletnych lub spóźnionych dokumentów").check()
    ui.get_by_role("button", name="Zapisz decyzję").click()
    expect(ui.page.get_by_text("Zapisano decyzję.")).to_be_visible()

    # Results: published, public, and the team invited.
    ui.get_by_role("link", name="Nabór", exact=True).click()
    mailoutbox.clear()
    # Publishing e-mails everyone: a page says what will happen first.
    ui.get_by_role("link", name="Opublikuj wyniki naboru").click()
    expect(ui.page.locator("h1")).to_have_text("Publikacja wyników naboru: Doradztwo dla JST 2026/2027")
    expect(ui.page.get_by_text("liczba wiadomości: 2", exact=False)).to_be_visible()
    expect(ui.page.get_by_text(f"{jst.display_name} (zespół: 3)")).to_be_visible()
    assert mailoutbox == []
    ui.get_by_role("button", name="Publikuję wyniki i wysyłam wiadomości").click()
    expect(ui.page.get_by_text("Wyniki opublikowano.", exact=False)).to_be_visible()
    ui.visit(f"/nabory/{edition.slug}/wyniki/")
    expect(ui.page.get_by_role("row", name=f"{jst.display_name} dolnośląskie")).to_be_visible()
    expect(ui.page.get_by_text(other)).to_have_count(0)  # the reserve list is not published

    # The team: everyone gets a one-time link, the applicant too (an account joins only through its own mailbox).
    team_mail = {m.to[0]: m for m in mailoutbox if "zespołu JST" in m.subject}
    assert {email: m.subject for email, m in team_mail.items()} == {
        "wanda@boleslawiec.example.org": f"Zaproszenie do zespołu JST: {jst.display_name}",
        "jan.kowalski@boleslawiec.example.org": f"Zaproszenie do zespołu JST: {jst.display_name}",
        "ewa@sp1.example.org": f"Zaproszenie do zespołu JST: {jst.display_name}",
    }
    results = {m.to[0] for m in mailoutbox if m.subject.startswith("Wynik naboru")}
    assert results == {"wanda@boleslawiec.example.org", call["other"].applicant.email}

    # The applicant opens her team invitation, signs in and accepts: the JST's card is hers to see.
    ui.get_by_role("button", name="Wyloguj").click()
    ui.visit(path_in(team_mail["wanda@boleslawiec.example.org"].body, "/konto/zaproszenie/"))
    ui.get_by_role("link", name="Zaloguj się, aby przyjąć zaproszenie").click()
    ui.get_by_label("Adres e-mail").fill("wanda@boleslawiec.example.org")
    ui.get_by_label("Hasło").fill("Zgloszenie-JST-2026")
    ui.get_by_role("button", name="Zaloguj się").last.click()
    ui.get_by_role("button", name="Przyjmij zaproszenie").click()
    expect(ui.page.get_by_text("Zaproszenie przyjęte.", exact=False)).to_be_visible()
    ui.visit("/karty-jst/")
    expect(ui.page.get_by_role("link", name=jst.display_name).first).to_be_visible()


def path_in(body: str, prefix: str) -> str:
    """The path of the first link in an e-mail that starts with ``prefix`` (links carry SITE_URL, not the live
    server's address)."""
    match = re.search(re.escape(prefix) + r"\S+", body)
    assert match, body
    return match.group(0)


def log_in(ui, user):
    """Reuse a test client's session (second factor passed) in the browser."""
    from django.conf import settings
    from django.test import Client

    from apps.core.testing import sign_in

    client = Client()
    sign_in(client, user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    ui.page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": ui.base_url}])


def test_the_organisers_pages_and_their_errors(ui, call, tmp_path):
    from apps.documents.testing import make_pdf
    from apps.recruitment import services

    edition, other = call["edition"], call["other"]
    for status in ["submitted", "reserve", "rejected"]:
        SubmittedApplicationFactory(edition=edition, status=status, reserve_rank=1 if status == "reserve" else None)
    services.add_note(application=other, text="Zadzwonić do urzędu w sprawie dyrektora.", by=call["organiser"])
    log_in(ui, call["organiser"])

    ui.visit(f"/organizator/edycje/{edition.slug}/nabor/")
    expect(ui.page.get_by_role("table", name="Zgłoszenia według grupy warsztatowej")).to_be_visible()
    ui.get_by_label("Stan").select_option("reserve")
    ui.get_by_role("button", name="Filtruj").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_text("Liczba wyników: 1.")).to_be_visible()

    # The call's settings: an unknown placeholder is refused next to the field, the text kept.
    ui.visit(f"/organizator/edycje/{edition.slug}/nabor/ustawienia/")
    ui.get_by_label("Treść Oświadczeń").fill("Oświadczam w imieniu {gmina}.")
    ui.get_by_role("button", name="Zapisz ustawienia naboru").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_role("alert")).to_contain_text("{gmina}")
    ui.check_accessibility()
    expect(ui.get_by_label("Treść Oświadczeń")).to_have_value("Oświadczam w imieniu {gmina}.")
    ui.get_by_label("Adres do przesyłki dokumentów papierowych").fill("ORE, ul. Polna 46 A, 00-644 Warszawa")
    ui.get_by_label("Treść Oświadczeń").fill("Oświadczam w imieniu {jst}.")
    ui.get_by_role("button", name="Zapisz ustawienia naboru").click()
    expect(ui.page.get_by_text("Zapisano ustawienia naboru.")).to_be_visible()

    # Attachments: a file that is not a PDF is refused; a PDF appears on the public call page.
    ui.visit(f"/organizator/edycje/{edition.slug}/nabor/zalaczniki/")
    (tmp_path / "regulamin.pdf").write_bytes(b"To nie jest PDF")
    ui.get_by_label("Tytuł załącznika").fill("Regulamin uczestnictwa")
    ui.get_by_label("Plik PDF").set_input_files(str(tmp_path / "regulamin.pdf"))
    ui.get_by_role("button", name="Dodaj załącznik").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_role("alert")).to_contain_text("nie jest dokumentem PDF")
    ui.check_accessibility()
    (tmp_path / "regulamin.pdf").write_bytes(make_pdf("Regulamin uczestnictwa w doradztwie"))
    ui.get_by_label("Plik PDF").set_input_files(str(tmp_path / "regulamin.pdf"))
    ui.get_by_role("button", name="Dodaj załącznik").click()
    expect(ui.page.get_by_text("Dodano załącznik", exact=False)).to_be_visible()
    ui.visit(f"/nabory/{edition.slug}/")
    expect(ui.page.get_by_role("link", name="Regulamin uczestnictwa")).to_be_visible()
    expect(ui.page.get_by_text("ORE, ul. Polna 46 A, 00-644 Warszawa", exact=False)).to_be_visible()

    # An application: a receipt date in the future is refused; notes and history.
    ui.visit(f"/organizator/edycje/{edition.slug}/nabor/zgloszenia/{other.pk}/")
    expect(ui.page.get_by_text("Zadzwonić do urzędu w sprawie dyrektora.")).to_be_visible()
    ui.get_by_role("link", name="Zapisz wpływ dokumentu papierowego: Oświadczenia").click()
    ui.get_by_label("Data wpływu").fill((timezone.localdate() + timedelta(days=3)).isoformat())
    ui.get_by_role("button", name="Zapisz wpływ").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_role("alert")).to_contain_text("z przyszłości")
    ui.check_accessibility()
    ui.visit(f"/organizator/edycje/{edition.slug}/nabor/zgloszenia/{other.pk}/historia/")
    expect(ui.page.get_by_text("Dodano notatkę wewnętrzną")).to_be_visible()

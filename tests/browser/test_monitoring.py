"""EU participant monitoring in a browser: a participant types a wrong PESEL and is told why, then gives their data
after reading the information clause; the organiser's monitoring officer sees who still has gaps, the PESEL masked
and shown on request, downloads the SM EFS file, and exports the team members list choosing its columns. Axe and
the reflow checks (1280 and 320 px) run on every page."""

import csv
import io

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.audit.models import AuditEntry
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.events.factories import EventFactory, RegistrationFactory
from apps.events.models import CheckIn
from apps.monitoring import smefs
from apps.monitoring.factories import VALID_PESELS, MonitoringSettingsFactory
from apps.monitoring.models import MonitoringAccess, ParticipantData
from tests.browser import steps
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def project():
    edition = MonitoringSettingsFactory().edition
    engagement = EngagementFactory(edition=edition)
    event = EventFactory(planned_event__edition=edition)
    people = []
    for name, email in [("Anna Uczestniczka", "anna@gmina.example"), ("Jan Spóźniony", "jan@gmina.example")]:
        member = TeamMemberFactory(engagement=engagement, user=UserFactory(full_name=name, email=email), full_name=name)
        registration = RegistrationFactory(
            event=event, user=member.user, team_member=member, engagement=engagement, workshop_group=""
        )
        CheckIn.objects.create(registration=registration, day=event.planned_event.starts_on)
        people.append(member)
    officer = MembershipFactory(
        organisation=edition.organiser,
        role=Membership.Role.STAFF,
        user=UserFactory(full_name="Olga Monitorująca", email="monitoring@example.org"),
    ).user
    MonitoringAccess.objects.create(organisation=edition.organiser, user=officer)
    TOTPDevice.objects.create(user=officer, name="telefon", confirmed=True)
    return {"edition": edition, "people": people, "officer": officer}


def test_participant_data_from_entry_to_the_sm_efs_file(ui, project, other_window, tmp_path):
    edition, (anna, _jan), officer = project["edition"], project["people"], project["officer"]

    # The participant follows the card on their dashboard to the entry page.
    browser_login(ui, anna.user.email, TEST_PASSWORD)
    ui.get_by_role("link", name="Dane do monitorowania projektu UE").click()
    ui.page.wait_for_load_state("load")
    ui.get_by_role("link", name=edition.name).click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("blockquote")).to_contain_text("Administratorem danych")
    ui.get_by_role("textbox", name="PESEL").fill("85031412348")
    ui.get_by_label("Wykształcenie").select_option(label="Wyższe (ISCED 5-8)")
    steps.submit(ui, "Zapisz dane")
    expect(ui.page.locator(".field-error").first).to_be_visible()
    expect(ui.page.get_by_text("cyfra kontrolna się nie zgadza").first).to_be_visible()
    assert not ParticipantData.objects.exists()
    ui.get_by_role("textbox", name="PESEL").fill(VALID_PESELS[0])
    ui.get_by_label("Status na rynku pracy w chwili przystąpienia do projektu").select_option(
        label="Osoba pracująca w administracji samorządowej"
    )
    for label in ("Osoba z niepełnosprawnościami", "Osoba obcego pochodzenia", "Obywatel państwa trzeciego"):
        ui.get_by_label(label).select_option(label="Nie")
    ui.get_by_label("Osoba należąca do mniejszości", exact=False).select_option(label="Odmowa podania informacji")
    ui.get_by_label("Osoba w kryzysie bezdomności", exact=False).select_option(label="Nie")
    ui.get_by_label("Zapoznałem(-am) się z klauzulą informacyjną powyżej").check()
    steps.submit(ui, "Zapisz dane")
    expect(ui.page.get_by_text("Zapisano dane do monitorowania.")).to_be_visible()
    assert ParticipantData.objects.get(team_member=anna).sex == "K"

    # The monitoring officer: who has gaps, the PESEL masked, shown once on request, the SM EFS file.
    officer_window = other_window()
    steps.sign_in_with_totp(officer_window, officer)
    officer_window.get_by_role("link", name="Monitorowanie UE").first.click()
    officer_window.page.wait_for_load_state("load")
    officer_window.get_by_role("link", name="braki").click()
    officer_window.page.wait_for_load_state("load")
    rows = officer_window.page.locator("tbody tr")
    expect(rows).to_have_count(2)  # Anna's JST has no NIP/REGON yet; Jan gave nothing
    expect(rows.filter(has_text="Jan Spóźniony")).to_contain_text("brak danych do monitorowania")
    expect(rows.filter(has_text="Anna Uczestniczka")).to_contain_text("NIP instytucji")

    officer_window.get_by_role("link", name="Uczestnicy").first.click()
    officer_window.page.wait_for_load_state("load")
    expect(officer_window.page.get_by_text("•••••••••47")).to_be_visible()
    assert VALID_PESELS[0] not in officer_window.page.content()
    officer_window.get_by_role("button", name="Pokaż PESEL: Anna Uczestniczka").click()
    officer_window.page.wait_for_load_state("load")
    expect(officer_window.page.get_by_text(VALID_PESELS[0])).to_be_visible()
    assert AuditEntry.objects.filter(action="monitoring.pesel_revealed", actor=officer).count() == 1

    officer_window.get_by_role("link", name="Wróć do listy uczestników").click()
    officer_window.page.wait_for_load_state("load")
    with officer_window.page.expect_download() as download_info:
        officer_window.get_by_role("link", name="Eksport uczestników do SM EFS (CSV)").click()
    saved = tmp_path / "uczestnicy.csv"
    download_info.value.save_as(saved)
    header, *lines = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert header == smefs.PARTICIPANT_HEADERS
    anna_row = next(dict(zip(header, line, strict=True)) for line in lines if line[3] == "Anna")
    assert anna_row["PESEL"] == VALID_PESELS[0] and anna_row["Płeć"] == "Kobieta"

    # Every list exportable: the team members, with the columns the officer picks.
    officer_window.visit(f"/organizator/edycje/{edition.slug}/zespoly/eksport/")
    officer_window.get_by_label("Stanowisko").uncheck()
    officer_window.get_by_label("E-mail").uncheck()
    officer_window.get_by_label("CSV").check()
    with officer_window.page.expect_download() as download_info:
        officer_window.get_by_role("button", name="Pobierz").click()
    saved = tmp_path / "zespoly.csv"
    download_info.value.save_as(saved)
    header, *lines = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert header == ["JST", "Imię i nazwisko", "Rodzaj", "Lider zespołu"] and len(lines) == 2
    # The choice is remembered the next time.
    officer_window.visit(f"/organizator/edycje/{edition.slug}/zespoly/eksport/")
    expect(officer_window.get_by_label("Stanowisko")).not_to_be_checked()
    expect(officer_window.get_by_label("Imię i nazwisko")).to_be_checked()

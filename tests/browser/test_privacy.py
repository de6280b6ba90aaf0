"""A person's own data and its erasure in a browser: a team member downloads their data (the ZIP holds their
application, registration and message) and asks for erasure → the organiser's staff see the one-month deadline and
approve → the person can no longer sign in, their name is gone from the pages and the export, the HDR shows
"były uczestnik" for their comment, the audit history keeps every entry. axe checks every page at 1280 and 320 px."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.audit.models import AuditEntry
from apps.audit.services import record
from apps.documents.list_exports import export_query
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.events.factories import RegistrationFactory
from apps.messaging.factories import MessageFactory
from apps.plans.factories import DevelopmentPlanFactory
from apps.plans.models import PlanComment
from apps.privacy.models import DataRequest
from apps.recruitment import exports
from apps.recruitment.factories import ApplicationFactory
from tests.browser import steps
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "Zofia Prywatna"
EMAIL = "zofia.prywatna@alfa.example"


@pytest.fixture
def world():
    engagement = EngagementFactory(local_government__name="Alfa")
    person = UserFactory(full_name=NAME, email=EMAIL)
    colleague = UserFactory(full_name="Tomasz Kolega", email="tomasz@alfa.example")
    TeamMemberFactory(engagement=engagement, user=person, full_name=NAME, email=EMAIL, is_leader=True)
    TeamMemberFactory(engagement=engagement, user=colleague, full_name=colleague.full_name, email=colleague.email)
    ApplicationFactory(applicant=person, edition=engagement.edition, contact_name=NAME, contact_email=EMAIL)
    RegistrationFactory(user=person, event__planned_event__edition=engagement.edition)
    MessageFactory(engagement=engagement, author=person, body="Prośba o przesunięcie warsztatu")
    MessageFactory(engagement=engagement, author=colleague, body="Odpowiedź kolegi")
    plan = DevelopmentPlanFactory(engagement=engagement)
    PlanComment.objects.create(
        plan=plan, section=PlanComment.Section.HEADER, author=person, author_label=NAME, text="Uwaga Zofii do HDR"
    )
    record(actor=person, action="plan.comment_added", target=plan, changes={"text": "Uwaga Zofii do HDR"})
    staff = MembershipFactory(organisation=engagement.edition.organiser, role=Membership.Role.STAFF).user
    TOTPDevice.objects.create(user=staff, name="telefon", confirmed=True)
    return {"engagement": engagement, "person": person, "staff": staff, "plan": plan}


def test_a_team_member_downloads_their_data_asks_for_erasure_and_is_anonymised(ui, world, other_window):
    engagement = world["engagement"]

    # The team member downloads their data from the account page.
    browser_login(ui, EMAIL, TEST_PASSWORD)
    ui.visit("/konto/")
    ui.get_by_role("link", name="Pobierz swoje dane lub złóż wniosek (RODO)").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text("Moje dane osobowe")
    with ui.page.expect_download() as download_info:
        ui.get_by_role("link", name="Pobierz moje dane (ZIP)").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    data = json.loads(archive.read("dane.json"))
    titles = {section["title"]: section["rows"] for section in data["sections"]}
    assert titles["Karty zgłoszenia (złożone przez Ciebie)"]
    assert titles["Zgłoszenia na wydarzenia"]
    assert [row["body"] for row in titles["Twoje wiadomości"]] == ["Prośba o przesunięcie warsztatu"]
    assert "Tomasz Kolega" not in archive.read("dane.json").decode()
    assert "index.html" in archive.namelist()

    # ... and asks for erasure.
    ui.get_by_label("usunięcie danych").check()
    ui.get_by_label("Opis").fill("Proszę o usunięcie moich danych.")
    steps.submit(ui, "Złóż wniosek")
    request = DataRequest.objects.get(user=world["person"])
    due = request.due_on.strftime("%d.%m.%Y")
    expect(ui.page.get_by_text(f"Odpowiedź otrzymasz do {due}.")).to_be_visible()

    # The organiser's staff see the deadline and approve.
    staff = other_window()
    steps.sign_in_with_totp(staff, world["staff"])
    staff.visit(f"/organizatorzy/{engagement.edition.organiser.slug}/wnioski-rodo/")
    row = staff.page.get_by_role("row").filter(has_text=NAME)
    expect(row).to_contain_text(due)
    expect(row).to_contain_text("czeka na odpowiedź")
    staff.get_by_role("link", name=f"#{request.pk} usunięcie danych").click()
    staff.page.wait_for_load_state("load")
    expect(staff.page.locator(".details")).to_contain_text(f"{due} (zostało {request.days_left} dni)")
    history_before = AuditEntry.objects.count()
    staff.get_by_label("realizuję wniosek").check()
    staff.get_by_label("Odpowiedź dla osoby").fill("Dane usunięto; dokumenty projektu zachowano bez nazwiska.")
    steps.submit(staff, "Zapisz odpowiedź")
    expect(staff.page.get_by_text("Odpowiedź zapisana i wysłana.")).to_be_visible()

    # The person's browser is signed out and cannot sign in again.
    ui.visit("/konto/")
    expect(ui.page.locator("h1")).to_have_text("Logowanie")
    browser_login(ui, EMAIL, TEST_PASSWORD)
    expect(ui.page.get_by_text("Nieprawidłowy adres e-mail lub hasło", exact=False)).to_be_visible()

    # Their name is gone from the pages, the HDR keeps their comment as "były uczestnik", the history is whole.
    plan_path = f"/karty-jst/{engagement.pk}/hdr/"
    for path in [
        f"/karty-jst/{engagement.pk}/",
        f"/karty-jst/{engagement.pk}/zespol/",
        plan_path,
        f"/karty-jst/{engagement.pk}/historia/",
        f"/organizatorzy/{engagement.edition.organiser.slug}/wnioski-rodo/",
    ]:
        staff.visit(path)
        content = staff.page.content()
        assert NAME not in content and EMAIL not in content, path
    staff.visit(plan_path)
    expect(staff.page.get_by_text("Uwaga Zofii do HDR")).to_be_visible()
    expect(staff.page.locator(".comment-meta").first).to_contain_text("były uczestnik")
    assert AuditEntry.objects.count() >= history_before + 2  # nothing removed; the answer and the erasure added
    assert AuditEntry.objects.filter(action="plan.comment_added", actor=world["person"]).exists()
    # The recruitment desk's export (the one list exporter since badca56: its query string picks CSV).
    response = staff.page.request.get(
        f"{staff.base_url}/organizator/edycje/{engagement.edition.slug}/nabor/eksport/?"
        + export_query(exports.APPLICATIONS, "csv")
    )
    assert response.ok
    export = response.body().decode("utf-8-sig")
    assert NAME not in export and EMAIL not in export

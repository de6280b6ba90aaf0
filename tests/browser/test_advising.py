"""Advisory work in a browser as the people do it: an advisor proposes dates, the team leader accepts one and
everybody gets the invitation; the visit is recorded with two agreed tasks, the second advisor confirms it and the
tasks are on the team's dashboard; a remote session is logged; the leader and the advisor exchange messages (e-mail,
unread count); the advisor submits the month's time sheet, the
organiser approves it and the XLSX has the hours. Four people in four browser contexts; axe checks every page."""

import datetime
import io

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.advising.factories import advised_engagement
from apps.advising.models import TimeEntry, TimeSheet
from tests.browser import steps
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _tuesday(weeks: int) -> datetime.date:
    today = datetime.date.today()
    return today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=1, weeks=weeks)


@pytest.fixture
def people():
    leader = UserFactory(full_name="Anna Liderka", email="liderka@gmina.example")
    advisors = [
        UserFactory(full_name="Piotr Doradca", email="doradca.rozwoj@example.org"),
        UserFactory(full_name="Zofia Doradczyni", email="doradca.zarzadzanie@example.org"),
    ]
    engagement = advised_engagement(leader=leader, advisors=advisors)
    staff = MembershipFactory(
        organisation=engagement.edition.organiser,
        role=Membership.Role.STAFF,
        user=UserFactory(full_name="Olga Organizatorka", email="organizator@example.org"),
    ).user
    for user in [*advisors, staff]:
        TOTPDevice.objects.create(user=user, name="telefon", confirmed=True)
    return {"leader": leader, "advisors": advisors, "engagement": engagement, "staff": staff}


def test_from_dates_to_an_approved_time_sheet(ui, people, other_window, mailoutbox, tmp_path):
    engagement, (first, second) = people["engagement"], people["advisors"]
    jst = engagement.local_government.display_name
    visits_path = f"/karty-jst/{engagement.pk}/spotkania/"
    start = _tuesday(-3)

    # The advisor proposes two spans of two days for visit 1.
    advisor = other_window()
    steps.sign_in_with_totp(advisor, first)
    advisor.visit(visits_path)
    advisor.get_by_role("link", name="Zaproponuj terminy").first.click()
    advisor.page.wait_for_load_state("load")
    advisor.get_by_label("Termin 1: pierwszy dzień").fill(str(start))
    advisor.get_by_label("Termin 1: ostatni dzień").fill(str(start + datetime.timedelta(days=1)))
    far = engagement.edition.period_end + datetime.timedelta(days=30)
    advisor.get_by_label("Termin 2: pierwszy dzień").fill(str(far))
    advisor.get_by_label("Termin 2: ostatni dzień").fill(str(far))
    steps.submit(advisor, "Wyślij propozycje")
    expect(advisor.page.get_by_role("alert")).to_contain_text("poza okresem realizacji edycji")
    advisor.check_accessibility()
    second_start = start + datetime.timedelta(days=7)
    advisor.get_by_label("Termin 2: pierwszy dzień").fill(str(second_start))
    advisor.get_by_label("Termin 2: ostatni dzień").fill(str(second_start + datetime.timedelta(days=1)))
    steps.submit(advisor, "Wyślij propozycje")
    expect(advisor.page.get_by_text("Wysłano propozycje terminów")).to_be_visible()

    # The team leader accepts the first one; both advisors and the team get the invitation.
    browser_login(ui, people["leader"].email, TEST_PASSWORD)
    ui.visit(visits_path)
    ui.get_by_role("link", name="Szczegóły").first.click()
    ui.page.wait_for_load_state("load")
    ui.get_by_role("button", name="Przyjmij termin").first.click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_text("Termin uzgodniony.")).to_be_visible()
    invitation = [m for m in mailoutbox if m.attachments][-1]
    assert {first.email, second.email, people["leader"].email} <= set(invitation.to)
    assert "METHOD:REQUEST" in invitation.attachments[0][1]

    # The advisor records the visit with two agreed tasks and both advisors' hours.
    advisor.visit(visits_path)
    advisor.get_by_role("link", name="Szczegóły").first.click()
    advisor.page.wait_for_load_state("load")
    advisor.get_by_role("link", name="Napisz sprawozdanie").click()
    advisor.page.wait_for_load_state("load")
    advisor.get_by_label("Anna Liderka").check()
    advisor.get_by_label("Tematy").fill("Diagnoza potrzeb i priorytety")
    advisor.get_by_label("Zadanie 1: co").fill("Zebrać dane SIO o szkołach")
    advisor.get_by_label("Zadanie 1: kto").fill("Anna Liderka")
    advisor.get_by_label("Zadanie 2: co").fill("Przygotować ankietę dla dyrektorów")
    advisor.get_by_label("Zadanie 2: kto").fill("Zespół")
    advisor.get_by_label("Godziny: Piotr Doradca").fill("12")
    advisor.get_by_label("Godziny: Zofia Doradczyni").fill("10,5")
    steps.submit(advisor, "Zapisz sprawozdanie")
    expect(advisor.page.get_by_text("Zapisano sprawozdanie.")).to_be_visible()

    # The second advisor confirms it.
    colleague = other_window()
    steps.sign_in_with_totp(colleague, second)
    colleague.visit(visits_path)
    colleague.get_by_role("link", name="Szczegóły").first.click()
    colleague.page.wait_for_load_state("load")
    steps.submit(colleague, "Potwierdź sprawozdanie")
    expect(colleague.page.get_by_text("Sprawozdanie potwierdzone i zamrożone.")).to_be_visible()

    # The tasks are on the team's dashboard.
    ui.visit("/panel/")
    expect(ui.page.get_by_text(f"Uzgodnione zadania: {jst}")).to_be_visible()
    expect(ui.page.get_by_text("Zebrać dane SIO o szkołach")).to_be_visible()

    # The advisor logs a remote session from the quick form.
    advisor.visit("/doradztwo/sesje-zdalne/nowa/")
    advisor.get_by_label("JST").select_option(label=jst)
    advisor.get_by_label("Data").fill(str(start + datetime.timedelta(days=1)))
    advisor.get_by_label("Czas trwania (minuty)").fill("60")
    advisor.get_by_label("Kanał").select_option(label="spotkanie wideo")
    advisor.get_by_label("Tematy").fill("Wskaźniki HDR")
    advisor.get_by_label("Godziny: Piotr Doradca").fill("1")
    steps.submit(advisor, "Zapisz sesję")
    expect(advisor.page.get_by_text("Zapisano sesję doradztwa zdalnego.")).to_be_visible()

    # The leader asks about the next visit in the JST's thread: the advisor is told by e-mail and sees it unread.
    ui.visit(f"/karty-jst/{engagement.pk}/wiadomosci/")
    question = "Czy drugie spotkanie może być w starostwie?"
    ui.get_by_label("Treść wiadomości").fill(question)
    steps.submit(ui, "Wyślij wiadomość")
    expect(ui.page.get_by_text("Wysłano wiadomość.")).to_be_visible()
    assert any(first.email in m.to and question in m.body for m in mailoutbox)
    advisor.visit("/panel/")
    expect(advisor.page.get_by_role("link", name=f"Wiadomości: {jst}")).to_be_visible()
    expect(advisor.page.get_by_text("1 nieprzeczytana wiadomość.")).to_be_visible()
    advisor.visit(f"/karty-jst/{engagement.pk}/wiadomosci/")
    advisor.get_by_label("Treść wiadomości").fill("Tak, zaproponuję terminy.")
    steps.submit(advisor, "Wyślij wiadomość")
    expect(advisor.page.get_by_text("Wysłano wiadomość.")).to_be_visible()
    assert any(people["leader"].email in m.to and "zaproponuję" in m.body for m in mailoutbox)

    # The advisor submits the month's time sheet.
    month = start.replace(day=1)
    advisor.visit(f"/doradztwo/czas-pracy/?miesiac={month:%Y-%m}")
    steps.submit(advisor, "Przekaż kartę do akceptacji")
    expect(advisor.page.get_by_text("Karta czasu pracy przekazana do akceptacji.")).to_be_visible()
    sheet = TimeSheet.objects.get(advisor=first, month=month)

    # The organiser approves it and downloads the XLSX.
    organiser = other_window()
    steps.sign_in_with_totp(organiser, people["staff"])
    organiser.visit(f"/organizator/edycje/{engagement.edition.slug}/godziny/")
    organiser.get_by_role("link", name=f"Piotr Doradca, {month:%m.%Y}").click()
    organiser.page.wait_for_load_state("load")
    steps.submit(organiser, "Zatwierdź kartę")
    expect(organiser.page.get_by_text("Karta czasu pracy zatwierdzona i zablokowana.")).to_be_visible()
    sheet.refresh_from_db()
    assert sheet.state == TimeSheet.State.APPROVED
    with organiser.page.expect_download() as download_info:
        organiser.get_by_role("link", name="Pobierz kartę (XLSX)").click()
    saved = tmp_path / "karta.xlsx"
    download_info.value.save_as(saved)

    from openpyxl import load_workbook

    rows = list(load_workbook(io.BytesIO(saved.read_bytes())).active.iter_rows(values_only=True))
    end = (month + datetime.timedelta(days=32)).replace(day=1)
    expected = sum(e.hours for e in TimeEntry.objects.filter(advisor=first, on__gte=month, on__lt=end))
    assert float(rows[-1][-1]) == float(expected) and expected >= 12
    organiser.visit(f"/organizator/edycje/{engagement.edition.slug}/spotkania/")
    expect(organiser.page.get_by_role("link", name=jst)).to_be_visible()

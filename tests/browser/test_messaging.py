"""The message thread in a browser: a team member writes (with a file, a wrong file first) → the advisor gets the
e-mail, sees the unread count on their dashboard and on the karta JST → opens the thread and replies quoting the
message → the team member sees the reply with its quote and searches the thread without diacritics. The
organiser's staff see only the thread's activity on the karta JST. axe checks every page at 1280 and 320 px."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.engagements.factories import AdvisorAssignmentFactory, EngagementFactory, TeamMemberFactory
from apps.engagements.models import AdvisorAssignment
from apps.messaging.models import Message
from tests.browser import steps
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people():
    leader = UserFactory(full_name="Anna Liderka", email="liderka@powiat.example")
    advisor = UserFactory(full_name="Piotr Doradca", email="doradca.rozwoj@example.org")
    partner = UserFactory(full_name="Zofia Doradczyni", email="doradca.zarzadzanie@example.org")
    engagement = EngagementFactory(local_government__name="Bolesławiec")
    TeamMemberFactory(engagement=engagement, user=leader, is_leader=True)
    AdvisorAssignmentFactory(engagement=engagement, user=advisor, role=AdvisorAssignment.Role.PERSONAL_DEVELOPMENT)
    AdvisorAssignmentFactory(engagement=engagement, user=partner, role=AdvisorAssignment.Role.MANAGEMENT)
    TOTPDevice.objects.create(user=advisor, name="telefon", confirmed=True)
    staff = MembershipFactory(organisation=engagement.edition.organiser, role=Membership.Role.STAFF).user
    TOTPDevice.objects.create(user=staff, name="telefon", confirmed=True)
    return {"leader": leader, "advisor": advisor, "engagement": engagement, "staff": staff}


def test_a_message_exchange_with_email_unread_counts_and_a_quoted_reply(ui, people, other_window, tmp_path, mailoutbox):
    engagement = people["engagement"]
    jst = engagement.local_government.display_name
    thread_path = f"/karty-jst/{engagement.pk}/wiadomosci/"

    # The team member opens the thread from the karta JST and writes; a wrong file is refused, the text kept.
    browser_login(ui, people["leader"].email, TEST_PASSWORD)
    ui.visit(f"/karty-jst/{engagement.pk}/")
    ui.get_by_role("link", name="Wiadomości", exact=True).first.click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text("Wiadomości zespołu i doradców")
    text = "Czy możemy przesunąć spotkanie w starostwie na przyszły tydzień?"
    ui.get_by_label("Treść wiadomości").fill(text)
    wrong = tmp_path / "program.exe"
    wrong.write_bytes(b"MZ\x90\x00 not a document")
    ui.get_by_label("Załączniki").set_input_files(str(wrong))
    steps.submit(ui, "Wyślij wiadomość")
    expect(ui.page.locator(".field-error, .errorlist").first).to_contain_text("nie można dołączyć")
    expect(ui.get_by_label("Treść wiadomości")).to_have_value(text)
    steps.submit(ui, "Wyślij wiadomość")
    expect(ui.page.get_by_text("Wysłano wiadomość.")).to_be_visible()
    message = Message.objects.get(engagement=engagement)

    # The advisor is told by e-mail, with the text and the thread's address.
    (mail,) = [m for m in mailoutbox if people["advisor"].email in m.to]
    assert text in mail.body and f"{thread_path}#wiadomosc-{message.pk}" in mail.body

    # The unread count is on the advisor's dashboard and on the karta JST.
    advisor = other_window()
    steps.sign_in_with_totp(advisor, people["advisor"])
    expect(advisor.page.get_by_role("link", name=f"Wiadomości: {jst}")).to_be_visible()
    expect(advisor.page.get_by_text("1 nieprzeczytana wiadomość.")).to_be_visible()
    advisor.visit(f"/karty-jst/{engagement.pk}/")
    expect(advisor.page.get_by_role("link", name="Wiadomości (1 nowe)")).to_be_visible()
    expect(advisor.page.get_by_text("1 nieprzeczytana.")).to_be_visible()

    # The advisor opens the thread, sees the message marked new and replies quoting it.
    advisor.get_by_role("link", name="Otwórz wątek").click()
    advisor.page.wait_for_load_state("load")
    item = advisor.page.locator(f"#wiadomosc-{message.pk}")
    expect(item).to_contain_text(text)
    expect(item).to_contain_text("nowa")
    item.get_by_role("link", name="Odpowiedz z cytatem").click()
    advisor.page.wait_for_load_state("load")
    expect(advisor.page.locator("#nowa")).to_have_text("Odpowiedź z cytatem")
    advisor.get_by_label("Treść wiadomości").fill("Tak, proponuję wtorek lub środę.")
    steps.submit(advisor, "Wyślij wiadomość")
    expect(advisor.page.get_by_text("Wysłano wiadomość.")).to_be_visible()
    advisor.visit(f"/karty-jst/{engagement.pk}/")
    expect(advisor.page.get_by_role("link", name="Wiadomości", exact=True)).to_be_visible()

    # The team member sees the reply with its quote and finds it by searching without diacritics.
    ui.visit(thread_path)
    reply = ui.page.locator(".thread-messages > li").last
    expect(reply).to_contain_text("Tak, proponuję wtorek lub środę.")
    expect(reply.locator("blockquote")).to_contain_text(text)
    ui.get_by_role("searchbox", name="Szukaj w wątku").fill("proponuje srode")
    steps.submit(ui, "Szukaj")
    expect(ui.page.locator(".thread-messages > li")).to_have_count(1)
    assert any(people["leader"].email in m.to and "wtorek" in m.body for m in mailoutbox)

    # The organiser's staff see that the thread is active, not what it says.
    staff = other_window()
    steps.sign_in_with_totp(staff, people["staff"])
    staff.visit(f"/karty-jst/{engagement.pk}/")
    expect(staff.page.get_by_text("W wątku są 2 wiadomości")).to_be_visible()
    expect(staff.page.get_by_text(text)).to_have_count(0)
    response = staff.page.goto(staff.base_url + thread_path)
    assert response.status == 404

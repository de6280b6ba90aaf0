"""The summary and the knowledge base in a browser: two team members write a good-practice description at once
(the stale save is refused and nothing is lost), the team submits it, the advisor asks for a change and then
accepts it, the team leader consents to publication without personal data, the organiser publishes it, and an
anonymous visitor finds it by a word typed without diacritics in another inflected form, on a page that names no
team member; the consent is withdrawn and the page and the search result are gone. Axe checks every page each
person opens, at 1280 and 320 px."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.engagements.factories import TeamMemberFactory
from apps.engagements.models import Stage
from apps.plans.factories import PlannedActionFactory, PlanRiskFactory, engagement_ready_for_plan
from apps.plans.models import DevelopmentPlan, PlanVersion
from apps.plans.selectors import plan_contents, plan_with_header
from apps.plans.snapshot import build_snapshot
from apps.publications.models import FinalSummary, Publication
from tests.browser import steps
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

I3 = "I.3. Na czym polega rozwiązanie"


@pytest.fixture
def people():
    leader = UserFactory(full_name="Anna Liderka", email="liderka@gmina.example")
    member = UserFactory(full_name="Bartosz Członkowski", email="czlonek@gmina.example")
    advisors = [
        UserFactory(full_name="Piotr Doradca", email="doradca.rozwoj@example.org"),
        UserFactory(full_name="Zofia Doradczyni", email="doradca.zarzadzanie@example.org"),
    ]
    engagement = engagement_ready_for_plan(leader=leader, advisors=advisors)
    TeamMemberFactory(engagement=engagement, user=member)
    plan = DevelopmentPlan.objects.create(
        engagement=engagement,
        period_start=engagement.edition.period_start.replace(day=1),
        period_end=engagement.edition.period_end.replace(day=1),
    )
    for priority in engagement.priorities.filter(is_selected=True):
        PlannedActionFactory(plan=plan, priority=priority, title=f"Działanie: {priority.title}", progress=80)
    PlanRiskFactory(plan=plan)
    loaded = plan_with_header(plan.pk)
    version = PlanVersion.objects.create(
        plan=plan,
        number=1,
        status=PlanVersion.Status.APPROVED,
        snapshot=build_snapshot(loaded, **plan_contents(loaded)),
    )
    DevelopmentPlan.objects.filter(pk=plan.pk).update(approved_version=version, status=DevelopmentPlan.Status.APPROVED)
    engagement.stage = Stage.SUMMARY
    engagement.save(update_fields=["stage"])
    organiser = UserFactory(full_name="Olga Organizatorka", email="organizator@ore.example")
    MembershipFactory(user=organiser, organisation=engagement.edition.organiser, role=Membership.Role.STAFF)
    for person in [advisors[0], organiser]:
        TOTPDevice.objects.create(user=person, name="telefon", confirmed=True)
    return {
        "leader": leader,
        "member": member,
        "advisor": advisors[0],
        "organiser": organiser,
        "engagement": engagement,
    }


def _section(window, heading: str):
    return window.page.locator("section").filter(has=window.page.get_by_role("heading", name=heading))


def test_a_good_practice_from_two_writers_to_the_public_knowledge_base_and_back(ui, people, other_window):
    engagement = people["engagement"]
    summary_path = f"/karty-jst/{engagement.pk}/podsumowanie/"
    edit_path = summary_path + "edycja/"

    # The leader chooses the form; the summary starts with what the platform knows.
    browser_login(ui, people["leader"].email, TEST_PASSWORD)
    ui.visit(summary_path)
    ui.get_by_label("opis dobrej praktyki samorządowej").check()
    steps.submit(ui, "Rozpocznij podsumowanie")
    expect(ui.page.get_by_text("Działanie: Priorytet rozwojowy 1").first).to_be_visible()

    # Two members edit at once: the leader saves first; the member's save is refused and shows her text.
    member = other_window()
    browser_login(member, people["member"].email, TEST_PASSWORD)
    ui.visit(edit_path)
    member.visit(edit_path)
    ui.get_by_label(I3).fill("W szkołach gminy wprowadziliśmy wspólny kalendarz zajęć.")
    ui.get_by_label("I.6. Koszty rozwiązania").fill("Około 12 000 zł rocznie.")
    steps.submit(ui, "Zapisz")
    expect(ui.page.get_by_text("Zapisano podsumowanie.")).to_be_visible()
    member.get_by_label(I3).fill("Bartosz Członkowski koordynuje sieć dyrektorów.")
    member.get_by_label("I.7. Dlaczego warto promować to rozwiązanie").fill("Bo łączy szkoły i przedszkola.")
    steps.submit(member, "Zapisz")
    expect(member.page.get_by_text("W szkołach gminy wprowadziliśmy wspólny kalendarz zajęć.").first).to_be_visible()
    expect(member.get_by_label("I.6. Koszty rozwiązania")).to_have_value("Około 12 000 zł rocznie.")
    expect(member.get_by_label("I.7. Dlaczego warto promować to rozwiązanie")).to_have_value(
        "Bo łączy szkoły i przedszkola."
    )
    member.check_accessibility()
    member.get_by_label(I3).fill(
        "W szkołach gminy wprowadziliśmy wspólny kalendarz zajęć. Bartosz Członkowski koordynuje sieć dyrektorów."
    )
    steps.submit(member, "Zapisz moją wersję")
    expect(member.page.get_by_text("Zapisano podsumowanie.")).to_be_visible()
    summary = FinalSummary.objects.get(engagement=engagement)
    assert "wspólny kalendarz" in summary.content["i3"] and "sieć dyrektorów" in summary.content["i3"]
    assert summary.content["i6"] == "Około 12 000 zł rocznie." and summary.content["i7"]

    # Submitting with an empty required section is refused with a message at that section.
    ui.visit(summary_path)
    steps.submit(ui, "Przekaż doradcom")
    expect(ui.page.get_by_role("alert")).to_contain_text("I.8. Rekomendacje")
    ui.visit(edit_path)
    ui.get_by_label("I.8. Rekomendacje dla chcących je powtórzyć").fill("Zacznijcie od spotkania dyrektorów.")
    ui.get_by_label("Imię i nazwisko osoby do kontaktu").fill("Anna Liderka")
    ui.get_by_label("E-mail osoby do kontaktu").fill("liderka@gmina.example")
    steps.submit(ui, "Zapisz")
    steps.submit(ui, "Przekaż doradcom")
    expect(ui.page.get_by_text("Przekazano podsumowanie doradcom.")).to_be_visible()

    # The advisor asks for a change; the team makes it and submits again; the advisor accepts.
    advisor = other_window()
    steps.sign_in_with_totp(advisor, people["advisor"])
    advisor.visit(summary_path)
    advisor.get_by_role("link", name="Poproś o poprawki").click()
    advisor.page.wait_for_load_state("load")
    advisor.get_by_label("Co zespół ma poprawić").fill("Dopiszcie w I.8, ile trwało wdrożenie.")
    steps.submit(advisor, "Poproś o poprawki")
    ui.visit(summary_path)
    expect(ui.page.get_by_text("Dopiszcie w I.8, ile trwało wdrożenie.")).to_be_visible()
    ui.visit(edit_path)
    ui.get_by_label("I.8. Rekomendacje dla chcących je powtórzyć").fill(
        "Zacznijcie od spotkania dyrektorów; wdrożenie trwało pół roku."
    )
    steps.submit(ui, "Zapisz")
    steps.submit(ui, "Przekaż doradcom")
    advisor.visit(summary_path)
    steps.submit(advisor, "Akceptuj podsumowanie")
    expect(advisor.page.get_by_text("Zaakceptowano podsumowanie (wersja 2).")).to_be_visible()
    engagement.refresh_from_db()
    assert engagement.stage == Stage.COMPLETED

    # The leader consents to publication without personal data; the organiser publishes it.
    consents_path = f"/karty-jst/{engagement.pk}/zgody-na-publikacje/"
    ui.visit(consents_path)
    summary_section = _section(ui, "Podsumowanie")
    summary_section.get_by_label("publikacja bez danych osobowych").check()
    summary_section.get_by_role("button", name="Zapisz decyzję").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_text("Zapisano decyzję JST o publikacji.")).to_be_visible()
    organiser = other_window()
    steps.sign_in_with_totp(organiser, people["organiser"])
    organiser.visit(f"/organizator/edycje/{engagement.edition.slug}/publikacje/")
    organiser.get_by_role("button", name="Opublikuj").first.click()
    organiser.page.wait_for_load_state("load")
    expect(organiser.page.get_by_text("Opublikowano dokument w bazie wiedzy.")).to_be_visible()
    publication = Publication.objects.get(engagement=engagement, withdrawn_at__isnull=True)

    # An anonymous visitor finds it by "szkoly" (no diacritics, another form of "szkołach").
    visitor = other_window()
    visitor.visit("/baza-wiedzy/")
    visitor.get_by_label("Szukaj", exact=True).fill("szkoly")
    visitor.get_by_role("button", name="Szukaj").click()
    visitor.page.wait_for_load_state("load")
    expect(visitor.page.locator("mark").first).to_have_text("szkołach")
    visitor.get_by_role("link", name=publication.title).click()
    visitor.page.wait_for_load_state("load")
    expect(visitor.page.locator("h1")).to_have_text(publication.title)
    body = visitor.page.locator("main").inner_text()
    for name in ["Anna", "Liderka", "Bartosz", "Członkowski", "liderka@gmina.example"]:
        assert name not in body, name
    assert "wspólny kalendarz zajęć" in body and "[dane osobowe usunięte]" in body

    # The leader withdraws the consent: the page answers 404 and the search no longer finds it.
    ui.visit(consents_path)
    _section(ui, "Podsumowanie").get_by_role("link", name="Wycofaj zgodę").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text("Wycofanie zgody na publikację")  # it asks first
    ui.page.get_by_role("button", name="Wycofaj zgodę").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_text("Wycofano zgodę.")).to_be_visible()
    response = visitor.visit(f"/baza-wiedzy/{publication.pk}/")
    assert response.status == 404
    visitor.visit("/baza-wiedzy/?q=szkoly")
    expect(visitor.page.get_by_role("link", name=publication.title)).to_have_count(0)
    expect(visitor.page.get_by_text("Nic nie znaleziono.")).to_be_visible()

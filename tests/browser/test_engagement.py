"""The engagement as its people use it: the team leader chooses the area, an advisor (with TOTP) confirms it, two
team members write the diagnosis at the same time (the stale save is refused, nothing is lost, they merge),
priorities are rated and chosen, and the engagement moves on to the HDR. axe checks every page opened."""

import pytest
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
from tests.browser import steps
from tests.browser.conftest import browser_login

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


def test_area_diagnosis_with_a_conflict_priorities_and_on_to_the_hdr(ui, other_window, engagement_world):
    w = engagement_world
    pk = w["engagement"].pk
    jst = w["engagement"].local_government.display_name

    # The leader signs in, finds the JST's next step on the dashboard and chooses the area.
    browser_login(ui, w["leader"].email, TEST_PASSWORD)
    steps.open_card_from_dashboard(ui, jst)
    steps.choose_area(ui, "Planowanie budżetowe", "Wydatki na oświatę rosną szybciej niż subwencja.")

    # The advisor signs in with the second factor and confirms; the engagement moves on to the diagnosis.
    advisor = other_window()
    steps.sign_in_with_totp(advisor, w["advisor"])
    steps.confirm_area(advisor, jst, "Planowanie budżetowe")
    assert Engagement.objects.get(pk=pk).stage == Stage.DIAGNOSIS

    # Two team members write the findings at the same time: the stale save is refused, nothing is lost.
    colleague = other_window()
    browser_login(colleague, w["member"].email, TEST_PASSWORD)
    mine, theirs = steps.write_findings_at_the_same_time(ui, colleague, pk, ui_name="Łucja Liderka")
    saved = NeedsAssessment.objects.get(engagement_id=pk)
    assert mine in saved.problems and theirs in saved.problems

    # A figure with its year and source; guided prioritisation; on to the HDR through the stage tracker.
    steps.add_figure(ui, pk)
    steps.choose_priorities(
        ui,
        pk,
        [("Plan remontów szkół", "5", "4"), ("Nowe szkoły", "3", "1")],
        {"Plan remontów szkół": "Do 2026 r. każda szkoła ma plan remontów na 5 lat."},
    )
    steps.move_on_to_the_hdr(ui, pk)
    assert Engagement.objects.get(pk=pk).stage == Stage.PLAN
    # The timeline says who did what.
    expect(ui.page.locator(".timeline")).to_contain_text("Żaneta Członkini")
    expect(ui.page.locator(".timeline")).to_contain_text("Adam Doradca")


def test_the_merge_after_a_stale_save_shows_both_versions_side_by_side(ui, other_window, engagement_world):
    """B and A open the findings; A saves three fields; B changed one of them and one more. After the refusal,
    B's form has A's text where only A wrote, B's own text where only B wrote, and the field both wrote side by
    side with A's name; B decides and saves, and nobody's text is lost. axe at desktop width and at 320 px."""
    w = engagement_world
    pk = w["engagement"].pk
    Engagement.objects.filter(pk=pk).update(stage=Stage.DIAGNOSIS)
    page = f"/karty-jst/{pk}/diagnoza/wnioski/"
    browser_login(ui, w["leader"].email, TEST_PASSWORD)
    colleague = other_window()
    browser_login(colleague, w["member"].email, TEST_PASSWORD)
    colleague.visit(page)
    ui.visit(page)
    ui.get_by_label("Mocne strony").fill("Dobra sieć szkół.")
    ui.get_by_label("Problemy").fill("Rosnące koszty dowozu uczniów.")
    ui.get_by_label("Potrzeby", exact=True).fill("Plan sieci szkół.")
    steps.submit(ui, "Zapisz diagnozę")
    expect(ui.page.get_by_text("Zapisano diagnozę potrzeb.")).to_be_visible()

    colleague.get_by_label("Problemy").fill("Brak planu remontów.")
    colleague.get_by_label("Wykorzystane źródła danych").fill("SIO 2024")
    steps.submit(colleague, "Zapisz diagnozę")
    conflict = colleague.page.get_by_role("alert")
    expect(conflict).to_contain_text("Ktoś zapisał zmiany w tym samym czasie")
    side_by_side = colleague.page.get_by_role("table", name="Pola, które różnią się od zapisanej wersji")
    expect(side_by_side.get_by_role("columnheader", name="Wersja zapisana: Łucja Liderka")).to_be_visible()
    expect(side_by_side.get_by_role("row", name="Problemy")).to_contain_text("Rosnące koszty dowozu uczniów.")
    expect(side_by_side.get_by_role("row", name="Problemy")).to_contain_text("Brak planu remontów.")
    expect(colleague.get_by_label("Mocne strony")).to_have_value("Dobra sieć szkół.")  # only A wrote it
    expect(colleague.get_by_label("Wykorzystane źródła danych")).to_have_value("SIO 2024")  # only B wrote it
    expect(colleague.get_by_label("Problemy")).to_have_value("Brak planu remontów.")  # B decides
    colleague.check_accessibility()
    colleague.page.set_viewport_size({"width": 320, "height": 800})
    colleague.check_accessibility()
    assert colleague.page.evaluate("() => document.documentElement.scrollWidth") <= 320

    colleague.get_by_label("Problemy").fill("Rosnące koszty dowozu uczniów.\nBrak planu remontów.")
    steps.submit(colleague, "Zapisz diagnozę")
    expect(colleague.page.get_by_text("Zapisano diagnozę potrzeb.")).to_be_visible()
    saved = NeedsAssessment.objects.get(engagement_id=pk)
    assert (saved.strengths, saved.needs, saved.data_sources) == ("Dobra sieć szkół.", "Plan sieci szkół.", "SIO 2024")
    assert "Rosnące koszty dowozu uczniów." in saved.problems and "Brak planu remontów." in saved.problems

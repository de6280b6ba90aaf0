"""The statistics in a browser: the organiser's dashboard counts match the lists they link to; the coordinator's
national view with two organisers sums correctly after "recompute now"; the map and its table agree; every chart
has its table; the public open data page. axe and the reflow checks run at 1280 and 320 px on every page."""

import datetime
import re

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Membership
from apps.advising.factories import TimeEntryFactory
from apps.advising.models import TimeEntry, TimeSheet
from apps.editions.factories import EditionFactory
from apps.engagements.factories import AdvisorAssignmentFactory, EngagementFactory, TeamMemberFactory
from apps.engagements.models import AdvisorAssignment, TimelineEntry
from apps.events.factories import EventFactory
from apps.plans.factories import DevelopmentPlanFactory
from apps.plans.models import DevelopmentPlan
from apps.recruitment.factories import SubmittedApplicationFactory
from tests.browser import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# How each linked list shows its rows (only rows of the list, not its filters or summaries).
ROWS = {
    "/nabor/": 'tbody tr:has(a[href*="/nabor/zgloszenia/"])',
    "/karty-jst/?": 'tbody tr:has(a[href^="/karty-jst/"])',
    "/spotkania/": 'tbody tr:has(a[href*="/spotkania/"])',
    "/hdr/": 'tbody tr:has(a[href*="/hdr/"])',
    "/publikacje/": ".summaries-in-review a",
    "/wydarzenia/": "section tbody tr",
    "/godziny/": ".sheet-list a",
}


def _with_totp(user):
    TOTPDevice.objects.create(user=user, name="telefon", confirmed=True)
    return user


@pytest.fixture
def two_organisers():
    today = timezone.localdate()
    org_a = OrganisationFactory(name="Ośrodek Alfa", slug="alfa")
    org_b = OrganisationFactory(name="Kuratorium Beta", slug="beta")
    ore = OrganisationFactory(name="Ośrodek Rozwoju Edukacji", slug="ore")
    edition_a = EditionFactory(
        organiser=org_a,
        name="Edycja Alfa",
        published=True,
        period_start=today - datetime.timedelta(days=120),
        period_end=today + datetime.timedelta(days=240),
    )
    edition_b = EditionFactory(organiser=org_b, name="Edycja Beta", published=True)
    advisor = UserFactory(full_name="Adam Doradca")
    engagements_a = [EngagementFactory(edition=edition_a) for _ in range(3)]
    for e in engagements_a:
        TeamMemberFactory(engagement=e, is_leader=True)
        AdvisorAssignmentFactory(engagement=e, user=advisor, role=AdvisorAssignment.Role.PERSONAL_DEVELOPMENT)
    for _ in range(2):
        TeamMemberFactory(engagement=EngagementFactory(edition=edition_b))
    # What waits: two applications, one JST stuck, one HDR in review, one time sheet, one event nobody joined.
    SubmittedApplicationFactory(edition=edition_a)
    SubmittedApplicationFactory(edition=edition_a)
    TimelineEntry.objects.create(engagement=engagements_a[0], kind="stage", code="x")
    TimelineEntry.objects.filter(engagement=engagements_a[0]).update(at=timezone.now() - datetime.timedelta(days=90))
    DevelopmentPlanFactory(engagement=engagements_a[1], status=DevelopmentPlan.Status.IN_REVIEW)
    TimeEntryFactory(engagement=engagements_a[1], advisor=advisor, hours=3, kind=TimeEntry.Kind.VISIT)
    TimeEntryFactory(engagement=engagements_a[2], advisor=advisor, hours=2, kind=TimeEntry.Kind.SESSION)
    TimeSheet.objects.create(
        advisor=advisor, organiser=org_a, month=today.replace(day=1), state=TimeSheet.State.SUBMITTED
    )
    EventFactory(planned_event__edition=edition_a, planned_event__title="Szkolenie wiosenne")
    staff = MembershipFactory(organisation=org_a, role=Membership.Role.STAFF, user__full_name="Olga Alfa").user
    coordinator = MembershipFactory(organisation=ore, role=Membership.Role.COORDINATOR).user
    return {
        "edition_a": edition_a,
        "edition_b": edition_b,
        "staff": _with_totp(staff),
        "coordinator": _with_totp(coordinator),
    }


def _number(text: str) -> float:
    return float(text.strip().replace(",", ".") or 0)


def _map_agrees_with_its_table(ui):
    tiles = {t.get_attribute("data-code"): t.get_attribute("data-value") for t in ui.page.locator("g.tile").all()}
    assert len(tiles) == 16
    for row in ui.page.locator('table[data-figure="map"] tbody tr').all():
        assert row.locator("td.num").inner_text() == tiles[row.get_attribute("data-code")]
    return sum(_number(v) for v in tiles.values())


def _each_chart_has_its_table(ui):
    charts = ui.page.locator(".chart-pair").all()
    assert charts
    for pair in charts:
        if pair.locator("svg[role=img]").count():
            assert pair.locator("svg[role=img] title").count() >= 1 and pair.locator("svg desc").count() == 1
            assert pair.locator(".table-wrap table").count() == 1


def test_dashboard_counts_match_the_lists_they_link_to(ui, two_organisers):
    edition = two_organisers["edition_a"]
    steps.sign_in_with_totp(ui, two_organisers["staff"])
    dashboard = f"/organizator/edycje/{edition.slug}/statystyki/"
    ui.visit(dashboard)
    links = ui.page.locator("[data-attention]")
    items = [(a.get_attribute("href"), int(a.locator(".attention-count").inner_text())) for a in links.all()]
    assert len(items) >= 7
    counts = {}
    for href, count in items:
        rows = next(selector for part, selector in ROWS.items() if part.rstrip("?") in href.split("?")[0] + "?")
        ui.visit(href)
        assert ui.page.locator(rows).count() == count, href
        counts[href.split("?")[0]] = count
    assert sum(counts.values()) >= 6  # 2 applications, 1 stuck, 1 HDR, 1 sheet, 1 event: the test is not vacuous
    ui.visit(dashboard)
    _each_chart_has_its_table(ui)
    assert _map_agrees_with_its_table(ui) == 3
    hours = ui.page.locator('table[data-figure="hours_advisors"] tbody tr').first
    expect(hours).to_contain_text("Adam Doradca")
    assert [c.inner_text() for c in hours.locator("td.num").all()][:2] == ["3,0", "2,0"]


def test_national_view_sums_two_organisers(ui, two_organisers):
    steps.sign_in_with_totp(ui, two_organisers["coordinator"])
    ui.visit("/organizator/statystyki/")
    expect(ui.page.get_by_text("Statystyki nie były jeszcze przeliczane.")).to_be_visible()
    ui.get_by_role("button", name="Przelicz teraz").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_text("Przeliczono statystyki.")).to_be_visible()
    ui.check_accessibility()
    table = ui.page.locator('table[data-figure="editions"]')
    lines = table.locator("tbody tr").all()
    assert sorted(line.locator("td").first.inner_text() for line in lines) == ["Kuratorium Beta", "Ośrodek Alfa"]
    totals = [_number(c.inner_text()) for c in table.locator("tfoot td.num").all()]
    for i, total in enumerate(totals):
        assert total == sum(_number(line.locator("td.num").nth(i).inner_text()) for line in lines)
    assert totals[0] == 5  # JSTs: three of Alfa, two of Beta
    organisers = ui.page.locator('table[data-figure="organisers"] tbody tr').all()
    assert sum(_number(row.locator("td.num").nth(1).inner_text()) for row in organisers) == totals[0]
    assert _map_agrees_with_its_table(ui) == totals[0]
    _each_chart_has_its_table(ui)
    assert re.search(r"Dane przeliczone: \d", ui.page.locator("main").inner_text())


def test_open_data_page(ui, two_organisers):
    ui.visit("/otwarte-dane/")
    expect(
        ui.page.get_by_role("heading", name="Słownik danych: JST uczestniczące").or_(
            ui.page.get_by_role("heading", name="JST uczestniczące")
        )
    ).to_be_visible()
    response = ui.page.request.get(ui.base_url + "/otwarte-dane/jst.json")
    assert response.json()["count"] == 5

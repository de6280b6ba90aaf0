"""The edition's dashboard (attention counts, figures, the 2019 areas table), the national view from the snapshots
(sums over two organisers, scope, constant queries), charts and the tile map, and the public open data."""

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.factories import MembershipFactory, OrganisationFactory
from apps.accounts.models import Membership
from apps.advising.factories import TimeEntryFactory
from apps.advising.models import TimeEntry, TimeSheet
from apps.core.testing import assert_constant_queries
from apps.editions.factories import EditionFactory
from apps.editions.models import Edition
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.engagements.models import ChosenArea, Stage, TimelineEntry
from apps.engagements.tests.test_dashboards import BRIEF_2019
from apps.plans.factories import DevelopmentPlanFactory, PlannedActionFactory
from apps.plans.models import DevelopmentPlan, PlannedAction
from apps.recruitment.factories import SubmittedApplicationFactory
from apps.statistics import charts
from apps.statistics.blocks import areas
from apps.statistics.items import attention_for
from apps.statistics.models import EditionFigures
from apps.statistics.registry import ATTENTION, BLOCKS
from apps.statistics.selectors import edition_dashboard, national_view
from apps.statistics.services import refresh_figures

pytestmark = pytest.mark.django_db


def _pilot(edition, engagement=None):
    """The 2019 pilot's 34 JSTs and 38 area choices (four JSTs with two areas)."""
    if engagement is not None:
        engagement.delete()
    by_name = {a.name: a for a in edition.catalogue_version.areas.all()}
    engagements = [EngagementFactory(edition=edition) for _ in range(34)]
    slots = [by_name[name] for name, count in BRIEF_2019 for _ in range(count)]
    for e, area in zip(engagements + engagements[:4], slots, strict=True):
        ChosenArea.objects.create(engagement=e, area=area)
    return engagements


def test_the_2019_pilots_areas_read_as_published(cast):
    _pilot(cast.edition, cast.engagement)
    assert areas(cast.edition) == [[name, count] for name, count in BRIEF_2019]
    body = cast.client(cast.organiser).get(reverse("statistics:edition", args=[cast.edition.slug])).content.decode()
    table = body[body.index('data-figure="areas"') :]
    table = table[: table.index("</tbody>")]
    cells = re.findall(
        r'<th scope="row">(?:<span lang="pl">)?([^<]*)(?:</span>)?</th><td class="num">(\d+)</td>', table
    )
    assert [(name, int(n)) for name, n in cells] == BRIEF_2019
    assert (
        '<td class="num">38</td>' in body[body.index('data-figure="areas"') :]
    )  # the total of choices: 34 JSTs, four of them with two areas
    stages = dict(BLOCKS["stages"].compute(cast.edition))
    assert stages[Stage.AREA] == 34


def test_attention_counts_what_the_linked_lists_show(cast):
    edition = cast.edition
    SubmittedApplicationFactory(edition=edition)
    SubmittedApplicationFactory(edition=edition)
    # Stuck: at the same stage since long before the threshold.
    old = timezone.now() - timedelta(days=90)
    TimelineEntry.objects.create(engagement=cast.engagement, kind="stage", code="x")
    TimelineEntry.objects.filter(engagement=cast.engagement).update(at=old)
    plan = DevelopmentPlanFactory(engagement=cast.engagement, status=DevelopmentPlan.Status.IN_REVIEW)
    TimeEntryFactory(engagement=cast.engagement, advisor=cast.advisor)
    TimeSheet.objects.create(
        advisor=cast.advisor,
        organiser=edition.organiser,
        month=timezone.localdate().replace(day=1),
        state=TimeSheet.State.SUBMITTED,
    )
    items = attention_for(edition, cast.organiser)
    counts = {i.label: i.count for i in items}
    assert counts["Zgłoszenia czekające na decyzję"] == 2
    assert counts["HDR czekające na akceptację doradców"] == 1
    assert counts["Karty czasu pracy do zatwierdzenia"] == 1
    assert any(label.startswith("JST na tym samym etapie") and n == 1 for label, n in counts.items())
    client = cast.client(cast.organiser)
    plans = client.get(f"{reverse('plans:list')}?edycja={edition.slug}&stan=in_review").content.decode()
    assert plans.count(f"/karty-jst/{plan.engagement_id}/hdr/") >= 1
    assert len(ATTENTION) >= 6


def test_attention_leaves_out_lists_the_viewer_may_not_open(cast):
    # The coordinator reads the edition but recruitment review etc. follow their own rules: each item asks its rule.
    labels = [i.label for i in attention_for(cast.edition, cast.coordinator)]
    assert labels  # the coordinator follows every organiser


def _second_organiser():
    other = OrganisationFactory(name="Kuratorium Beta", slug="beta")
    edition = EditionFactory(organiser=other, name="Edycja Y", published=True)
    for _ in range(3):
        e = EngagementFactory(edition=edition)
        TeamMemberFactory(engagement=e)
    staff = MembershipFactory(organisation=other, role=Membership.Role.STAFF).user
    return edition, staff


def test_national_view_sums_two_organisers_and_scopes_each_organiser(cast):
    edition_y, staff_y = _second_organiser()
    TimeEntryFactory(engagement=cast.engagement, advisor=cast.advisor, hours=3, kind=TimeEntry.Kind.VISIT)
    assert refresh_figures() == Edition.objects.count() == 2
    everything = national_view(cast.coordinator)
    assert [line.edition for line in everything.editions] and len(everything.editions) == 2
    jsts = everything.headlines.index("JST")
    assert everything.totals[jsts] == 1 + 3
    assert sorted(g.label for g in everything.organisers) == ["Kuratorium Beta", "Ośrodek Rozwoju Edukacji"]
    assert sum(g.values[jsts] for g in everything.organisers) == everything.totals[jsts]
    assert sum(v for _name, v in everything.map_rows) == 4
    own = national_view(staff_y)
    assert [line.edition for line in own.editions] == [edition_y]
    assert own.totals[jsts] == 3
    body = cast.client(cast.coordinator).get(reverse("statistics:national")).content.decode()
    assert "Kuratorium Beta" in body and "Dane przeliczone" in body


def test_refresh_now_is_recorded_and_scoped(cast):
    edition_y, staff_y = _second_organiser()
    response = cast.client(staff_y).post(reverse("statistics:refresh"))
    assert response.status_code == 302
    assert list(EditionFigures.objects.values_list("edition", flat=True)) == [edition_y.pk]
    from apps.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="statistics.refreshed", edition_id=edition_y.pk).count() == 1


def test_national_view_runs_constant_queries(cast):
    client = cast.client(cast.coordinator)

    def build(n):
        for _ in range(n):
            edition = EditionFactory(organiser=cast.edition.organiser)
            e = EngagementFactory(edition=edition)
            PlannedActionFactory(plan=DevelopmentPlanFactory(engagement=e), status=PlannedAction.Status.DONE)
        refresh_figures()

    assert_constant_queries(build=build, request=lambda: client.get(reverse("statistics:national")), few=1, many=6)


def test_edition_dashboard_runs_constant_queries(cast):
    client = cast.client(cast.organiser)
    url = reverse("statistics:edition", args=[cast.edition.slug])

    def build(n):
        for _ in range(n):
            e = EngagementFactory(edition=cast.edition)
            TeamMemberFactory(engagement=e)
            TimeEntryFactory(engagement=e, advisor=cast.advisor, kind=TimeEntry.Kind.SESSION)
            PlannedActionFactory(plan=DevelopmentPlanFactory(engagement=e))

    assert_constant_queries(build=build, request=lambda: client.get(url), few=1, many=8)


def test_a_chart_has_a_name_a_text_alternative_values_and_its_table(cast):
    TimeEntryFactory(engagement=cast.engagement, advisor=cast.advisor, hours=4, kind=TimeEntry.Kind.VISIT)
    TimeEntryFactory(engagement=cast.engagement, advisor=cast.advisor, hours=1.5, kind=TimeEntry.Kind.SESSION)
    dashboard = edition_dashboard(cast.edition, cast.organiser)
    figure = next(f for f in dashboard.figures if f.table.key == "hours_advisors")
    assert figure.chart is not None and [s for s, _css in figure.chart.series][:2] == [
        "w siedzibie JST (h)",
        "zdalnie (h)",
    ]
    assert figure.table.rows == [("Adam Doradca", [4.0, 1.5, 0.0])]
    body = cast.client(cast.organiser).get(reverse("statistics:edition", args=[cast.edition.slug])).content.decode()
    assert 'role="img" aria-labelledby="edition-hours_advisors-title edition-hours_advisors-desc"' in body
    assert '<text class="chart-value"' in body and 'data-figure="hours_advisors"' in body


def test_tile_map_has_sixteen_voivodeships_and_agrees_with_its_table():
    tile_map = charts.tile_map("m", "Mapa", {"02": 3, "14": 12}, {"02": "dolnośląskie", "14": "mazowieckie"})
    assert len(tile_map.tiles) == 16 and len({(t.x, t.y) for t in tile_map.tiles}) == 16
    values = {t.code: t.value for t in tile_map.tiles}
    assert values["02"] == 3 and values["14"] == 12 and values["12"] == 0
    bands = {t.code: t.css for t in tile_map.tiles}
    assert bands["14"] == "tile-band-4" and bands["02"] == "tile-band-1" and bands["12"] == "tile-band-0"


def test_open_data_lists_only_published_editions_with_a_dictionary(cast):
    published, _staff = _second_organiser()
    client = Client()
    data = json.loads(client.get(reverse("statistics:open_data_file", args=["jst", "json"])).content)
    assert data["count"] == 3 and {r["edycja"] for r in data["rows"]} == {published.slug}
    assert [f["name"] for f in data["fields"]] == ["edycja", "teryt", "jst", "rodzaj", "wojewodztwo"]
    text = client.get(reverse("statistics:open_data_file", args=["edycje", "csv"])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["edycja", "nazwa", "organizator", "poczatek", "koniec", "liczba_jst"]
    assert [r[0] for r in rows[1:]] == [published.slug]
    page = client.get(reverse("statistics:open_data")).content.decode()
    assert reverse("publications:open_data_csv") in page and "Słownik danych" in page
    assert client.get("/otwarte-dane/nieznane.csv").status_code == 404


def test_a_long_table_shows_its_first_rows_and_gives_the_whole_one_as_csv(cast, settings):
    from apps.statistics import figures

    settings.DEBUG = False
    original = figures.PAGE_ROWS
    figures.PAGE_ROWS = 2
    try:
        for _ in range(3):
            TimeEntryFactory(engagement=EngagementFactory(edition=cast.edition), advisor=cast.advisor)
        client = cast.client(cast.organiser)
        page = client.get(reverse("statistics:edition", args=[cast.edition.slug])).content.decode()
        assert "Pokazano 2 z" in page
        csv_url = reverse("statistics:edition_block_csv", args=[cast.edition.slug, "hours_jsts"])
        assert csv_url in page
        response = client.get(csv_url)
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) >= 1 + 3  # the header and every JST, not only the rows the page lists
        assert (
            client.get(reverse("statistics:edition_block_csv", args=[cast.edition.slug, "nieznany"])).status_code == 404
        )
    finally:
        figures.PAGE_ROWS = original

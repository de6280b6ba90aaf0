"""Dashboards: the team's next steps, the advisor's JSTs and waiting work, the organiser's JSTs × stages matrix and
areas table; query counts that do not grow with engagements, and server time at 1,000 engagements."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from apps.core.testing import assert_constant_queries, server_ms
from apps.engagements.factories import AdvisorAssignmentFactory, EngagementFactory, TeamMemberFactory
from apps.engagements.models import AdvisorAssignment, ChosenArea, Engagement, Stage
from apps.territory.kinds import JstKind, WorkshopGroup
from apps.territory.models import LocalGovernment

pytestmark = pytest.mark.django_db

# The brief's figures for the 2019 pilot: JSTs per area (34 JSTs, four of them with two areas: 38 choices).
BRIEF_2019 = [
    ("Zarządzanie oświatą na poziomie organu prowadzącego", 10),
    ("Organizacja wsparcia uczniów szczególnie uzdolnionych", 9),
    ("Planowanie budżetowe", 4),
    ("Monitorowanie jakości usług edukacyjnych", 4),
    ("Analizowanie potrzeb i planowanie realizacji założonej wizji rozwoju lokalnego systemu oświaty", 3),
    ("Rola dyrektora i relacje z organem prowadzącym", 3),
    ("Udział rodziców w planowaniu, realizacji i ocenie usług edukacyjnych", 2),
    ("System wspomagania szkół – doskonalenie nauczycieli", 1),
    ("Gospodarowanie zasobami materialnymi systemu oświaty", 1),
    ("Organizacja wsparcia uczniów niepełnosprawnych oraz uczniów z trudnościami w nauce", 1),
]


def _jsts(n: int, start: int) -> list[LocalGovernment]:
    """``n`` JSTs in one bulk insert (the factory makes the voivodeship and the powiat once)."""
    template = LocalGovernment.objects.order_by("pk").first()
    if template is None:
        from apps.territory.factories import LocalGovernmentFactory

        template = LocalGovernmentFactory(name="Wzorcowo")
    rows = [
        LocalGovernment(
            kind=JstKind.RURAL_GMINA,
            teryt=f"9{start + i:06d}",
            name=f"Gmina {start + i}",
            display_name=f"Gmina testowa {start + i:06d}",
            voivodeship_id=template.voivodeship_id,
            powiat_id=template.powiat_id,
            search_name=f"gmina {start + i}",
            search_text=f"gmina testowa {start + i}",
            valid_from=template.valid_from,
        )
        for i in range(n)
    ]
    return LocalGovernment.objects.bulk_create(rows)


def _bulk_engagements(edition, n: int, *, advisors, stage_cycle=None, areas=None) -> list[Engagement]:
    start = Engagement.objects.count() + 1
    groups = WorkshopGroup.values
    stages = stage_cycle or Stage.values
    engagements = Engagement.objects.bulk_create(
        [
            Engagement(
                edition=edition,
                local_government=jst,
                workshop_group=groups[i % len(groups)],
                stage=stages[i % len(stages)],
            )
            for i, jst in enumerate(_jsts(n, start))
        ]
    )
    AdvisorAssignment.objects.bulk_create(
        [
            AdvisorAssignment(engagement=e, user=advisor, role=role)
            for e in engagements
            for advisor, role in zip(advisors, AdvisorAssignment.Role.values, strict=False)
        ]
    )
    if areas:
        ChosenArea.objects.bulk_create(
            [
                ChosenArea(engagement=e, area=areas[i % len(areas)], justification="Powód", confirmed_at=None)
                for i, e in enumerate(engagements)
            ]
        )
    return engagements


def test_areas_table_reproduces_the_briefs_2019_figures(cast):
    edition = cast.edition
    cast.engagement.delete()
    by_name = {a.name: a for a in edition.catalogue_version.areas.all()}
    engagements = [EngagementFactory(edition=edition) for _ in range(34)]
    slots = [by_name[name] for name, count in BRIEF_2019 for _ in range(count)]
    assert len(slots) == 38
    for engagement, area in zip(engagements, slots[:34], strict=True):
        ChosenArea.objects.create(engagement=engagement, area=area, confirmed_at=timezone.now())
    # The last four choices are the second areas of four JSTs.
    for engagement, area in zip(engagements[:4], slots[34:], strict=True):
        ChosenArea.objects.create(engagement=engagement, area=area, confirmed_at=timezone.now())

    from apps.engagements.dashboards import areas_table

    table = areas_table(edition)
    assert [(row.area.name, row.count) for row in table.rows if row.count] == BRIEF_2019
    assert (table.engagements, table.with_area, table.with_two_areas, table.choices) == (34, 34, 4, 38)

    body = cast.client(cast.organiser).get(reverse("engagements:edition_areas", args=[edition.slug])).content.decode()
    for name, count in BRIEF_2019:
        assert f'<th scope="row">{name}</th><td class="num">{count}</td>' in body
    assert "JST w edycji: 34; z wybranym obszarem: 34, w tym z dwoma obszarami: 4. Wyborów obszarów razem: 38." in body


def test_matrix_counts_and_filters(cast):
    other = AdvisorAssignmentFactory(engagement=EngagementFactory(edition=cast.edition, stage=Stage.PLAN)).user
    EngagementFactory(edition=cast.edition, stage=Stage.PLAN, workshop_group=WorkshopGroup.POWIATY)
    from apps.engagements.dashboards import stage_matrix

    matrix = stage_matrix(cast.edition)
    counts = dict(zip([value for value, _label in matrix.stages], matrix.counts, strict=True))
    assert counts[Stage.AREA] == 1 and counts[Stage.PLAN] == 2 and matrix.total == 3
    assert stage_matrix(cast.edition, workshop_group=WorkshopGroup.POWIATY).total == 1
    assert stage_matrix(cast.edition, advisor_id=other.pk).total == 1
    row = next(r for r in matrix.rows if r.engagement.stage == Stage.PLAN)
    assert row.states[:4] == ["done", "done", "current", ""]

    client = cast.client(cast.organiser)
    url = reverse("engagements:edition_matrix", args=[cast.edition.slug])
    body = client.get(url + f"?doradca={other.pk}").content.decode()
    assert "Liczba JST na każdym etapie (razem: 1)" in body
    body = client.get(url + "?grupa=nie-ma&doradca=abc").content.decode()  # bad filters are ignored, never a 500
    assert "Liczba JST na każdym etapie (razem: 3)" in body
    assert client.get(url + "?strona=999").status_code == 200


def test_advisor_sees_waiting_confirmations_and_overdue_ones(cast):
    area = cast.edition.catalogue_version.areas.first()
    ChosenArea.objects.create(engagement=cast.engagement, area=area, justification="x")
    late = EngagementFactory(edition=cast.edition)
    AdvisorAssignmentFactory(engagement=late, user=cast.advisor)
    old = ChosenArea.objects.create(engagement=late, area=area, justification="y")
    ChosenArea.objects.filter(pk=old.pk).update(chosen_at=timezone.now() - timedelta(days=9))
    body = cast.client(cast.advisor).get(reverse("engagements:mine")).content.decode()
    waiting = body[body.index('id="czeka"') : body.index('id="po-terminie"')]
    overdue = body[body.index('id="po-terminie"') : body.index('id="moje-jst-doradca"')]
    assert "Gmina Alfa" in waiting and "Potwierdź wybór obszaru" in waiting
    assert late.local_government.display_name in overdue
    assert "JST pod moją opieką (2)" in body
    dashboard = cast.client(cast.advisor).get(reverse("core:dashboard")).content.decode()
    assert "JST: 2. Czeka na Ciebie: 2, w tym po terminie: 1." in dashboard


def test_an_overdue_item_counts_in_what_waits_for_the_advisor(cast):
    """Issue 9, item 12: the list said "Czeka na Ciebie (0) — Nic nie czeka" above an overdue confirmation."""
    area = cast.edition.catalogue_version.areas.first()
    old = ChosenArea.objects.create(engagement=cast.engagement, area=area, justification="y")
    ChosenArea.objects.filter(pk=old.pk).update(chosen_at=timezone.now() - timedelta(days=9))
    body = cast.client(cast.advisor).get(reverse("engagements:mine")).content.decode()
    waiting = body[body.index('id="czeka"') : body.index('id="po-terminie"')]
    assert "Czeka na Ciebie (1)" in waiting
    assert "Nic nie czeka" not in waiting
    assert "W tym po terminie: 1" in waiting
    assert "Po terminie (1)" in body


def test_team_member_sees_their_next_step_on_both_dashboards(cast):
    for url in [reverse("engagements:mine"), reverse("core:dashboard")]:
        body = cast.client(cast.member).get(url).content.decode()
        assert "Gmina Alfa" in body
        assert "Wybierzcie obszar wsparcia z katalogu modelu i uzasadnijcie wybór." in body


def test_engagement_page_tracker_shows_state_and_next_step_per_viewer(cast):
    url = reverse("engagements:detail", kwargs={"pk": cast.engagement.pk})
    team = cast.client(cast.member).get(url).content.decode()
    assert '<ol class="stage-tracker">' in team
    assert team.count('aria-current="step"') == 1
    current = team[team.index('aria-current="step"') :]
    assert "1. Wybór obszaru" in current[:200] and "bieżący etap" in current[:400]
    assert "Wybierzcie obszar wsparcia" in current
    assert "jeszcze nie rozpoczęty" in team
    advisor = cast.client(cast.advisor).get(url).content.decode()
    assert "Zespół jeszcze nie wybrał obszaru. Możesz pomóc w wyborze." in advisor
    organiser = cast.client(cast.organiser).get(url).content.decode()
    assert "Zespół JST wybiera obszar; doradcy potwierdzają wybór." in organiser
    assert "Przydziel doradców" in organiser and "Przejdź do etapu" not in organiser
    # The team with the leader marked, the pair with their roles.
    assert "lider zespołu" in team and "doradca ds. personalnego rozwoju edukacji" in team.lower()


def test_engagement_page_and_dashboards_do_not_grow_with_rows(cast):
    area = cast.edition.catalogue_version.areas.first()
    advisor_client = cast.client(cast.advisor)
    organiser_client = cast.client(cast.organiser)
    member_client = cast.client(cast.member)

    def build(n):
        for _ in range(n):
            engagement = EngagementFactory(edition=cast.edition)
            AdvisorAssignmentFactory(engagement=engagement, user=cast.advisor)
            TeamMemberFactory(engagement=engagement, user=cast.member)
            ChosenArea.objects.create(engagement=engagement, area=area, justification="x")
            cast.engagement.timeline.create(actor_label="x", kind="x", text="x")

    for request in [
        lambda: advisor_client.get(reverse("engagements:mine")),
        lambda: advisor_client.get(reverse("core:dashboard")),
        lambda: member_client.get(reverse("engagements:mine")),
        lambda: member_client.get(reverse("core:dashboard")),
        lambda: organiser_client.get(reverse("engagements:edition_matrix", args=[cast.edition.slug])),
        lambda: organiser_client.get(reverse("engagements:edition_areas", args=[cast.edition.slug])),
        lambda: organiser_client.get(reverse("engagements:mine")),
        lambda: member_client.get(reverse("engagements:detail", kwargs={"pk": cast.engagement.pk})),
    ]:
        assert_constant_queries(build=build, request=request, few=1, many=6)


def _with_plans(engagements, advisors, actions_per_plan: int = 20):
    """Each engagement gets an approved HDR with ``actions_per_plan`` actions, half of them overdue."""
    from django.apps import apps as django_apps

    from apps.engagements.models import DevelopmentPriority

    # The HDR app sits above engagements (the layers contract): its models through the app registry, as the
    # engagement pages meet it only through its registered hooks.
    DevelopmentPlan, PlannedAction, PlanVersion = (  # noqa: N806
        django_apps.get_model("plans", name) for name in ("DevelopmentPlan", "PlannedAction", "PlanVersion")
    )

    priorities = DevelopmentPriority.objects.bulk_create(
        [DevelopmentPriority(engagement=e, title="Priorytet", goal="Cel", is_selected=True) for e in engagements]
    )
    plans = DevelopmentPlan.objects.bulk_create(
        [
            DevelopmentPlan(
                engagement=e, period_start=date(2025, 1, 1), period_end=date(2026, 12, 1), status="approved"
            )
            for e in engagements
        ]
    )
    versions = PlanVersion.objects.bulk_create(
        [PlanVersion(plan=p, number=1, status="approved", snapshot={}) for p in plans]
    )
    for plan, version in zip(plans, versions, strict=True):
        plan.approved_version = version
    DevelopmentPlan.objects.bulk_update(plans, ["approved_version"])
    actions = []
    for plan, priority in zip(plans, priorities, strict=True):
        for i in range(actions_per_plan):
            end = date(2025, 6, 1) if i % 2 else date(2026, 12, 1)
            actions.append(
                PlannedAction(
                    plan=plan,
                    priority=priority,
                    title=f"Działanie {i}",
                    responsible="Wydział edukacji",
                    start_month=date(2025, 1, 1),
                    end_month=end,
                    expected_result="Rezultat",
                    indicator_name="Wskaźnik",
                    indicator_unit="percent",
                    indicator_target="10",
                    monitoring_method="Sprawozdanie",
                    order=i,
                )
            )
    PlannedAction.objects.bulk_create(actions, batch_size=2000)


def test_matrix_and_advisor_dashboard_at_1000_engagements(cast, capsys):
    """1,000 engagements with 20 HDR actions each. Budget 200 ms: the organiser's matrix and areas table over all
    1,000, and the dashboard of an advisor with a real caseload (20 JSTs) in that system. Also measured: the
    extreme case of one advisor holding 980 of the JSTs (about 2,000 waiting items from all apps), held to a
    regression bound. Query counts stay the same when more engagements are added."""
    from django.apps import apps as django_apps

    from apps.accounts.factories import MembershipFactory
    from apps.accounts.models import Membership

    typical = MembershipFactory(organisation=cast.edition.organiser, role=Membership.Role.ADVISOR).user
    areas = list(cast.edition.catalogue_version.areas.all())
    crowded = _bulk_engagements(cast.edition, 979, advisors=[cast.advisor, cast.advisor2], areas=areas)
    caseload = _bulk_engagements(cast.edition, 20, advisors=[typical, cast.advisor2], areas=areas)
    if django_apps.is_installed("apps.plans"):
        _with_plans(crowded + caseload, [cast.advisor, cast.advisor2])
    assert cast.edition.engagements.count() == 1000

    organiser, advisor, busiest = cast.client(cast.organiser), cast.client(typical), cast.client(cast.advisor)
    budgeted = {
        "matrix": (organiser, reverse("engagements:edition_matrix", args=[cast.edition.slug])),
        "areas table": (organiser, reverse("engagements:edition_areas", args=[cast.edition.slug])),
        "advisor dashboard (20 JSTs)": (advisor, reverse("engagements:mine")),
        "advisor panel cards (20 JSTs)": (advisor, reverse("core:dashboard")),
    }
    extreme = {
        "advisor dashboard (980 JSTs)": (busiest, reverse("engagements:mine")),
        "advisor panel cards (980 JSTs)": (busiest, reverse("core:dashboard")),
    }
    timings = {name: server_ms(client, url) for name, (client, url) in (budgeted | extreme).items()}
    with capsys.disabled():
        print(
            f"\nServer time at 1,000 engagements × 20 actions ({connection.vendor}; best / median of 7 runs): "
            + "; ".join(f"{k} {best:.0f} / {median:.0f} ms" for k, (best, median) in timings.items())
        )
    for name in budgeted:
        assert timings[name][0] < 200, f"{name}: {timings[name][0]:.0f} ms at 1,000 engagements"
    for name in extreme:
        assert timings[name][0] < 500, f"{name}: {timings[name][0]:.0f} ms at 1,000 engagements"

    def build(n):
        _bulk_engagements(cast.edition, n, advisors=[cast.advisor, typical], areas=areas)

    # Same query count at 1,000 and at 1,050 engagements.
    for client, url in (budgeted | extreme).values():
        assert_constant_queries(build=build, request=lambda c=client, u=url: c.get(u), few=1, many=51)


def test_matrix_search_stage_filter_stuck_and_sorting(cast):
    """A thousand JSTs are found by name, by stage and by "stuck at a stage", and sorted (issue: lists of 1,000)."""
    from datetime import timedelta

    from apps.engagements.models import Engagement, TimelineEntry
    from apps.territory.models import LocalGovernment

    fresh = EngagementFactory(edition=cast.edition, stage=Stage.PLAN)
    stuck = EngagementFactory(edition=cast.edition, stage=Stage.DIAGNOSIS)
    LocalGovernment.objects.filter(pk=stuck.local_government_id).update(
        display_name="Gmina Żółkiewka", search_name="gmina zolkiewka", search_text="gmina zolkiewka"
    )
    long_ago = timezone.now() - timedelta(days=45)
    Engagement.objects.filter(pk__in=[stuck.pk, cast.engagement.pk]).update(created_at=long_ago)
    # cast.engagement moved to its stage yesterday: not stuck, though opened long ago.
    TimelineEntry.objects.create(engagement=cast.engagement, kind="stage", text="x")
    Engagement.objects.filter(pk=fresh.pk).update(created_at=timezone.now() - timedelta(days=2))

    client = cast.client(cast.organiser)
    url = reverse("engagements:edition_matrix", args=[cast.edition.slug])

    def names(**params):
        body = client.get(url, params).content.decode()
        return [lg for lg in LocalGovernment.objects.values_list("display_name", flat=True) if lg in body], body

    found, body = names(q="zolkiew")
    assert found == ["Gmina Żółkiewka"]
    found, body = names(utknely="1")
    assert found == ["Gmina Żółkiewka"] and "45 dni na etapie" in body
    found, body = names(etap=Stage.PLAN)
    assert found == [fresh.local_government.display_name]
    assert "Liczba JST na każdym etapie (razem: 3)" in body  # the stage map stays whole under a stage filter
    body = client.get(url, {"sort": "-etap"}).content.decode()
    assert body.index(fresh.local_government.display_name) < body.index("Gmina Żółkiewka")
    body = client.get(url, {"sort": "najdluzej"}).content.decode()
    assert body.index("Gmina Żółkiewka") < body.index(fresh.local_government.display_name)
    found, body = names(q="nie-ma-takiej-jst")
    assert found == [] and "Żadna JST nie spełnia wybranych warunków." in body


def test_the_advisors_list_of_many_jsts_is_searched_filtered_and_sorted(cast):
    """An advisor with a caseload of JSTs finds one by name (diacritics optional) or by stage (issue 9, item 15)."""
    from apps.territory.models import LocalGovernment

    others = [EngagementFactory(edition=cast.edition, stage=Stage.PLAN) for _ in range(11)]
    for engagement in others:
        AdvisorAssignmentFactory(engagement=engagement, user=cast.advisor, role="personal_development")
    LocalGovernment.objects.filter(pk=others[0].local_government_id).update(
        display_name="Gmina Żółkiewka", search_name="gmina zolkiewka", search_text="gmina zolkiewka"
    )
    client = cast.client(cast.advisor)
    url = reverse("engagements:mine")

    def rows(**params):
        body = client.get(url, params).content.decode()
        section = body[body.index('id="moje-jst-doradca"') :]
        return section.count('<th scope="row">'), section

    assert rows()[0] == 12
    count, section = rows(q="zolkiew")
    assert count == 1 and "Gmina Żółkiewka" in section and "Pokazano JST spełniające warunki: 1 z 12." in section
    assert rows(etap=Stage.PLAN)[0] == 11
    count, section = rows(q="nie-ma-takiej")
    assert count == 0 and "Żadna JST nie spełnia wybranych warunków." in section
    _, section = rows(sort="etap")
    assert section.index(cast.engagement.local_government.display_name) < section.index("Gmina Żółkiewka")


def test_the_karta_jst_names_the_catalogues_cycle_step_of_each_stage(cast):
    """Six stages on the karta JST, five steps in the catalogue: each stage says which step it is (one source)."""
    from apps.catalog.models import CycleStep

    CycleStep.objects.update_or_create(
        version=cast.edition.catalogue_version,
        code=CycleStep.Code.IMPLEMENTATION,
        defaults={"name": "Kierunki wdrożenia i wdrożenie (z katalogu)", "order": 4},
    )
    body = cast.client(cast.member).get(reverse("engagements:detail", args=[cast.engagement.pk])).content.decode()
    assert body.count("Krok cyklu modelu: Kierunki wdrożenia i wdrożenie (z katalogu)") == 2

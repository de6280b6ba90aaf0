"""The bench machinery on a tiny scale, so that ``make bench`` cannot rot: the seed builds both editions and every
registered page answers 200 on each of them with its figures measured."""

import pytest

from apps.core.bench import BENCH
from apps.demo import benchmark, scale
from apps.engagements.models import AdvisorAssignment, Engagement, TeamMember
from apps.plans.models import PlannedAction
from apps.recruitment.models import Application

pytestmark = pytest.mark.django_db

TINY = scale.Size(engagements=20, advisors=4, actions=3, applications=20, long_plan_actions=6)


def test_seed_builds_two_editions_a_tenth_apart():
    editions = scale.build(TINY)
    large, small = editions["large"], editions["small"]
    assert Engagement.objects.filter(edition=large).count() == 20
    assert Engagement.objects.filter(edition=small).count() == 5  # at least the engagements the bench opens
    assert TeamMember.objects.filter(engagement__edition=large).count() == 66  # teams of 3, 3, 4
    assert AdvisorAssignment.objects.filter(engagement__edition=large).values("user").distinct().count() == 4
    assert PlannedAction.objects.filter(plan__engagement__edition=large).count() == 19 * 3 + 6
    assert Application.objects.filter(edition=large).count() == 20
    # A second run changes nothing.
    scale.build(TINY)
    assert Engagement.objects.count() == 25


def test_seed_refuses_a_database_with_other_editions():
    from apps.editions.factories import EditionFactory

    EditionFactory()
    with pytest.raises(scale.NotABenchDatabase):
        scale.build(TINY)


def test_every_registered_page_is_measured_on_both_editions():
    scale.build(TINY)
    report = benchmark.run(budget=benchmark.Budget(min_runs=1, max_runs=1, seconds=0))
    keys = [row.key for row in report.rows]
    assert set(keys) == {*BENCH.keys(), "bench.admin_actions"}
    assert "bench.admin_actions" in keys
    for row in report.rows:
        assert row.large.queries >= 0 and row.large.median_ms > 0
        assert (row.small is not None) == BENCH.get(row.key, benchmark.ADMIN_ACTIONS).per_edition
    assert report.floor_ms > 0 and report.anonymous_floor_ms > 0
    table = benchmark.format_report(report)
    assert "Advisors page" in table and "Django admin" in table

"""The HDR's stage panels on the karta JST and on the team's list of JSTs: a fixed number of queries whatever the
number of actions per plan and the number of engagements (issue 9, item 18: the implementation panel fetched each
action again)."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from apps.accounts.factories import UserFactory
from apps.core.testing import count_queries, server_ms, sign_in
from apps.engagements.factories import TeamMemberFactory
from apps.engagements.models import DevelopmentPriority, Stage
from apps.plans.factories import engagement_ready_for_plan
from apps.plans.models import DevelopmentPlan, PlannedAction, PlanVersion

pytestmark = pytest.mark.django_db


def _implementing(leader, *, actions: int, edition=None):
    """An engagement at the implementation stage with an approved HDR of ``actions`` actions (bulk inserts)."""
    engagement = engagement_ready_for_plan(leader=leader, edition=edition)
    engagement.stage = Stage.IMPLEMENTATION
    engagement.save(update_fields=["stage"])
    plan = DevelopmentPlan.objects.create(
        engagement=engagement, period_start=date(2026, 1, 1), period_end=date(2026, 12, 1)
    )
    version = PlanVersion.objects.create(plan=plan, number=1, status=PlanVersion.Status.APPROVED, snapshot={})
    plan.approved_version = version
    plan.status = DevelopmentPlan.Status.APPROVED
    plan.save(update_fields=["approved_version", "status"])
    _add_actions(plan, actions)
    return engagement, plan


def _add_actions(plan, n: int) -> None:
    priority = DevelopmentPriority.objects.filter(engagement=plan.engagement, is_selected=True).first()
    start = plan.actions.count()
    PlannedAction.objects.bulk_create(
        [
            PlannedAction(
                plan=plan,
                priority=priority,
                title=f"Działanie {start + i}",
                responsible="Wydział Edukacji",
                start_month=date(2026, 1, 1),
                end_month=date(2026, 2, 1) if i % 3 else date(2026, 11, 1),
                expected_result="Rezultat",
                indicator_name="Wskaźnik",
                indicator_unit="count",
                indicator_target="10",
                monitoring_method="Sprawozdanie",
                progress=(i * 7) % 100,
                order=start + i,
            )
            for i in range(n)
        ]
    )


def test_the_karta_jst_and_the_team_list_stay_at_a_fixed_query_count(capsys):
    leader = UserFactory()
    client = Client()
    sign_in(client, leader)
    first, plan = _implementing(leader, actions=0)
    engagements = [(first, plan)]
    detail = reverse("engagements:detail", kwargs={"pk": first.pk})
    mine = reverse("engagements:mine")
    client.get(detail)  # warm caches (content types, session)
    client.get(mine)
    counts = {}
    for per_plan, jsts in [(20, 1), (40, 2), (80, 4)]:
        # Every plan grows to ``per_plan`` actions and the leader's list to ``jsts`` engagements.
        while len(engagements) < jsts:
            engagements.append(_implementing(leader, actions=0, edition=first.edition))
        for _engagement, each in engagements:
            _add_actions(each, per_plan - each.actions.count())
        assert response_ok(client, detail) and "Postęp realizacji HDR" in client.get(detail).content.decode()
        counts[(per_plan, jsts)] = (count_queries(lambda: client.get(detail)), count_queries(lambda: client.get(mine)))
    with capsys.disabled():
        best, median = server_ms(client, detail)
        print(
            f"\nkarta JST at the implementation stage, HDR of 80 actions ({connection.vendor}): "
            f"{counts[(80, 4)][0]} queries, best {best:.1f} ms, median {median:.1f} ms; "
            f"Moje karty JST with 4 such JSTs: {counts[(80, 4)][1]} queries"
        )
    assert len(set(counts.values())) == 1, f"queries (karta JST, Moje karty JST) by (actions, JSTs): {counts}"


def test_a_plan_without_actions_and_one_without_approval_show_their_state():
    leader = UserFactory()
    client = Client()
    sign_in(client, leader)
    engagement, _plan = _implementing(leader, actions=0)
    body = client.get(reverse("engagements:detail", kwargs={"pk": engagement.pk})).content.decode()
    assert "Postęp realizacji HDR: brak działań do policzenia." in body
    other = engagement_ready_for_plan(edition=engagement.edition)
    TeamMemberFactory(engagement=other, user=leader)
    body = client.get(reverse("engagements:detail", kwargs={"pk": other.pk})).content.decode()
    assert "HDR: jeszcze nie rozpoczęty." in body
    assert "Postęp realizacji HDR" not in body


def response_ok(client, url) -> bool:
    return client.get(url).status_code == 200

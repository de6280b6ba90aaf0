"""The HDR page's cost per action is its data, not its labels: translations and URL reversals are done once per
page, so a plan of 40 actions renders no more of them than a plan of 2 (issue 9, item 21; the time itself is in
``make bench`` beside the Django admin's list of the same actions)."""

import pytest
from django import urls
from django.test import Client
from django.utils import translation

from apps.core.testing import sign_in
from apps.plans import display, services
from apps.plans.factories import PlannedActionFactory

from .test_views import url

pytestmark = pytest.mark.django_db


class Lookups:
    """Counts gettext calls and URL reversals while installed."""

    def __init__(self, monkeypatch):
        self.calls = 0
        real_gettext = translation._trans.gettext
        real_reverse = urls.reverse

        def gettext(message):
            self.calls += 1
            return real_gettext(message)

        def reverse(*args, **kwargs):
            self.calls += 1
            return real_reverse(*args, **kwargs)

        monkeypatch.setattr(translation._trans, "gettext", gettext)
        monkeypatch.setattr(urls, "reverse", reverse)  # the {% url %} tag imports it when it renders
        monkeypatch.setattr(display, "reverse", reverse)


def test_plan_page_translates_and_reverses_once_per_page_not_per_action(
    complete_plan, priorities, leader, advisors, monkeypatch
):
    services.add_comment(plan=complete_plan, by=advisors[0], text="Uwaga", section="risks")
    client = Client()
    sign_in(client, leader)
    page = url(complete_plan)
    client.get(page)
    lookups = Lookups(monkeypatch)
    body = client.get(page).content.decode()
    few = lookups.calls
    assert body.count('class="plan-action') == 2
    for number in range(38):
        PlannedActionFactory(plan=complete_plan, priority=priorities[number % 2])
    lookups.calls = 0
    body = client.get(page).content.decode()
    many = lookups.calls
    assert body.count('class="plan-action') == 40
    assert many - few < 10, f"{few} translations and URL reversals for 2 actions, {many} for 40"
    # What each action prints is still there, with its own links.
    action = complete_plan.actions.order_by("-pk").first()
    assert f'href="{url(complete_plan, "plans:action_edit", pk=action.pk)}"' in body
    assert f'action="{url(complete_plan, "plans:action_delete", pk=action.pk)}"' in body
    assert "Szczegóły działania" in body and "Skomentuj działanie" in body


def test_plan_page_of_forty_actions_reads_each_table_once(complete_plan, priorities, leader):
    """15 queries whatever the number of actions: the session and the person (2), their roles and engagements (2:
    team places and advisor assignments in one), the engagement with team, advisors and areas (4), the plan with
    its newest version's state (1), priorities, actions, risks, comments (4), the organiser's identity and the
    edition's funding marks (2). The version list is read only when the newest version asks for changes, and the
    actions' priorities come from the priorities already read (17 queries before, the same 15 at 2 actions)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(38):
        PlannedActionFactory(plan=complete_plan, priority=priorities[number % 2])
    client = Client()
    sign_in(client, leader)
    page = url(complete_plan)
    client.get(page)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page).status_code == 200
    statements = [q["sql"] for q in queries.captured_queries]
    assert len(statements) <= 15, "\n".join(statements)
    assert not any(s.startswith('SELECT "plans_planversion"') for s in statements)
    [actions] = [s for s in statements if s.startswith('SELECT "plans_plannedaction"."id"')]
    assert '"engagements_developmentpriority"."title"' not in actions

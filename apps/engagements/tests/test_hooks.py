"""The engagement's registries: batched stage panels keep a list of engagements at a fixed query count whatever
apps add panels; stage guards and panels registered by another app are used in their order."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.accounts.factories import UserFactory
from apps.core.testing import count_queries, sign_in
from apps.engagements import hooks
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.engagements.hooks import StageLink, StagePanel
from apps.engagements.models import Engagement, Stage
from apps.engagements.services import blockers_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def extra_panel():
    """A panel an app would add to the area stage: one query per call, whatever the number of engagements."""
    calls = []

    @hooks.register_stage_panel(Stage.AREA)
    def counting_panels(engagements, viewers):
        calls.append(len(engagements))
        names = dict(Engagement.objects.filter(pk__in=[e.pk for e in engagements]).values_list("pk", "stage"))
        return {
            e.pk: StagePanel(status=f"Dodatek {names[e.pk]}", links=(StageLink("Dodatek", "/"),)) for e in engagements
        }

    yield calls
    hooks.STAGE_PANELS.unregister(f"{counting_panels.__module__}.{counting_panels.__qualname__}")


def test_a_list_of_engagements_asks_each_provider_once(extra_panel):
    leader = UserFactory()
    client = Client()
    sign_in(client, leader)
    url = reverse("engagements:mine")

    def add(n):
        for _ in range(n):
            TeamMemberFactory(engagement=EngagementFactory(stage=Stage.AREA), user=leader)

    add(1)
    client.get(url)
    few = count_queries(lambda: client.get(url))
    add(6)
    extra_panel.clear()
    many = count_queries(lambda: client.get(url))
    assert few == many
    assert extra_panel == [7]  # one call for the seven engagements at the area stage


def test_the_karta_jst_shows_another_apps_panel(extra_panel):
    member = TeamMemberFactory(engagement=EngagementFactory(stage=Stage.AREA))
    client = Client()
    sign_in(client, member.user)
    body = client.get(reverse("engagements:detail", kwargs={"pk": member.engagement_id})).content.decode()
    assert "Dodatek area" in body
    assert extra_panel == [1]


def test_an_apps_stage_guard_is_asked_before_entering_its_stage():
    engagement = EngagementFactory(stage=Stage.AREA)

    @hooks.register_stage_guard(Stage.DIAGNOSIS, order=200)
    def never_yet(engagement):
        return ["Jeszcze nie."]

    try:
        reasons = blockers_for(engagement=engagement, stage=Stage.DIAGNOSIS)
        assert reasons[-1] == "Jeszcze nie." and len(reasons) == 2  # engagements' own guard first, by order
    finally:
        hooks.STAGE_GUARDS.unregister(f"{never_yet.__module__}.{never_yet.__qualname__}")

"""The demo's open space: the 2019 closing meeting's eight topics with votes, groups and published conclusions."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from apps.core.testing import sign_in
from apps.demo.openspace_demo import TOPICS_2019
from apps.openspace.models import OpenSpace, Vote


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.mark.django_db
def test_the_closing_meeting_of_2019_has_its_open_space(seeded):
    space = OpenSpace.objects.select_related("event__planned_event").get(
        event__planned_event__kind="closing_meeting", event__planned_event__starts_on__year=2019
    )
    titles = list(space.topics.order_by("pk").values_list("title", flat=True))
    assert titles == [t[0] for t in TOPICS_2019]
    assert space.is_published and space.groups.count() == 8
    assert all(n <= 3 for n in _votes_per_person(space))
    assert all(g.conclusion.solutions for g in space.groups.select_related("conclusion"))
    participant = space.event.registrations.filter(status="registered").first().user
    client = Client()
    sign_in(client, participant)
    for name in ("market", "conclusions", "plenary", "groups"):
        response = client.get(reverse(f"openspace:{name}", kwargs={"pk": space.pk}))
        assert response.status_code == 200
        assert "Jak zmienić system finansowania oświaty?" in response.content.decode()
    assert "bez zmian" in call_command_output()  # a second run leaves it alone


def _votes_per_person(space):
    from collections import Counter

    return Counter(Vote.objects.filter(open_space=space).values_list("user_id", flat=True)).values()


def call_command_output() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()

"""Results of a survey with 3,300 responses (the bench's scale data, apps/demo/scale_surveys.py): the query count
is the same as for 330, and the server time is printed (best / median of 5 runs; the target is under 300 ms)."""

import pytest
from django.urls import reverse

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.core.testing import count_queries, server_ms, sign_in
from apps.demo import scale_surveys
from apps.events.factories import EventFactory
from apps.surveys.models import Response, Survey

pytestmark = pytest.mark.django_db


def test_results_of_3300_responses_at_a_constant_query_count(client, capsys):
    small_event, large_event = EventFactory(), EventFactory()
    scale_surveys.build({"small": small_event.planned_event.edition, "large": large_event.planned_event.edition})
    small = Survey.objects.get(edition=small_event.planned_event.edition)
    large = Survey.objects.get(edition=large_event.planned_event.edition)
    assert Response.objects.filter(survey=large).count() == 3300
    staff = MembershipFactory(organisation=large.organiser, role=Membership.Role.STAFF).user
    MembershipFactory(organisation=small.organiser, role=Membership.Role.STAFF, user=staff)
    sign_in(client, staff)
    small_url, large_url = (reverse("surveys:results", args=[s.pk]) for s in (small, large))
    client.get(small_url)
    assert count_queries(lambda: client.get(small_url)) == count_queries(lambda: client.get(large_url))
    best, median = server_ms(client, large_url, runs=5, warm=False)
    with capsys.disabled():
        print(f"\nsurvey results, 3,300 responses: best {best:.0f} ms, median {median:.0f} ms")

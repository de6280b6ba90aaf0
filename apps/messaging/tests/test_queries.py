"""Query counts stay the same whatever the number of messages on a page (with quotes and attachments), of
threads on the dashboard and of the advisor's engagements."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.core.testing import assert_constant_queries, sign_in
from apps.engagements.factories import AdvisorAssignmentFactory, EngagementFactory
from apps.messaging import services
from apps.messaging.factories import MessageFactory, attach

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    sign_in(client, user)
    return client


def test_thread_page_queries_do_not_grow_with_messages_quotes_and_attachments(engagement, leader, advisors):
    client = _client(advisors[0])
    url = reverse("messaging:thread", kwargs={"pk": engagement.pk})

    def build(n):
        for _ in range(n):
            first = MessageFactory(engagement=engagement, author=leader)
            attach(first)
            latest = MessageFactory(engagement=engagement, author=advisors[1], quoted=first)
        # Read state is not what grows here: the viewer has seen everything before each measurement.
        services.mark_read(engagement=engagement, user=advisors[0], up_to=latest.pk)

    assert_constant_queries(build=build, request=lambda: client.get(url), few=1, many=20)


def test_search_results_queries_do_not_grow(engagement, leader):
    client = _client(leader)
    url = reverse("messaging:thread", kwargs={"pk": engagement.pk}) + "?q=diagnozy"

    def build(n):
        for _ in range(n):
            attach(MessageFactory(engagement=engagement, author=leader))

    assert_constant_queries(build=build, request=lambda: client.get(url), few=1, many=20)


def test_dashboard_and_waiting_items_do_not_grow_with_threads(engagement, leader, advisors):
    advisor = advisors[0]
    client = _client(advisor)

    def build(n):
        for _ in range(n):
            other = EngagementFactory(edition=engagement.edition)
            AdvisorAssignmentFactory(engagement=other, user=advisor)
            MessageFactory.create_batch(2, engagement=other, author=leader)

    def request():
        client.get(reverse("core:dashboard"))
        client.get(reverse("engagements:mine"))

    assert_constant_queries(build=build, request=request, few=1, many=12)


def test_karta_section_queries_do_not_grow_with_messages(engagement, leader, advisors):
    client = _client(advisors[0])
    url = reverse("engagements:detail", kwargs={"pk": engagement.pk})
    assert_constant_queries(
        build=lambda n: MessageFactory.create_batch(n, engagement=engagement, author=leader),
        request=lambda: client.get(url),
        few=1,
        many=30,
    )

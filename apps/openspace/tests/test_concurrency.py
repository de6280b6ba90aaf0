"""Votes at the same moment need real row locks: these run on PostgreSQL (CI runs the suite on both databases);
SQLite serialises every write transaction on its own.

100 participants vote at once through the full request stack (the test client in 50 threads, two participants each,
all released by one barrier): every vote is counted exactly once, nobody goes over the limit and the counts shown
equal the stored votes."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from apps.core.testing import sign_in
from apps.openspace.factories import TopicFactory, participant
from apps.openspace.models import Vote
from apps.openspace.selectors import live_counts

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Row locks (SELECT ... FOR UPDATE) need PostgreSQL."),
]

PARTICIPANTS = 100
THREADS = 50  # PostgreSQL's default max_connections is 100: one connection per thread, the test's own beside


def _in_threads(jobs):
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as error:  # a server error in a thread fails the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def test_a_hundred_participants_voting_at_once_are_each_counted_once_within_the_limit(cast):
    space = cast.space
    space.phase = "voting"
    space.save()
    topics = [TopicFactory(open_space=space, title=f"Temat {i}") for i in range(4)]
    people = [participant(space, full_name=f"Uczestnik {i}") for i in range(PARTICIPANTS)]
    clients = [_client(person) for person in people]
    urls = [reverse("openspace:vote", kwargs={"pk": space.pk, "topic_pk": t.pk}) for t in topics]
    statuses = []

    def job(pair):
        def run():
            # Each participant presses all four topics (and the first twice): three votes go in, the rest refused.
            for index in [0, 1, 0, 2, 3]:
                for client in pair:
                    statuses.append(client.post(urls[(index + clients.index(client)) % 4]).status_code)

        return run

    pairs = [clients[i : i + PARTICIPANTS // THREADS] for i in range(0, PARTICIPANTS, PARTICIPANTS // THREADS)]
    _in_threads([job(pair) for pair in pairs])

    assert set(statuses) == {302}  # every press answered (a message for the refused ones), never a server error
    per_person = {p.pk: Vote.objects.filter(user=p).count() for p in people}
    assert set(per_person.values()) == {3}
    assert Vote.objects.filter(open_space=space).count() == 3 * PARTICIPANTS
    assert Vote.objects.values("topic_id", "user_id").distinct().count() == 3 * PARTICIPANTS
    shown = live_counts(space, cast.anna)
    stored = {t.pk: Vote.objects.filter(topic=t).count() for t in topics}
    assert {pk: n for pk, _title, n in shown.counts} == stored
    assert shown.total == 3 * PARTICIPANTS


def test_one_person_pressing_many_topics_at_once_stays_within_the_limit(cast):
    space = cast.space
    space.phase = "voting"
    space.save()
    topics = [TopicFactory(open_space=space, title=f"Temat {i}") for i in range(6)]
    clients = [_client(cast.anna) for _ in range(8)]
    targets = [*topics, topics[0], topics[0]]
    _in_threads(
        [
            (lambda c=c, t=t: c.post(reverse("openspace:vote", kwargs={"pk": space.pk, "topic_pk": t.pk})))
            for c, t in zip(clients, targets, strict=True)
        ]
    )
    votes = list(Vote.objects.filter(user=cast.anna).values_list("topic_id", flat=True))
    assert len(votes) == 3 and len(set(votes)) == 3

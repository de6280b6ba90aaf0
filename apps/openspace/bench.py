"""The open space pages ``make bench`` measures (see apps.core.bench), on the scale data of
``apps/demo/scale_openspace.py``: 300 participants (100 in the small edition), 40 topics, 900 votes, 10 groups.

The polled answer (``openspace.counts``, what every participant's market page fetches every 5 seconds) is asked as
a participant (the sample JST's leader, registered for the event): 7 queries whatever the number of participants,
topics and votes (apps/openspace/tests/test_views.py), a few kilobytes."""

from apps.core.bench import BENCH, BenchCase

SPACE = {"pk": "event.pk"}  # the scale open space has its event's id (scale_openspace.py)

BENCH.register(
    "openspace.counts",
    BenchCase(
        "Open space: the polled vote counts (300 participants)",
        "openspace:counts",
        SPACE,
        query="?poll=1",
        actor="leader",
    ),
    order=70,
)
BENCH.register(
    "openspace.market",
    BenchCase("Open space: the topic market", "openspace:market", SPACE, actor="leader"),
    order=71,
)
BENCH.register(
    "openspace.plenary",
    BenchCase("Open space: the plenary view (ranking)", "openspace:plenary", SPACE, actor="organiser"),
    order=72,
)
BENCH.register(
    "openspace.conclusions",
    BenchCase("Open space: the groups' conclusions", "openspace:conclusions", SPACE, actor="organiser"),
    order=73,
)

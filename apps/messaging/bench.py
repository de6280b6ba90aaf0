"""The message thread pages ``make bench`` measures (see apps.core.bench): the sample JST's thread holds 500
messages (apps/demo/scale_messaging.py); a page shows the latest 50."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "messaging.thread",
    BenchCase("Message thread, latest 50 of 500", "messaging:thread", {"pk": "engagement.pk"}, actor="leader"),
    order=60,
)
BENCH.register(
    "messaging.thread_search",
    BenchCase(
        "Message thread, search", "messaging:thread", {"pk": "engagement.pk"}, query="?q=diagnozy", actor="leader"
    ),
    order=61,
)

"""The events pages ``make bench`` measures (see apps.core.bench): an event with 1,000 registrations in the large
edition, 100 in the small one (``apps/demo/scale_events.py``)."""

from apps.core.bench import BENCH, BenchCase

EVENT = {"pk": "event.pk"}

BENCH.register("events.registrations", BenchCase("Event registrations list", "events:registrations", EVENT), order=60)
BENCH.register("events.rooms", BenchCase("Event rooms and rooming lists", "events:rooms", EVENT), order=61)
BENCH.register(
    "events.meals",
    BenchCase("Event meal counts (XLSX)", "events:export", {**EVENT, "kind": "=posilki", "fmt": "=xlsx"}),
    order=62,
)
BENCH.register("events.manage", BenchCase("Event page with its numbers", "events:manage", EVENT), order=63)
BENCH.register(
    "events.attendance",
    BenchCase("Attendance page (the lists' PDFs are built in the background)", "events:scans", EVENT),
    order=64,
)

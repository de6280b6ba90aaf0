"""The API's lists ``make bench`` measures (signed in with the session, as the browser; see docs/api.md)."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "api.engagements",
    BenchCase("API: engagements, 100 a page", "api:engagement-list", query="?page_size=100"),
    order=70,
)
BENCH.register(
    "api.applications",
    BenchCase("API: applications, 100 a page", "api:application-list", query="?page_size=100"),
    order=71,
)
BENCH.register(
    "api.hdr_actions",
    BenchCase("API: HDR actions, 100 a page", "api:hdr-action-list", query="?page_size=100"),
    order=72,
)
BENCH.register(
    "api.teryt",
    BenchCase("API: TERYT search", "api:teryt-list", query="?q=gmina", actor="anonymous", per_edition=False),
    order=73,
)
BENCH.register(
    "api.event_registrations",
    BenchCase(
        "API: event registrations with presence, 100 a page", "api:event-registration-list", query="?page_size=100"
    ),
    order=74,
)
BENCH.register(
    "api.event_attendance",
    BenchCase("API: an event's attendance per day and JST", "api:event-attendance", {"pk": "event.pk"}),
    order=75,
)
BENCH.register(
    "api.publications",
    BenchCase(
        "API: knowledge base search, 100 a page",
        "api:publication-list",
        query="?page_size=100&q=szkoła",
        actor="anonymous",
        per_edition=False,
    ),
    order=76,
)
BENCH.register(
    "api.open_data",
    BenchCase(
        "API: open data, participating JSTs, 100 a page",
        "api:open-data-jst-list",
        query="?page_size=100",
        actor="anonymous",
        per_edition=False,
    ),
    order=77,
)

"""The statistics pages ``make bench`` measures (see apps.core.bench): the national view reads the snapshots only."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "statistics.national",
    BenchCase(
        "National statistics (coordinator, snapshots)", "statistics:national", actor="coordinator", per_edition=False
    ),
    order=90,
)
BENCH.register(
    "statistics.edition",
    BenchCase("Edition dashboard and statistics (organiser)", "statistics:edition", {"slug": "edition.slug"}),
    order=91,
)
BENCH.register(
    "statistics.open_data_jst",
    BenchCase(
        "Open data: participating JSTs (CSV)",
        "statistics:open_data_file",
        {"dataset": "=jst", "fmt": "=csv"},
        actor="anonymous",
        per_edition=False,
    ),
    order=92,
)

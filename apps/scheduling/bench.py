"""The scheduler's page ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "scheduling.runs",
    BenchCase("Scheduled jobs and their runs", "scheduling:runs", actor="admin", per_edition=False),
    order=90,
)

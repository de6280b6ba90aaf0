"""The edition pages ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "editions.overview", BenchCase("Edition overview", "editions:overview", {"slug": "edition.slug"}), order=5
)

"""The public-face pages ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "branding.edition_marks",
    BenchCase("Edition's funding marks (organiser)", "branding:edition_marks", {"slug": "edition.slug"}),
    order=60,
)
BENCH.register(
    "branding.help", BenchCase("Help page (public)", "branding:help", actor="anonymous", per_edition=False), order=61
)

"""The advising pages ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "advising.edition_visits",
    BenchCase("Visits at the JSTs (organiser)", "advising:edition_visits", {"slug": "edition.slug"}),
    order=40,
)
BENCH.register(
    "advising.edition_visits_search",
    BenchCase(
        "Visits at the JSTs, search + sort",
        "advising:edition_visits",
        {"slug": "edition.slug"},
        query="?q=gmina&sort=held",
    ),
    order=41,
)
BENCH.register(
    "advising.edition_hours_xlsx",
    BenchCase("Advisors' hours XLSX (organiser)", "advising:edition_hours_xlsx", {"slug": "edition.slug"}),
    order=42,
)
BENCH.register(
    "advising.edition_hours_jst_xlsx",
    BenchCase(
        "JSTs × forms hours XLSX (organiser)",
        "advising:edition_hours_xlsx",
        {"slug": "edition.slug"},
        query="?zestawienie=jst",
    ),
    order=43,
)

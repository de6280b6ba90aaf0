"""The advising pages ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase
from apps.documents.list_exports import export_query

from .exports import HOURS, VISITS

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
BENCH.register(
    "advising.visits_export",
    BenchCase(
        "Visits export (CSV)",
        "advising:edition_visits_export",
        {"slug": "edition.slug"},
        query="?" + export_query(VISITS, "csv"),
    ),
    order=44,
)
BENCH.register(
    "advising.hours_export",
    BenchCase(
        "Hours export (CSV)",
        "advising:edition_hours_export",
        {"slug": "edition.slug"},
        query="?" + export_query(HOURS, "csv"),
    ),
    order=45,
)

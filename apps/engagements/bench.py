"""The engagement pages ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase
from apps.documents.list_exports import export_query

from .exports import ENGAGEMENTS, TEAM_MEMBERS

SLUG = {"slug": "edition.slug"}

BENCH.register(
    "engagements.matrix", BenchCase("Edition matrix (JSTs × stages)", "engagements:edition_matrix", SLUG), order=10
)
BENCH.register("engagements.areas", BenchCase("Areas table", "engagements:edition_areas", SLUG), order=11)
BENCH.register(
    "engagements.advisors", BenchCase("Advisors page (pair assignment)", "engagements:edition_advisors", SLUG), order=12
)
BENCH.register(
    "engagements.advisor_dashboard", BenchCase("Advisor dashboard", "core:dashboard", actor="advisor"), order=13
)
BENCH.register("engagements.mine", BenchCase("Advisor's karty JST list", "engagements:mine", actor="advisor"), order=14)
BENCH.register(
    "engagements.detail",
    BenchCase("Karta JST (engagement page)", "engagements:detail", {"pk": "engagement.pk"}, actor="leader"),
    order=15,
)
BENCH.register(
    "engagements.matrix_search",
    BenchCase("Edition matrix, search + stuck filter", "engagements:edition_matrix", SLUG, query="?q=gmina&utknely=1"),
    order=13,
)
BENCH.register(
    "engagements.pairing",
    BenchCase("Advisors' load + proposed pairs", "engagements:edition_pairing", SLUG, query="?maks=40"),
    order=16,
)

# The organiser's list exports (apps.documents.list_exports), the default columns as CSV.
BENCH.register(
    "engagements.export",
    BenchCase(
        "Karty JST export (CSV)", "engagements:edition_export", SLUG, query="?" + export_query(ENGAGEMENTS, "csv")
    ),
    order=17,
)
BENCH.register(
    "engagements.team_export",
    BenchCase(
        "Team members export (CSV)",
        "engagements:edition_team_export",
        SLUG,
        query="?" + export_query(TEAM_MEMBERS, "csv"),
    ),
    order=18,
)

"""The recruitment pages and exports ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase
from apps.documents.list_exports import export_query

from .exports import APPLICATIONS

SLUG = {"slug": "edition.slug"}

BENCH.register("recruitment.desk", BenchCase("Recruitment desk", "recruitment:desk", SLUG), order=30)
BENCH.register(
    "recruitment.desk_filtered",
    BenchCase("Recruitment desk, filtered", "recruitment:desk", SLUG, query="?status=qualified&kind=rural_gmina&q=a"),
    order=31,
)
BENCH.register(
    "recruitment.export_xlsx",
    BenchCase("Desk export XLSX", "recruitment:export", SLUG, query="?" + export_query(APPLICATIONS, "xlsx")),
    order=32,
)
BENCH.register(
    "recruitment.export_csv",
    BenchCase("Desk export CSV", "recruitment:export", SLUG, query="?" + export_query(APPLICATIONS, "csv")),
    order=33,
)
BENCH.register(
    "recruitment.call", BenchCase("Call page (public)", "recruitment:call_detail", SLUG, actor="anonymous"), order=34
)
BENCH.register(
    "recruitment.results", BenchCase("Call results (public)", "recruitment:results", SLUG, actor="anonymous"), order=35
)
BENCH.register(
    "recruitment.calls",
    BenchCase("Calls list (public)", "recruitment:call_list", actor="anonymous", per_edition=False),
    order=36,
)

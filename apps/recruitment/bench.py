"""The recruitment pages and exports ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase

SLUG = {"slug": "edition.slug"}

BENCH.register("recruitment.desk", BenchCase("Biurko naboru", "recruitment:desk", SLUG), order=30)
BENCH.register(
    "recruitment.desk_filtered",
    BenchCase("Biurko naboru z filtrami", "recruitment:desk", SLUG, query="?status=qualified&kind=rural_gmina&q=a"),
    order=31,
)
BENCH.register(
    "recruitment.export_xlsx",
    BenchCase("Eksport zgłoszeń XLSX", "recruitment:export", {**SLUG, "fmt": "=xlsx"}),
    order=32,
)
BENCH.register(
    "recruitment.export_csv", BenchCase("Eksport zgłoszeń CSV", "recruitment:export", {**SLUG, "fmt": "=csv"}), order=33
)
BENCH.register(
    "recruitment.call", BenchCase("Strona naboru", "recruitment:call_detail", SLUG, actor="anonymous"), order=34
)
BENCH.register(
    "recruitment.results", BenchCase("Wyniki naboru", "recruitment:results", SLUG, actor="anonymous"), order=35
)
BENCH.register(
    "recruitment.calls",
    BenchCase("Lista naborów", "recruitment:call_list", actor="anonymous", per_edition=False),
    order=36,
)

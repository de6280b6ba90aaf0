"""The register pages ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "territory.register",
    BenchCase("JST register (public)", "territory:register", actor="anonymous", per_edition=False),
    order=40,
)
BENCH.register(
    "territory.search",
    BenchCase("JST register, search", "territory:register", query="?q=gmina", actor="anonymous", per_edition=False),
    order=41,
)
BENCH.register(
    "territory.suggestions",
    BenchCase("JST picker suggestions", "territory:suggestions", query="?q=bol", actor="anonymous", per_edition=False),
    order=42,
)
BENCH.register(
    "territory.detail",
    BenchCase(
        "A JST's register page (its calls and engagements), organiser",
        "territory:detail",
        {"teryt": "engagement.local_government.teryt"},
    ),
    order=43,
)

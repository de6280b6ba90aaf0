"""The engagement pages ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase

SLUG = {"slug": "edition.slug"}

BENCH.register("engagements.matrix", BenchCase("Zestawienie JST × etapy", "engagements:edition_matrix", SLUG), order=10)
BENCH.register("engagements.areas", BenchCase("Zestawienie obszarów", "engagements:edition_areas", SLUG), order=11)
BENCH.register(
    "engagements.advisors", BenchCase("Przydział par doradców", "engagements:edition_advisors", SLUG), order=12
)
BENCH.register("engagements.advisor_dashboard", BenchCase("Panel doradcy", "core:dashboard", actor="advisor"), order=13)
BENCH.register("engagements.mine", BenchCase("Karty JST doradcy", "engagements:mine", actor="advisor"), order=14)
BENCH.register(
    "engagements.detail",
    BenchCase("Karta JST", "engagements:detail", {"pk": "engagement.pk"}, actor="leader"),
    order=15,
)

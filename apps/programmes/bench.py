"""The programme library's public pages ``make bench`` measures (six programmes of three scenarios each)."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "programmes.list",
    BenchCase("Training programmes, public list", "programmes:list", actor="anonymous", per_edition=False),
    order=92,
)

"""The register page ``make bench`` measures: 3,300 remarks (apps/demo/scale_feedback.py), a page shows 25."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "feedback.register",
    BenchCase("Model feedback register, 25 of 3,300", "feedback:register", actor="admin", per_edition=False),
    order=90,
)
BENCH.register(
    "feedback.register_search",
    BenchCase(
        "Model feedback register, filtered and searched",
        "feedback:register",
        query="?stan=new&czesc=area&q=uzupe%C5%82nienia&sort=part",
        actor="admin",
        per_edition=False,
    ),
    order=91,
)

"""The surveys pages ``make bench`` measures: the results of an evaluation survey with 3,300 responses in the
large edition, 330 in the small one (``apps/demo/scale_surveys.py``)."""

from apps.core.bench import BENCH, BenchCase

SURVEY = {"pk": "survey.pk"}

BENCH.register("surveys.results", BenchCase("Survey results, charts and texts", "surveys:results", SURVEY), order=70)
BENCH.register(
    "surveys.results_filtered",
    BenchCase("Survey results filtered by workshop group", "surveys:results", SURVEY, query="?workshop_group=powiaty"),
    order=71,
)

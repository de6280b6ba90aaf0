"""The HDR pages ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase

BENCH.register("plans.list", BenchCase("Lista HDR (organizator)", "plans:list"), order=20)
BENCH.register(
    "plans.review_list", BenchCase("HDR do akceptacji (doradca)", "plans:review_list", actor="advisor"), order=21
)
BENCH.register(
    "plans.detail_20",
    BenchCase("HDR: 20 działań", "plans:detail", {"engagement_pk": "engagement.pk"}, actor="leader"),
    order=22,
)
BENCH.register(
    "plans.detail_40",
    BenchCase("HDR: 40 działań", "plans:detail", {"engagement_pk": "long_plan.engagement_id"}, actor="long_leader"),
    order=23,
)

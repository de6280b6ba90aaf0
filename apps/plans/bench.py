"""The HDR pages ``make bench`` measures (see apps.core.bench)."""

from apps.core.bench import BENCH, BenchCase

BENCH.register("plans.list", BenchCase("HDR list (organiser)", "plans:list"), order=20)
BENCH.register(
    "plans.review_list", BenchCase("HDRs to review (advisor)", "plans:review_list", actor="advisor"), order=21
)
BENCH.register(
    "plans.detail_20",
    BenchCase("HDR page, 20 actions", "plans:detail", {"engagement_pk": "engagement.pk"}, actor="leader"),
    order=22,
)
BENCH.register(
    "plans.detail_40",
    BenchCase(
        "HDR page, 40 actions", "plans:detail", {"engagement_pk": "long_plan.engagement_id"}, actor="long_leader"
    ),
    order=23,
)
BENCH.register(
    "plans.list_search",
    BenchCase("HDR list, search + overdue filter", "plans:list", query="?q=gmina&po_terminie=1&sort=po-terminie"),
    order=24,
)

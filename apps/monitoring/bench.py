"""The monitoring pages ``make bench`` measures (see apps.core.bench): the participants' list, the completeness
report and the SM EFS participants' export of an EU-funded edition (3,333 participants in the large one:
``apps/demo/scale_monitoring.py``), as the organiser's staff with the monitoring permission."""

from apps.core.bench import BENCH, BenchCase

BENCH.register(
    "monitoring.participants",
    BenchCase("Monitoring: participants (organiser)", "monitoring:participants", {"slug": "edition.slug"}),
    order=110,
)
BENCH.register(
    "monitoring.completeness",
    BenchCase("Monitoring: completeness report", "monitoring:completeness", {"slug": "edition.slug"}),
    order=111,
)
BENCH.register(
    "monitoring.export_participants",
    BenchCase("SM EFS participants export (CSV)", "monitoring:export_participants", {"slug": "edition.slug"}),
    order=112,
)

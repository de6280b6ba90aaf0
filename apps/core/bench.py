"""The pages ``make bench`` measures. Each app registers its own listing and aggregating pages here from its
``bench.py`` (found by the bench runner, ``apps.demo.benchmark``), so a new app adds its pages without touching
the runner::

    BENCH.register("plans.detail_40", BenchCase(
        "HDR page, 40 actions", "plans:detail", args={"engagement_pk": "long_plan.engagement_id"}, actor="leader"))

``args`` values are attribute paths on the bench world of one edition (``apps.demo.benchmark.World``: ``edition``,
``engagement``, ``long_plan``, ``application``...); ``actor`` is who asks (``anonymous``, ``organiser``,
``advisor``, ``leader``, ``admin``). A page that does not depend on the edition (``per_edition=False``) is measured
once.
"""

from dataclasses import dataclass, field

from .registry import Registry


@dataclass(frozen=True)
class BenchCase:
    label: str
    url_name: str
    args: dict[str, str] = field(default_factory=dict)
    query: str = ""
    actor: str = "organiser"
    per_edition: bool = True


BENCH: Registry[BenchCase] = Registry("bench case")
BENCH.register("core.home", BenchCase("Home", "core:home", actor="anonymous", per_edition=False), order=1)

import json
from dataclasses import asdict

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.demo import benchmark


class Command(BaseCommand):
    help = (
        "Measure every registered listing and aggregating page on the seed_scale data: median server time, "
        "queries, multiple of the framework floor, growth from the small edition to the large one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--only", default="", help="only cases whose key contains this text")
        parser.add_argument("--seconds", type=float, default=1.5, help="time spent on each page and edition")
        parser.add_argument("--min-runs", type=int, default=5)
        parser.add_argument("--json", dest="json_path", default="", help="also write the figures to this file")

    def handle(self, *args, **options):
        if not getattr(settings, "BENCH", False):
            raise CommandError("Run with DJANGO_SETTINGS_MODULE=config.settings.bench (its own database).")
        budget = benchmark.Budget(min_runs=options["min_runs"], seconds=options["seconds"])
        self.stdout.write("| page | large ms | queries | × floor (first) | KB | small edition | growth |")
        report = benchmark.run(budget=budget, only=options["only"], log=self.stdout.write)
        self.stdout.write("")
        self.stdout.write(benchmark.format_report(report))
        if options["json_path"]:
            with open(options["json_path"], "w", encoding="utf-8") as out:
                json.dump(asdict(report), out, ensure_ascii=False, indent=1)

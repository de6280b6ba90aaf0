import os
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from apps.demo import loadtest, scale

# The databases this command writes into: the bench's (var/bench.sqlite3), the cluster's (doradztwo_cluster) and
# the test runner's own (test_*, in-memory SQLite).
OWN_DATABASE = re.compile(r"(bench|cluster|^test_|memorydb|:memory:)")


class Command(BaseCommand):
    help = (
        "Adds to the seed_scale data what the signed-in load scenarios need (loadtest/locustfile.py): an open call "
        "on its deadline day, organiser staff, advisors and JST officials with a known password and TOTP secret, an "
        "event today with registrations; writes them to a JSON file for locust (var/cluster/loadtest.json)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(settings.VAR_DIR / "cluster" / "loadtest.json"))
        parser.add_argument("--pdf", default=str(settings.VAR_DIR / "cluster" / "loadtest-signed.pdf"))
        parser.add_argument("--staff", type=int, default=loadtest.LoadSize.staff)
        parser.add_argument("--officials", type=int, default=loadtest.LoadSize.officials)
        parser.add_argument("--participants", type=int, default=loadtest.LoadSize.participants)
        parser.add_argument(
            "--allow-production-settings",
            action="store_true",
            help="Run under config.settings.prod (only for a cluster database made by make cluster).",
        )

    def handle(self, *args, **options):
        module = os.environ.get("DJANGO_SETTINGS_MODULE", "")
        if module.endswith(".prod") and not options["allow_production_settings"]:
            raise CommandError(
                "seed_loadtest sets known passwords and TOTP secrets: not under the production settings. Run it "
                "with DJANGO_SETTINGS_MODULE=config.settings.bench (or pass --allow-production-settings for the "
                "cluster's own database)."
            )
        name = str(connection.settings_dict.get("NAME") or "")
        if not settings.DEBUG and not OWN_DATABASE.search(Path(name).name if "/" in name else name):
            raise CommandError(
                f"The database {name!r} is not the bench's or the cluster's; seed_loadtest writes only there."
            )
        size = loadtest.LoadSize(
            staff=options["staff"], officials=options["officials"], participants=options["participants"]
        )
        try:
            loadtest.build(size, out=Path(options["out"]), pdf_out=Path(options["pdf"]), log=self.stdout.write)
        except scale.NotABenchDatabase as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Dane obciążenia są gotowe."))

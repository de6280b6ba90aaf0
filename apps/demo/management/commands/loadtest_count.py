import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.demo import loadtest
from apps.recruitment.models import Application


class Command(BaseCommand):
    help = (
        "Nothing submitted is lost: compares the submitted applications of one load-test run in the database with "
        "the successful submissions locust recorded (var/cluster/loadtest-submitted/<run>-*.json); exits 1 when "
        "they differ."
    )

    def add_arguments(self, parser):
        parser.add_argument("--run", required=True, help="The run's tag (LOADTEST_RUN of loadtest/run.sh).")
        parser.add_argument("--dir", default=str(settings.VAR_DIR / "cluster" / "loadtest-submitted"))

    def handle(self, *args, **options):
        run = options["run"]
        recorded: set[int] = set()
        files = sorted(Path(options["dir"]).glob(f"{run}-*.json"))
        for path in files:
            recorded |= set(json.loads(path.read_text())["submitted"])
        stored = set(
            Application.objects.filter(
                edition__slug=loadtest.EDITION_SLUG,
                applicant__email__startswith=loadtest.applicant_prefix(run),
                submitted_at__isnull=False,
            ).values_list("pk", flat=True)
        )
        self.stdout.write(
            f"run {run}: locust recorded {len(recorded)} successful submissions ({len(files)} files), "
            f"the database holds {len(stored)} submitted applications of the run"
        )
        if recorded != stored:
            raise CommandError(
                f"lost or unrecorded: in the database but not recorded {sorted(stored - recorded)[:20]}, "
                f"recorded but not in the database {sorted(recorded - stored)[:20]}"
            )
        self.stdout.write(self.style.SUCCESS("nothing submitted is lost"))

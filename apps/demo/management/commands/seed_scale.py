import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.demo import scale


class Command(BaseCommand):
    help = (
        "National-scale data for the benchmark in its own database (DJANGO_SETTINGS_MODULE=config.settings.bench: "
        "var/bench.sqlite3 or DATABASE_URL): an edition with 1,000 JSTs from the TERYT register, teams, advisor "
        "pairs, diagnoses, HDRs, a call with 1,000 applications, and an edition a tenth of its size."
    )

    def add_arguments(self, parser):
        parser.add_argument("--engagements", type=int, default=scale.Size.engagements)
        parser.add_argument("--advisors", type=int, default=scale.Size.advisors)
        parser.add_argument("--actions", type=int, default=scale.Size.actions)
        parser.add_argument("--applications", type=int, default=scale.Size.applications)

    def handle(self, *args, **options):
        if not getattr(settings, "BENCH", False):
            raise CommandError("Run with DJANGO_SETTINGS_MODULE=config.settings.bench (its own database).")
        started = time.monotonic()
        size = scale.Size(
            engagements=options["engagements"],
            advisors=options["advisors"],
            actions=options["actions"],
            applications=options["applications"],
        )
        try:
            scale.build(size, log=self.stdout.write)
        except scale.NotABenchDatabase as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Dane skali są gotowe ({time.monotonic() - started:.1f} s)."))

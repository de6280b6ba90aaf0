"""The scheduler process: ``make run`` starts it beside the web server and the worker; production runs it as one
more long-running process. Several may run at once (one per server): each slot is claimed by exactly one."""

import logging
import signal
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from apps.scheduling import services
from apps.scheduling.jobs import JOBS

logger = logging.getLogger("apps.scheduling")


class Command(BaseCommand):
    help = "Uruchamia zadania okresowe o ich porach (harmonogram); --once: jeden przebieg i koniec."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Jeden przebieg: uruchom zaległe zadania i zakończ.")
        parser.add_argument("--interval", type=float, default=30.0, help="Sekundy między przebiegami (domyślnie 30).")

    def handle(self, *args, **options):
        if options["once"]:
            self._tick()
            return
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        jobs = ", ".join(f"{job.key} ({job.schedule.describe()})" for job in JOBS)
        self.stdout.write(f"Harmonogram działa ({services.this_process()}); zadania: {jobs}")
        while not stop.is_set():
            # A process that lives for months: drop a connection the database closed, and outlive a database
            # restart (the next tick tries again).
            close_old_connections()
            try:
                self._tick()
            except Exception:
                logger.exception("Scheduler tick failed; trying again in %s s.", options["interval"])
            stop.wait(options["interval"])
        self.stdout.write("Harmonogram zatrzymany.")

    def _tick(self):
        for run in services.tick():
            self.stdout.write(f"{run.job}: termin {run.slot:%Y-%m-%d %H:%M} UTC, próba {run.attempts}")

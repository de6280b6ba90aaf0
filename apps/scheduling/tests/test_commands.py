"""``make run`` starts the scheduler beside the web server and the worker; ``run_scheduler --once`` ticks once."""

import os
import re
import shutil
import signal
import subprocess
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError

from apps.scheduling import services
from apps.scheduling.models import JobRun


def _background_commands_of_make_run() -> list[str]:
    # make itself expands the recipe (-n: print, do not run), so this reads what `make run` really executes.
    assert shutil.which("make"), "GNU make is needed to run the platform"
    printed = subprocess.run(
        ["make", "-n", "run"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    ).stdout
    recipe = printed.replace("\\\n", " ")
    [line] = [line for line in recipe.splitlines() if "runserver" in line]
    return [part.strip() for part in re.split(r"(?<![>&])&(?!&|>)", line.split(";", 1)[1])]


def test_make_run_starts_the_scheduler_beside_the_worker_and_the_web_server():
    commands = _background_commands_of_make_run()
    assert any("manage.py db_worker" in c for c in commands[:-1])
    assert any("manage.py run_scheduler" in c for c in commands[:-1])  # in the background, like the worker
    assert "manage.py runserver" in commands[-1]


@pytest.mark.django_db
def test_run_scheduler_once_runs_what_is_due_and_says_so(daily, clock):
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "test.daily: termin 2027-03-01 05:00 UTC, próba 1" in out.getvalue()
    call_command("run_scheduler", "--once", stdout=StringIO())
    assert len(daily.calls) == 1 and JobRun.objects.get().status == JobRun.Status.SUCCEEDED


@pytest.mark.django_db
def test_the_scheduler_loop_outlives_a_failed_tick_and_stops_on_sigterm(monkeypatch):
    ticks = []

    def tick():
        ticks.append(len(ticks))
        if len(ticks) == 1:
            raise OperationalError("the database is restarting")
        os.kill(os.getpid(), signal.SIGTERM)  # what systemd or `make run`'s Ctrl+C sends
        return []

    monkeypatch.setattr(services, "tick", tick)
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    out = StringIO()
    try:
        call_command("run_scheduler", "--interval", "0", stdout=out)
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    assert ticks == [0, 1]
    assert out.getvalue().splitlines()[-1] == "Harmonogram zatrzymany."


def test_make_run_on_another_port_puts_the_e_mailed_links_on_that_port():
    """`make run PORT=8123`: the links in e-mails (SITE_URL, exported to the web server, the worker and the
    scheduler) follow the port the server answers on (issue 9, item 16)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    # A prerequisite of ``run`` sees run's variables: print SITE_URL as make expands it there (-n runs nothing).
    printed = subprocess.run(
        [
            "make",
            "-n",
            "--eval",
            "run: show-site-url",
            "--eval",
            "show-site-url: ; echo SITE_URL=$(SITE_URL)",
            "run",
            "PORT=8123",
        ],  # fmt: skip
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    assert "SITE_URL=http://127.0.0.1:8123" in printed

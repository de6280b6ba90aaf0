"""People working at the same time on SQLite (the `make run` default) get no server error.

Sign-ups on a call page, invitations, team members added and applications started, while others browse signed in
and the background worker writes: each in its own thread and connection, against a real SQLite file (the test
database is in memory and shared, which locks differently). The load runs in a subprocess on its own fresh SQLite
file whatever DATABASE_URL says, so it checks SQLite in the PostgreSQL pass too and touches nothing there."""

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("sqlite_load.py")


def test_concurrent_writers_and_readers_on_sqlite_get_no_error(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "load.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        cwd=SCRIPT.parent.parent,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "20 threads, 0 failed" in result.stdout

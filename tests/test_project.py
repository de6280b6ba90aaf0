"""Project-wide checks that belong in the suite: migrations, lint, system checks."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:  # makemigrations --check exits 1 when a migration is missing
        pytest.fail(f"Models changed without a migration:\n{out.getvalue()}") if exc.code else None


def test_system_checks_pass():
    call_command("check", "--fail-level", "WARNING")


def test_ruff_lint_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--quiet", str(ROOT)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_checks_pass_for_production_settings():
    """`manage.py check --deploy` with production settings has no warnings we did not decide to accept."""
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.prod", "SECRET_KEY": "k3y-" + "".join(chr(97 + (i * 7) % 26) for i in range(60)), "PATH": "/usr/bin:/bin",
           "ALLOWED_HOSTS": "doradztwo.example"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

"""Project-wide checks that belong in the suite: migrations, lint, system checks."""

import ast
import subprocess
import sys
import tomllib
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
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "k3y-" + "".join(chr(97 + (i * 7) % 26) for i in range(60)),
        "PATH": "/usr/bin:/bin",
        "ALLOWED_HOSTS": "doradztwo.example",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "MONITORING_PESEL_KEY": "p3sel-" + "".join(chr(97 + (i * 11) % 26) for i in range(40)),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_apps_import_only_the_layers_below_them():
    """The layers contract of pyproject.toml ([tool.importlinter]), app code and app tests alike, with no import
    ignored: core at the bottom, demo on top (docs/architecture.md, docs/decisions/0009-platform-seams.md)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (contract,) = config["contracts"]
    assert contract["type"] == "layers" and contract["exhaustive"] is True
    assert not contract.get("ignore_imports") and not contract.get("exhaustive_ignores")
    assert contract["layers"][-1] == "core" and contract["layers"][0] == "demo"
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


RECORDING_CALLS = {"record", "record_on_timeline"}  # audit.services.record and engagements' audit + timeline


def _recorded_actions() -> dict[str, list[str]]:
    """Every action code passed to ``record(action=...)`` (or ``record_on_timeline``) in the apps' code."""
    codes: dict[str, list[str]] = {}
    for path in sorted((ROOT / "apps").rglob("*.py")):
        if {"tests", "migrations"} & set(path.relative_to(ROOT).parts):
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        # A wrapper that takes ``action`` and passes it on records nothing of its own.
        passing_on = {
            id(call)
            for fn in ast.walk(tree)
            if isinstance(fn, ast.FunctionDef) and "action" in {a.arg for a in fn.args.args + fn.args.kwonlyargs}
            for call in ast.walk(fn)
            if isinstance(call, ast.Call)
            and any(
                k.arg == "action" and isinstance(k.value, ast.Name) and k.value.id == "action" for k in call.keywords
            )
        }
        for node in ast.walk(tree):
            func = getattr(node, "func", None)
            if not isinstance(node, ast.Call) or getattr(func, "id", getattr(func, "attr", "")) not in RECORDING_CALLS:
                continue
            if id(node) in passing_on:
                continue
            action = next((k.value for k in node.keywords if k.arg == "action"), None)
            if action is None and node.args:
                action = node.args[0]
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            strings = [n.value for n in ast.walk(action) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
            # A code computed at run time could not be checked here: write it out (a literal or a choice of them).
            assert strings and not any(isinstance(n, ast.Call | ast.JoinedStr) for n in ast.walk(action)), where
            for code in strings:
                codes.setdefault(code, []).append(where)
    return codes


def test_every_recorded_audit_action_has_a_label_and_every_label_is_used():
    from apps.audit.actions import described_actions, label_for

    recorded = _recorded_actions()
    assert len(recorded) > 50  # the scan finds the services' record() calls
    unlabelled = {code: where for code, where in recorded.items() if code not in described_actions()}
    assert not unlabelled, f"Recorded without a label in a history.py: {unlabelled}"
    unused = sorted(set(described_actions()) - set(recorded))
    assert not unused, f"Labels of actions nothing records: {unused}"
    assert all(label_for(code) != code for code in recorded)

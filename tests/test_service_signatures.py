"""Every service takes keyword-only arguments, so a call reads ``submit_application(application=a, by=u)`` and
an argument can never land in the wrong place (``update_risk() got multiple values for keyword argument``)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICE_MODULES = (
    sorted(ROOT.glob("apps/*/services.py"))
    + sorted(ROOT.glob("apps/*/services/*.py"))
    + [ROOT / "apps/engagements/diagnosis.py"]
)
# Value helpers that write nothing (``snapshot(obj, fields)``, ``diff(before, after)``).
POSITIONAL_ALLOWED = {"apps/audit/services.py": {"snapshot", "diff"}}


def test_every_public_service_function_is_keyword_only():
    offenders = []
    for path in SERVICE_MODULES:
        relative = str(path.relative_to(ROOT))
        for node in ast.parse(path.read_text()).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            if node.name in POSITIONAL_ALLOWED.get(relative, set()):
                continue
            if node.args.posonlyargs or node.args.args:
                offenders.append(f"{relative}:{node.lineno} {node.name}")
    assert offenders == []

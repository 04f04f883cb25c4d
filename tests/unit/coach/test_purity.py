"""The coach is a pure package: standard library only, no Flask, SQLAlchemy or werkzeug."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
COACH = ROOT / "runner_app" / "coach"
FORBIDDEN = ("flask", "sqlalchemy", "werkzeug", "flask_sqlalchemy")

PROBE = """
import importlib, json, pkgutil, sys
import runner_app.coach.engine
for info in pkgutil.iter_modules(runner_app.coach.__path__):
    importlib.import_module("runner_app.coach." + info.name)
print(json.dumps(sorted(sys.modules)))
"""


def test_importing_the_coach_in_a_fresh_interpreter_loads_no_web_or_database_library() -> None:
    result = subprocess.run(  # noqa: S603 - a fixed command: this interpreter and a constant script
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    modules = json.loads(result.stdout)
    assert "runner_app.coach.engine" in modules
    assert not [m for m in modules if m.split(".")[0] in FORBIDDEN]
    assert not [m for m in modules if m.startswith("runner_app.") and not m.startswith("runner_app.coach")]


def test_no_coach_module_imports_anything_outside_the_standard_library_and_the_coach() -> None:
    allowed_roots = set(sys.stdlib_module_names) | {"runner_app"}
    for path in sorted(COACH.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed_roots, f"{path.name} imports {name}"
                if name.startswith("runner_app"):
                    assert name.startswith("runner_app.coach"), f"{path.name} imports {name}"

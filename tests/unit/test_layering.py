"""The API and the pages are separate layers: the app-wide error handlers choose between their formats in one
module of their own, so importing the API loads nothing of the pages."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import runner_app.api


def test_importing_the_api_loads_no_module_of_the_web_pages() -> None:
    probe = (
        "import sys, runner_app.api; "
        "print(sorted(m for m in sys.modules if m == 'runner_app.web' or m.startswith('runner_app.web.')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.strip() == "[]"


def test_no_module_of_the_api_imports_the_web_pages_even_inside_a_function() -> None:
    api_dir = Path(runner_app.api.__file__).parent
    offenders = []
    for path in sorted(api_dir.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            offenders += [
                f"{path.name}: {n}" for n in names if n == "runner_app.web" or n.startswith("runner_app.web.")
            ]
    assert offenders == []

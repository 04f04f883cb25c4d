"""Which code computed a cached coach day: a fingerprint of the source that shapes the cache's contents.

A deploy that changes the rules, the reasons or the tasks must not keep serving days computed by the code
before it (nor resume from engine states of another shape). Cached days carry this fingerprint, and days with
another one are ignored and computed again. The fingerprint is of the source itself, so no one has to
remember to bump a number.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from functools import cache
from pathlib import Path

# What the cached rows are made of: the engine, the planning of tasks, and the services that assemble them.
SOURCES = (
    "runner_app.coach",
    "runner_app.planning",
    "runner_app.services.coach",
    "runner_app.services.today",
)
LENGTH = 16


def _files(name: str) -> list[Path]:
    module = importlib.import_module(name)
    files = [Path(module.__file__ or "")]
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), prefix=name + "."):
        files.append(Path(importlib.import_module(info.name).__file__ or ""))
    return files


@cache
def engine_version() -> str:
    digest = hashlib.sha256()
    for path in sorted({p for name in SOURCES for p in _files(name)}):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:LENGTH]

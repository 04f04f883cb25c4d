"""The JSON API, version 1 (`shared/api.md`), and its OpenAPI document."""

from __future__ import annotations

from flask import Blueprint

from runner_app.api.errors import answer_bad_input_as_problems

bp = Blueprint("api", __name__, url_prefix="/api")
answer_bad_input_as_problems(bp)

from runner_app.api import (  # noqa: E402,F401  (routes register on import)
    coach,
    entries,
    export,
    openapi,
    plan,
    profile,
    push,
    report,
    sync,
)

"""The JSON API, version 1 (`shared/api.md`), and its OpenAPI document."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api")

from runner_app.api import coach, entries, openapi, plan, sync  # noqa: E402,F401  (routes register on import)

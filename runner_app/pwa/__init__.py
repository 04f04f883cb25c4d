"""The installable, offline-first shell: /sw.js, /manifest.webmanifest, /offline and /pwa/session."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("pwa", __name__)

from runner_app.pwa import routes  # noqa: E402,F401  (routes register on import)

"""Running in production: health check, request logs, backups."""

from __future__ import annotations

from flask import Flask


def register_ops(app: Flask) -> None:
    """Install the production-path pieces (filled in by the ops module)."""

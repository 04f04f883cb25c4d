"""Running in production: health check, structured request logs, SQLite backups."""

from __future__ import annotations

from flask import Flask

from runner_app.ops.backup import backup_command
from runner_app.ops.health import bp as health_bp
from runner_app.ops.request_log import install_request_log


def register_ops(app: Flask) -> None:
    """Install the production-path pieces: `GET /healthz`, JSON request logs, `flask backup PATH`."""
    app.register_blueprint(health_bp)
    install_request_log(app)
    app.cli.add_command(backup_command)

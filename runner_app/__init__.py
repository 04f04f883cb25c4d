"""runner_app: a training log for runners whose server coaches the load from pain.

Flask and SQLAlchemy are imported inside the factory, so that importing the pure packages (`runner_app.coach`,
`runner_app.planning`) loads neither.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask
    from sqlalchemy.engine import Engine

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: settings, extensions, blueprints, error handlers, CLI commands."""
    from runner_app import config as config_module
    from runner_app.flask_app import RunnerFlask

    app = RunnerFlask(
        __name__,
        instance_path=str((config or {}).get("INSTANCE_PATH") or PROJECT_ROOT / "instance"),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_mapping(config_module.load(Path(app.instance_path), config))
    register_extensions(app)
    register_blueprints(app)
    register_security(app)
    register_commands(app)
    register_ops(app)
    return app


def register_extensions(app: Flask) -> None:
    from runner_app.extensions import csrf, db, limiter, login_manager, migrate

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True, compare_type=True
    )
    login_manager.init_app(app)
    csrf.init_app(app)
    if app.config["RATELIMIT_STORAGE_URI"] == "memory://" and _serving(app):
        logging.getLogger(__name__).warning(
            "REDIS_URL is not set: rate limits live in this process only and are not shared."
        )
    limiter.init_app(app)
    from runner_app.limits import check_limited_routes_only

    check_limited_routes_only(app, limiter)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            _tune_sqlite(db.engine)
        elif not app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}).get("pool_pre_ping"):
            from runner_app.pool import ping_when_idle

            ping_when_idle(db.engine, float(os.environ.get("DB_PING_IDLE_S", "10")))
    from runner_app.web.auth.loaders import register_loaders

    register_loaders(login_manager)


def _serving(app: Flask) -> bool:
    """True when the app is loaded to serve requests in production: not in tests, not for the dev run, and
    not for a `flask` command (the CLI loads the app inside its click context; gunicorn does not)."""
    import click

    in_cli = click.get_current_context(silent=True) is not None
    return not (app.testing or app.config["DEV_RUN"] or in_cli)


def _tune_sqlite(engine: Engine) -> None:
    """WAL lets readers run beside a writer; the busy timeout makes racing writers wait instead of fail."""
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def register_blueprints(app: Flask) -> None:
    from runner_app.api import bp as api_bp
    from runner_app.error_handlers import register_error_handlers
    from runner_app.pwa import bp as pwa_bp
    from runner_app.web import register_web

    app.register_blueprint(api_bp)
    app.register_blueprint(pwa_bp)
    register_web(app)
    register_error_handlers(app)
    if app.testing:
        from runner_app.pwa.faults import register_faults

        register_faults(app)


def register_security(app: Flask) -> None:
    from runner_app.security import register_security_hooks

    register_security_hooks(app)


def register_ops(app: Flask) -> None:
    from runner_app.ops import register_ops as install

    install(app)


def register_commands(app: Flask) -> None:
    from runner_app.cli import register_cli

    register_cli(app)

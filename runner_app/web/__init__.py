"""Server-rendered pages, one blueprint per feature. They work without JavaScript."""

from __future__ import annotations

from flask import Flask


def register_web(app: Flask) -> None:
    from runner_app.web import filters
    from runner_app.web.auth import account  # noqa: F401  (its routes join the auth blueprint)
    from runner_app.web.auth.routes import bp as auth_bp
    from runner_app.web.coach.routes import bp as coach_bp
    from runner_app.web.history.routes import bp as history_bp
    from runner_app.web.log import catalogue
    from runner_app.web.log.routes import bp as log_bp
    from runner_app.web.plan.routes import bp as plan_bp
    from runner_app.web.profile.routes import bp as profile_bp
    from runner_app.web.report.routes import bp as report_bp
    from runner_app.web.settings.routes import bp as settings_bp
    from runner_app.web.today.routes import bp as today_bp

    pages = (auth_bp, today_bp, log_bp, history_bp, settings_bp, coach_bp, plan_bp, profile_bp, report_bp)
    for blueprint in pages:
        app.register_blueprint(blueprint)
    filters.register(app)
    catalogue.register(app)

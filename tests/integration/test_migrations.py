"""The migrations build the schema the models describe, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from runner_app.extensions import db
from tests.conftest import reset_schema


def test_upgrading_an_empty_database_to_head_matches_the_models(app: Flask) -> None:
    reset_schema(app)
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


def test_the_suite_runs_on_the_database_it_was_asked_for(app: Flask) -> None:
    with app.app_context():
        dialect = db.engine.dialect.name
    assert dialect == ("postgresql" if os.environ.get("TEST_DATABASE_URL") else "sqlite")


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(app: Flask) -> None:
    with app.app_context(), db.engine.connect() as conn:
        if db.engine.dialect.name != "sqlite":
            return  # PostgreSQL has neither setting; this run checks the other database
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000

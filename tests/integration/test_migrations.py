"""The migrations build the schema the models describe, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
from datetime import date, timedelta

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from sqlalchemy import text

from runner_app.extensions import db
from tests.builders import Api, new_id
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


def test_session_titles_are_kept_as_templates_and_worded_in_km_when_downgraded(app: Flask, api: Api) -> None:
    """0015: "Easy 8.0 km" is stored as "Easy {distance}" and worded in the runner's units when shown."""
    from flask_migrate import downgrade, upgrade

    build_plan(api, "Spring {10K}")
    titles = "SELECT title FROM planned_sessions WHERE title <> '' ORDER BY date"
    with app.app_context():
        db.session.remove()
        stored = list(db.session.execute(text(titles)).scalars())
        assert "Easy {distance}" in stored and "Long run {distance}" in stored
        db.session.remove()
        downgrade(revision="0014")
        worded = list(db.session.execute(text(titles)).scalars())
        assert "Easy 4.9 km" in worded and any(
            t.startswith("Long run ") and t.endswith(" km") for t in worded
        )
        assert not any("{" in title and "10K" not in title for title in worded)
        assert "Spring {10K}" in worded
        db.session.remove()
        upgrade()
        assert list(db.session.execute(text(titles)).scalars()) == stored


def test_downgrading_past_table_copies_keeps_every_row(app: Flask, api: Api) -> None:
    """SQLite's batch mode copies a table to drop a column; the copy must not cascade-delete the rows that
    point at the old one (0009 copies users, 0011 plans and planned_sessions)."""
    from flask_migrate import downgrade, upgrade

    monday = build_plan(api, "Spring 10K")
    run = {"date": monday.isoformat(), "kind": "easy", "distance_m": 8000, "duration_s": 2880}
    assert api.put(f"/api/v1/runs/{new_id()}", run).status_code == 201
    counts = (
        "SELECT (SELECT count(*) FROM planned_sessions), (SELECT count(*) FROM runs), "
        "(SELECT count(*) FROM users)"
    )
    with app.app_context():
        db.session.remove()
        before = tuple(db.session.execute(text(counts)).one())
        db.session.remove()
        downgrade(revision="0008")
        assert tuple(db.session.execute(text(counts)).one()) == before
        db.session.remove()
        upgrade()
        assert tuple(db.session.execute(text(counts)).one()) == before


def build_plan(api: Api, race_name: str) -> date:
    """A built 10K plan from this week's Monday, every day a run; answers that Monday."""
    monday = date.today() - timedelta(days=date.today().weekday())  # noqa: DTZ011
    plan = {
        "race_name": race_name,
        "race_date": (monday + timedelta(weeks=8, days=6)).isoformat(),
        "race_distance_m": 10_000,
        "start_date": monday.isoformat(),
        "template": ["easy"] * 6 + ["long"],
        "weekly_targets_m": [40_000],
        "long_run_day": 6,
    }
    assert api.put("/api/v1/plan", plan).status_code == 200
    return monday

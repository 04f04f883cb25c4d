"""INSERT … ON CONFLICT for the database in use: PostgreSQL and SQLite both speak it, each in its dialect."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite

from runner_app.extensions import db


def insert(target: Any) -> Any:
    """`insert(target)` with `on_conflict_do_nothing` / `on_conflict_do_update` for the session's database."""
    if db.session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(target)
    return sqlite.insert(target)

"""INSERT … ON CONFLICT for the database in use (PostgreSQL and SQLite both speak it, each in its
dialect), and statements built once per dialect for the paths every request takes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func
from sqlalchemy.dialects import postgresql, sqlite

from runner_app.extensions import db


def _insert_function() -> Callable[[Any], Any]:
    return postgresql.insert if db.session.get_bind().dialect.name == "postgresql" else sqlite.insert


def insert(target: Any) -> Any:
    """`insert(target)` with `on_conflict_do_nothing` / `on_conflict_do_update` for the session's database."""
    return _insert_function()(target)


class Prebuilt:
    """A statement made by `build(insert)` once per dialect, then reused: on a hot path, building a statement
    costs more than running it. Give its values as bind parameters when executing."""

    def __init__(self, build: Callable[[Callable[[Any], Any]], Any]) -> None:
        self._build = build
        self._built: dict[str, Any] = {}

    def __call__(self) -> Any:
        name = db.session.get_bind().dialect.name
        if name not in self._built:
            self._built[name] = self._build(_insert_function())
        return self._built[name]


def greatest(*values: Any) -> Any:
    """The largest of the values, as SQL: `greatest()` on PostgreSQL, the scalar `max()` on SQLite."""
    return (func.greatest if db.session.get_bind().dialect.name == "postgresql" else func.max)(*values)

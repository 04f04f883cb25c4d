"""What a request sends to the database: every statement, whether through the session (SQLAlchemy's engine
events) or on the driver itself (runner_app/services/driver.py, the hot paths' few statements)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from sqlalchemy import event

from runner_app.extensions import db
from runner_app.services import driver


@contextmanager
def sent(app: Flask) -> Iterator[list[tuple[str, bool]]]:
    """Each statement sent while the block runs, in order, and whether it went alone (in autocommit, with
    no BEGIN before it)."""
    seen: list[tuple[str, bool]] = []

    def record(_conn, cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append((statement, bool(getattr(cursor.connection, "autocommit", False))))

    def observe(statement: str, autocommit: bool) -> None:
        seen.append((statement, autocommit))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    driver.observers.append(observe)
    try:
        yield seen
    finally:
        driver.observers.remove(observe)
        event.remove(engine, "before_cursor_execute", record)


@contextmanager
def statements(app: Flask) -> Iterator[list[str]]:
    """Each statement sent while the block runs, in order."""
    texts: list[str] = []
    with sent(app) as seen:
        yield texts
    texts.extend(statement for statement, _ in seen)

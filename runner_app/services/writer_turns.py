"""On SQLite, writers of entries take turns in the kernel rather than in SQLite's busy handler.

SQLite lets one transaction write at a time. A writer that finds the write lock taken is put to sleep by
SQLite's busy handler, for 1, 2, 5, 10 … ms before it tries again, however soon the other one commits. Two
app workers saving entries at once therefore often slept a whole millisecond for a lock held a fraction of
that: with 16 clients on 2 workers, a tenth of the throughput of `PUT /api/v1/runs/{id}`
(bench/deploy_throughput.py).

So a write of entries first takes an exclusive `flock` on a file beside the database, and keeps it until
its transaction ends. The kernel wakes the next waiter the moment it is released. SQLite's own locking still
keeps the data safe; this only orders the queue, and a writer that does not take a turn (a CLI command, the
coach storing its cache) simply meets SQLite's lock as before.

A turn is taken only by a connection holding no SQLite write lock yet: a writer never waits for a turn while
holding the lock that the turn's holder may be waiting for, so the two locks cannot deadlock. Nested turns
(a batch of writes, each write in it) are one turn. Nothing happens on other databases, for in-memory
SQLite, or where `fcntl` is missing.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from runner_app.extensions import db

try:
    import fcntl
except ImportError:  # pragma: no cover  (Windows)
    fcntl = None  # type: ignore[assignment]


class _Turns(threading.local):
    """Per thread: a flock belongs to an open file, so each thread of a worker opens its own."""

    def __init__(self) -> None:
        self.files: dict[str, int] = {}
        self.depth = 0


_turns = _Turns()


def _lock_path() -> str | None:
    """The turn file of the app's SQLite database file, or None when turns do not apply."""
    url = db.engine.url
    if fcntl is None or url.get_backend_name() != "sqlite" or url.database in {None, "", ":memory:"}:
        return None
    return f"{url.database}-writers.lock"


def _holds_write_lock() -> bool:
    """Whether the session's SQLite connection is inside a transaction (pysqlite begins one at the first
    write, and holds SQLite's write lock from then to its end)."""
    driver: Any = db.session.connection().connection.driver_connection
    return bool(driver.in_transaction)


@contextmanager
def turn(holding_nothing: bool = False) -> Iterator[None]:
    """Hold this database's writer turn around a write and its commit (see the module's docstring). The
    session's connection is looked at unless the caller writes on a connection it knows holds no lock
    (`holding_nothing`: one just taken from the pool, services/driver.py)."""
    if _turns.depth:
        _turns.depth += 1
        try:
            yield
        finally:
            _turns.depth -= 1
        return
    path = _lock_path()
    if path is None or (not holding_nothing and _holds_write_lock()):
        yield
        return
    handle = _turns.files.get(path)
    if handle is None:
        handle = _turns.files[path] = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    fcntl.flock(handle, fcntl.LOCK_EX)
    _turns.depth = 1
    try:
        yield
    finally:
        _turns.depth = 0
        fcntl.flock(handle, fcntl.LOCK_UN)

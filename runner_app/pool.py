"""Dead connections on PostgreSQL: a connection is checked before use only when it has sat idle in the pool.

SQLAlchemy's `pool_pre_ping` sends `SELECT 1` on every checkout, that is on every request: a round trip
(and a transaction begun and rolled back) before each request's real work. A connection is lost when the
database restarts or fails over, or a proxy or firewall cuts it after a silence, and a connection in steady
use was used a moment ago. So a connection idle for less than `after_s` seconds goes straight to work; an
older one is pinged first and, if the ping fails, replaced before anything runs on it. A database that
restarts under load fails the statements in flight either way; SQLAlchemy then drops the whole pool (its
disconnect handling), so the next requests get fresh connections.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine

IDLE_KEY = "runner_app_idle_since"


def ping_when_idle(engine: Engine, after_s: float) -> None:
    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info[IDLE_KEY] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get(IDLE_KEY)
        if since is None or time.monotonic() - since < after_s:
            return
        try:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("SELECT 1")
            finally:
                cursor.close()
            dbapi_connection.rollback()
        except Exception as error:  # any failure: the pool discards this connection and checks out another
            raise exc.DisconnectionError(str(error)) from error

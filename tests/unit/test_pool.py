"""A pooled connection is pinged before use only after sitting idle, and replaced when the ping fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, exc, text

from runner_app import pool


def engine_with_pings(tmp_path: Path, after_s: float) -> tuple[Any, list[str]]:
    engine = create_engine(f"sqlite:///{tmp_path / 'p.db'}", pool_size=1, max_overflow=0)
    pool.ping_when_idle(engine, after_s)
    connects: list[str] = []
    event.listen(engine, "connect", lambda *_: connects.append("connect"))
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return engine, connects


def test_a_connection_used_moments_ago_goes_to_work_without_a_ping(tmp_path: Path) -> None:
    engine, connects = engine_with_pings(tmp_path, after_s=60)
    engine.pool._pool.queue[0].dbapi_connection.close()  # cut, unknown to the pool
    with engine.connect() as conn, pytest.raises(exc.ProgrammingError):
        conn.execute(text("SELECT 2"))  # no ping checked it: the request's own statement meets the cut
    assert connects == ["connect"]


def test_an_idle_connection_that_died_is_replaced_before_anything_runs_on_it(tmp_path: Path) -> None:
    engine, connects = engine_with_pings(tmp_path, after_s=10)
    record = engine.pool._pool.queue[0]
    record.dbapi_connection.close()  # the server went away while it sat in the pool
    record.info[pool.IDLE_KEY] -= 60
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 41 + 1")).scalar() == 42
    assert connects == ["connect", "connect"]

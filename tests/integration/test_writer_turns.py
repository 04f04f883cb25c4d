"""On SQLite, writers of entries queue for a file lock (services/writer_turns.py): a second writer waits for
the first one's commit in the kernel, and a writer already holding SQLite's write lock never waits for one."""

from __future__ import annotations

import threading
import time

import pytest
from flask import Flask
from sqlalchemy import update

from runner_app.extensions import db
from runner_app.models import User
from runner_app.services import writer_turns
from tests.builders import BODIES, Api, new_id


@pytest.fixture(autouse=True)
def _sqlite_file(app: Flask) -> None:
    with app.app_context():
        if writer_turns._lock_path() is None:
            pytest.skip("turns apply to a SQLite database file only")


def hold_turn(app: Flask, started: threading.Event, release: threading.Event) -> threading.Thread:
    """Another writer (a thread of its own: its own lock file handle) holding the turn until `release`."""

    def hold() -> None:
        with app.app_context(), writer_turns.turn():
            started.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    assert started.wait(10)
    return thread


def test_a_second_writer_waits_for_the_first_ones_turn_and_then_writes(app: Flask, api: Api) -> None:
    started, release = threading.Event(), threading.Event()
    holder = hold_turn(app, started, release)
    threading.Timer(0.3, release.set).start()
    began = time.monotonic()
    response = api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"]())
    waited = time.monotonic() - began
    holder.join(10)
    assert response.status_code == 201
    assert waited >= 0.25  # it queued behind the holder …
    assert waited < 5  # … and went as soon as the turn was free, not after SQLite's busy timeout


def test_a_writer_holding_sqlites_write_lock_does_not_wait_for_a_turn(app: Flask, api: Api) -> None:
    started, release = threading.Event(), threading.Event()
    holder = hold_turn(app, started, release)
    try:
        with app.app_context():
            db.session.execute(update(User).where(User.id == api.user.id).values(display_name="Ana"))
            began = time.monotonic()
            with writer_turns.turn():  # would deadlock if it waited: the holder may be waiting for our lock
                pass
            assert time.monotonic() - began < 1
            db.session.rollback()
    finally:
        release.set()
        holder.join(10)


def test_turns_nest_as_one(app: Flask) -> None:
    with app.app_context(), writer_turns.turn(), writer_turns.turn():
        assert writer_turns._turns.depth == 2
    assert writer_turns._turns.depth == 0

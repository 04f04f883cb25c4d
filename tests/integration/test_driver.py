"""The hot paths' statements on the driver (runner_app/services/driver.py): what they store and read back is
what the session's way stores and reads, a driver's error is SQLAlchemy's, and a write that follows the
request's own uncommitted work goes through the session (never waiting on a lock of its own request)."""

from __future__ import annotations

import time

import pytest
from flask import Flask
from sqlalchemy import exc, update

from runner_app.extensions import db
from runner_app.models import User
from runner_app.services import driver, entries
from tests.builders import BODIES, Api, new_id, pain_body


@pytest.mark.parametrize("kind", sorted(BODIES))
def test_an_entry_written_on_the_driver_reads_back_the_same_through_the_session(api: Api, kind: str) -> None:
    """Every column type (UUIDs, dates, times, floats, booleans, JSON lists) in and out of the driver."""
    body = pain_body(flags=["swelling"], run_id=new_id()) if kind == "pain" else BODIES[kind]()
    entry_id = new_id()
    put = api.put(f"/api/v1/{kind}/{entry_id}", body)
    assert put.status_code == 201, put.get_json()
    got = api.get(f"/api/v1/{kind}/{entry_id}")
    assert got.status_code == 200
    assert put.get_json() == got.get_json()
    assert put.headers["ETag"] == got.headers["ETag"]


def test_a_new_entry_by_itself_goes_on_the_driver_and_one_in_a_batch_through_the_session(api: Api) -> None:
    on_driver: list[str] = []

    def observe(statement: str, _autocommit: bool) -> None:
        on_driver.append(statement)

    driver.observers.append(observe)
    try:
        assert api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"]()).status_code == 201
        alone = list(on_driver)
        on_driver.clear()
        ops = [{"method": "PUT", "path": f"/runs/{new_id()}", "body": BODIES["runs"]()}]
        assert api.post("/api/v1/sync", {"ops": ops}).status_code == 200
    finally:
        driver.observers.remove(observe)
    assert any("INSERT INTO runs" in statement for statement in alone)
    assert on_driver and not any("INSERT INTO runs" in statement for statement in on_driver)  # the token only


def test_a_drivers_error_is_sqlalchemys_and_the_pool_serves_on(app: Flask, api: Api) -> None:
    with app.app_context(), pytest.raises(exc.IntegrityError):  # no such runner: a foreign key refuses it
        entries.put_entry(999_999, "runs", new_id(), BODIES["runs"](), None)
    assert api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"]()).status_code == 201


def test_a_write_after_the_requests_own_uncommitted_work_joins_it_through_the_session(
    app: Flask, api: Api
) -> None:
    """On the driver it would wait for the lock its own request holds (SQLite) or its row locks
    (PostgreSQL): with the session already at work, the write goes through the session, in one commit."""
    with app.app_context():
        db.session.execute(update(User).where(User.id == api.user.id).values(display_name="Ana"))
        assert not driver.session_is_idle()
        began = time.monotonic()
        result = entries.put_entry(api.user.id, "runs", new_id(), BODIES["runs"](), None)
        assert result.status == 201
        assert time.monotonic() - began < 2
    with app.app_context():
        assert driver.session_is_idle()  # a new request's session holds nothing yet
        assert db.session.get(User, api.user.id).display_name == "Ana"  # committed with the run

"""The two hot paths run the fewest statements they can: a new entry's PUT is the token check and one write
(on PostgreSQL, the write clock, the INSERT and the cache invalidation are one statement), a cached `today` is
the token check and one read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from flask import Flask
from sqlalchemy import select, update

from runner_app.extensions import db
from tests.builders import BODIES, Api, new_id
from tests.recorder import sent, statements


def on_postgresql(app: Flask) -> bool:
    with app.app_context():
        return db.engine.dialect.name == "postgresql"


def test_a_new_runs_put_on_postgresql_is_the_token_check_and_one_statement(app: Flask, api: Api) -> None:
    if not on_postgresql(app):
        pytest.skip("on SQLite each statement is a call inside the process, not a round trip")
    api.get("/api/v1/runs")  # the token's first use records it: done before counting
    with statements(app) as seen:
        response = api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"]())
    assert response.status_code == 201
    assert len(seen) == 2, seen


def test_a_put_that_replays_a_stored_run_keeps_the_coachs_cached_days(app: Flask, api: Api) -> None:
    run_id, body = new_id(), BODIES["runs"]()
    assert api.put(f"/api/v1/runs/{run_id}", body).status_code == 201
    assert api.get("/api/v1/today").status_code == 200  # computes and caches the days
    with statements(app) as seen:
        assert api.put(f"/api/v1/runs/{run_id}", body).status_code == 200
    assert not [s for s in seen if s.lstrip().upper().startswith("DELETE")], seen


def test_a_cached_today_is_the_token_check_and_one_read(app: Flask, api: Api) -> None:
    assert api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"]()).status_code == 201
    first = api.get("/api/v1/today")
    with statements(app) as seen:
        again = api.get("/api/v1/today")
    assert again.status_code == 200 and again.get_json() == first.get_json()
    assert len(seen) == 2, seen


def test_a_token_records_its_first_use_and_then_stays_a_read_for_minutes(app: Flask, api: Api) -> None:
    from runner_app.models import ApiToken

    with statements(app) as first:
        assert api.get("/api/v1/runs").status_code == 200
    with statements(app) as again:
        assert api.get("/api/v1/runs").status_code == 200
    with app.app_context():
        used = db.session.scalars(select(ApiToken.last_used_at).where(ApiToken.user_id == api.user.id)).one()
    assert used is not None
    assert [s for s in first if s.lstrip().upper().startswith("UPDATE")]
    assert not [s for s in again if s.lstrip().upper().startswith("UPDATE")], again


def test_a_revoked_token_opens_nothing(app: Flask, api: Api) -> None:
    from runner_app.models import ApiToken
    from runner_app.models.types import utcnow

    with app.app_context():
        db.session.execute(
            update(ApiToken).where(ApiToken.user_id == api.user.id).values(revoked_at=utcnow())
        )
        db.session.commit()
    response = api.get("/api/v1/today")
    assert response.status_code == 401 and response.mimetype == "application/problem+json"


@contextmanager
def autocommit_flags(app: Flask) -> Iterator[list[tuple[str, bool]]]:
    """Each statement's first word and whether the driver ran it in autocommit (alone, with no BEGIN)."""
    flags: list[tuple[str, bool]] = []
    with sent(app) as seen:
        yield flags
    flags.extend((statement.split()[0].upper(), alone) for statement, alone in seen)


def test_on_postgresql_a_cached_today_and_a_new_run_are_two_statements_each_sent_alone(
    app: Flask, api: Api
) -> None:
    """No BEGIN before and no COMMIT or ROLLBACK after: each statement one round trip (the bare route takes
    three: BEGIN, its statement, COMMIT)."""
    if not on_postgresql(app):
        pytest.skip("on SQLite a transaction costs no round trip")
    api.get("/api/v1/runs")  # the token's first use records it: done before counting
    assert api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"]()).status_code == 201
    assert api.get("/api/v1/today").status_code == 200  # computes and caches the day
    with autocommit_flags(app) as today:
        assert api.get("/api/v1/today").status_code == 200
    with autocommit_flags(app) as put:
        assert api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"]()).status_code == 201
    assert today == [("SELECT", True), ("SELECT", True)]
    assert put == [("SELECT", True), ("WITH", True)]


def test_a_run_put_again_is_a_replay_and_a_changed_copy_needs_its_version(app: Flask, api: Api) -> None:
    run_id, body = new_id(), BODIES["runs"]()
    assert api.put(f"/api/v1/runs/{run_id}", body).status_code == 201
    assert api.put(f"/api/v1/runs/{run_id}", body).status_code == 200
    changed = {**body, "rpe": (body.get("rpe") or 3) % 10 + 1}
    assert api.put(f"/api/v1/runs/{run_id}", changed).status_code == 412
    updated = api.put(f"/api/v1/runs/{run_id}", changed, if_match="1")
    assert updated.status_code == 200 and updated.get_json()["version"] == 2


def test_a_tokens_owner_comes_loaded_whole_and_detached_and_a_change_to_it_is_still_stored(
    app: Flask, api: Api
) -> None:
    """The token check makes the owner without the session: every column loaded, nothing left to query. A
    service that changes the owner (the profile's units) still stores the change."""
    from sqlalchemy import inspect

    from runner_app.models import User
    from runner_app.services.users import user_for_token

    with app.test_request_context():
        owner = user_for_token(api.token)
        assert owner is not None and inspect(owner).detached
        assert not inspect(owner).unloaded  # every column, with no query left to run
        assert (owner.id, owner.email, owner.units) == (api.user.id, api.user.email, api.user.units)
    body = {"runs_per_week": 4, "weekly_distance_m": 30000, "units": "mi"}
    assert api.put("/api/v1/profile", body).status_code == 201
    with app.app_context():
        assert db.session.get(User, api.user.id).units == "mi"

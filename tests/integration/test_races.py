"""Racing retries of the same PUT make one row (the database's insert-or-do-nothing)."""

from __future__ import annotations

import threading

from flask import Flask
from sqlalchemy import func, select

from runner_app.extensions import db
from runner_app.models import Run
from tests.builders import BODIES, Api, new_id


def test_racing_identical_puts_make_exactly_one_row(app: Flask, api: Api) -> None:
    entry_id, body = new_id(), BODIES["runs"]()
    statuses: list[int] = []
    barrier = threading.Barrier(8)

    def put() -> None:
        client = app.test_client()
        barrier.wait()
        response = client.put(
            f"/api/v1/runs/{entry_id}", json=body, headers={"Authorization": f"Bearer {api.token}"}
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=put) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [200] * 7 + [201]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Run)) == 1

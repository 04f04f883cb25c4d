"""A runner's `updated_at` stamps follow the order their writes commit, so a client that polls with
`updated_since` = the latest stamp it has seen never misses a write (api.md: lists "by `updated_since`")."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask

from runner_app.extensions import db
from runner_app.services import coach_cache, entries
from tests.builders import BODIES, Api, new_id


def stamp(api: Api, kind: str, entry_id: str) -> datetime:
    return datetime.fromisoformat(api.get(f"/api/v1/{kind}/{entry_id}").get_json()["updated_at"])


def test_a_write_that_waits_for_another_runs_batch_is_stamped_after_everything_in_it(
    app: Flask, api: Api
) -> None:
    """The interleaving that lost writes: a sync batch writes a1; a single PUT b arrives and waits for the
    batch's lock; the batch writes a2 and commits; b commits. A poller that saw a1 and a2 asks for
    updated_since=a2: b must come after a2, or it is never listed."""
    a1, a2, b = new_id(), new_id(), new_id()
    answered: list[int] = []
    api.get("/api/v1/runs")  # a token's first use records it (a write): done before the race, not in it

    def single_put() -> None:
        other = app.test_client()
        response = other.put(
            f"/api/v1/runs/{b}", json=BODIES["runs"](), headers={"Authorization": f"Bearer {api.token}"}
        )
        answered.append(response.status_code)

    with app.app_context(), entries.batch(api.user.id):
        entries.put_entry(api.user.id, "runs", a1, BODIES["runs"](), None)
        waiting = threading.Thread(target=single_put)
        waiting.start()
        time.sleep(0.5)  # b is waiting for the batch's lock by now
        assert not answered, "b cannot commit while the batch holds the runner's write lock"
        entries.put_entry(api.user.id, "runs", a2, BODIES["runs"](), None)
    waiting.join(timeout=30)
    assert answered == [201]
    first, second, late = stamp(api, "runs", a1), stamp(api, "runs", a2), stamp(api, "runs", b)
    assert first < second < late
    seen = api.get(f"/api/v1/runs?updated_since={second.isoformat().replace('+00:00', 'Z')}").get_json()
    assert [item["id"] for item in seen["items"]] == [b]


def test_stamps_keep_increasing_when_the_servers_clock_steps_back(
    app: Flask, api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third = new_id(), new_id(), new_id()
    assert api.put(f"/api/v1/runs/{first}", BODIES["runs"]()).status_code == 201
    earlier = datetime.now(UTC) - timedelta(hours=1)  # another app server, its clock an hour behind
    monkeypatch.setattr(coach_cache, "utcnow", lambda: earlier)
    assert api.put(f"/api/v1/pain/{second}", BODIES["pain"]()).status_code == 201
    assert api.delete(f"/api/v1/runs/{first}").status_code == 204
    assert api.put(f"/api/v1/runs/{third}", BODIES["runs"]()).status_code == 201
    stamps = [
        stamp(api, "pain", second),
        *(
            datetime.fromisoformat(item["updated_at"])
            for item in reversed(
                api.get("/api/v1/runs?updated_since=2000-01-01T00:00:00Z").get_json()["items"]
            )
        ),
    ]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3, "pain, then the tombstone, then the new run"


def test_the_write_clock_is_each_runners_own(app: Flask, api: Api, users) -> None:
    other = Api.for_new_user(app, users)
    api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"]())
    other.put(f"/api/v1/runs/{new_id()}", BODIES["runs"]())
    with app.app_context():
        clocks = dict(
            db.session.execute(
                db.select(coach_cache.CoachEpoch.user_id, coach_cache.CoachEpoch.last_write_us)
            ).all()
        )
    assert set(clocks) == {api.user.id, other.user.id} and all(clocks.values())

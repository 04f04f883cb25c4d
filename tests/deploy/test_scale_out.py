"""Two gunicorn instances behind nginx on one PostgreSQL and one Redis behave as one app.

Runs in the PostgreSQL pass (TEST_DATABASE_URL set); see conftest.py for the topology.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest

from tests.deploy.conftest import PG_WORKERS, Stack
from tests.deploy.load import Http, new_id, run_body
from tests.deploy.scenarios import check_kill, check_storm, kill_mid_burst, put_storm
from tests.deploy.stack import AppServer

pytestmark = pytest.mark.postgres

YESTERDAY = (date.today() - timedelta(days=1)).isoformat()  # noqa: DTZ011


def test_a_run_written_through_one_instance_is_listed_by_the_other_at_once(pg_stack: Stack) -> None:
    runner = pg_stack.runner()
    a, b = (Http(s.url, runner.token) for s in pg_stack.servers)
    run_id, body = new_id(), run_body(random.Random(1))

    assert a.put(f"/api/v1/runs/{run_id}", body).status == 201
    listed = b.get("/api/v1/runs")
    fetched = b.get(f"/api/v1/runs/{run_id}")

    assert listed.status == 200
    assert [item["id"] for item in listed.json()["items"]] == [run_id]
    assert fetched.status == 200
    assert fetched.json()["distance_m"] == body["distance_m"]


def test_a_full_sync_batch_passes_the_load_balancer(pg_stack: Stack) -> None:
    """The phone's largest batch (500 ops, notes of 2000 characters each sent as JSON escapes) is several MB:
    nginx's limit must let it through to the app, whose own limit it fits."""
    assert pg_stack.nginx is not None
    runner = pg_stack.runner()
    rng = random.Random(7)
    ops = [
        {"method": "PUT", "path": f"/runs/{new_id()}", "body": {**run_body(rng), "notes": "é" * 2000}}
        for _ in range(500)
    ]
    reply = Http(pg_stack.nginx.url, runner.token).request("POST", "/api/v1/sync", {"ops": ops})
    assert reply.status == 200, reply.status
    assert [r["status"] for r in reply.json()["results"]] == [201] * 500


def test_a_back_dated_pain_entry_written_through_one_instance_changes_today_on_the_other(
    pg_stack: Stack,
) -> None:
    runner = pg_stack.runner()
    a, b = (Http(s.url, runner.token) for s in pg_stack.servers)
    assert a.put(f"/api/v1/runs/{new_id()}", {**run_body(random.Random(2)), "date": YESTERDAY}).status == 201
    first, cached = b.get("/api/v1/today").json(), b.get("/api/v1/today").json()
    assert first == cached
    assert first["state"] == "green"
    assert pg_stack.db.cached_today_answers(runner.user_id) >= 1, "B keeps its answer in the shared cache"

    pain = {"date": YESTERDAY, "context": "during_run", "location": "knee_front", "side": "right", "score": 6}
    assert a.put(f"/api/v1/pain/{new_id()}", pain).status == 201
    after = b.get("/api/v1/today").json()

    assert after["state"] == "red"


def _csrf(page: bytes) -> str:
    found = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
        rb'name="csrf_token" value="([^"]+)"', page
    )
    assert found, "the sign-in page carries a CSRF token"
    return found.group(1).decode()


def _try_sign_in(http: Http, csrf: str, email: str) -> int:
    form = {"csrf_token": csrf, "email": email, "password": "not the password at all"}
    reply = http.request("POST", "/login", form, form=True)
    if reply.status == 200:
        assert b"do not match" in reply.body, "the try reached the password check (CSRF passed)"
    return reply.status


def test_the_sign_in_rate_limit_holds_across_both_instances(pg_stack: Stack) -> None:
    assert pg_stack.redis is not None and pg_stack.nginx is not None
    runner = pg_stack.runner()
    pg_stack.redis.flush()
    jars = [Http(s.url) for s in pg_stack.servers]  # a cookie jar per instance
    tokens = [_csrf(jar.get("/login").body) for jar in jars]

    statuses = [_try_sign_in(jars[n % 2], tokens[n % 2], runner.email) for n in range(10)]
    eleventh = [_try_sign_in(jar, token, runner.email) for jar, token in zip(jars, tokens, strict=True)]

    assert statuses == [200] * 10
    assert eleventh == [429, 429]

    # The same through the load balancer, which alternates between the instances.
    pg_stack.redis.flush()
    browser = Http(pg_stack.nginx.url)
    token = _csrf(browser.get("/login").body)
    tries = []
    for _ in range(12):
        reply = browser.request(
            "POST",
            "/login",
            {"csrf_token": token, "email": runner.email, "password": "nope nope nope"},
            form=True,
        )
        tries.append((reply.status, reply.headers["x-upstream"]))
    assert [status for status, _ in tries] == [200] * 10 + [429, 429]
    assert len({upstream for _, upstream in tries[10:]}) == 2, "each instance refused one of the last two"


def test_32_clients_x_200_puts_through_the_load_balancer_end_with_exactly_the_expected_rows(
    pg_stack: Stack,
) -> None:
    assert pg_stack.nginx is not None
    runner = pg_stack.runner()
    result = put_storm(pg_stack.nginx.url, runner)
    print(f"\n32 x 200 PUTs via nginx, 2 instances x {PG_WORKERS} workers, PostgreSQL: {result.seconds:.1f}s")
    check_storm(result, pg_stack.db, runner)


def test_an_instance_killed_mid_burst_loses_no_acknowledged_write_and_retries_do_not_duplicate(
    pg_stack: Stack,
) -> None:
    victim = AppServer("app-victim", pg_stack.servers[0].process.log_path.parent, pg_stack.env)
    try:
        victim.start()
        runner = pg_stack.runner()
        result = kill_mid_burst(victim, runner)
    finally:
        victim.stop()
    check_kill(result, pg_stack.db, runner)

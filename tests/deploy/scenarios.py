"""The two load scenarios, run against the PostgreSQL stack and the SQLite stack alike."""

from __future__ import annotations

import collections
import http.client
import random
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from tests.deploy.load import Http, Outcome, new_id, run_body, run_clients
from tests.deploy.stack import AppServer, Database, Runner

STORM_CLIENTS = 32
STORM_PUTS = 200
STORM_TIMEOUT_S = 300.0
# Of each client's 200 PUTs: every 8th goes to a shared id that all clients write at about the same time
# (identical bodies), and every 8th, offset by 4, repeats one of the client's own earlier PUTs as a retry.
RACE_EVERY, RETRY_OFFSET = 8, 4


@dataclass(frozen=True)
class StormResult:
    outcomes: list[Outcome]
    expected: dict[str, dict[str, Any]]  # entry id -> the body the database must hold
    shared_ids: list[str]
    seconds: float


def _shared_bodies(count: int) -> list[tuple[str, dict[str, Any]]]:
    rng = random.Random(20261122)
    return [(new_id(), run_body(rng, days_back=3)) for _ in range(count)]


def put_storm(base_url: str, runner: Runner) -> StormResult:
    """32 clients x 200 PUTs of runs: fresh ids, retries of their own, and races on shared ids."""
    shared = _shared_bodies(STORM_PUTS // RACE_EVERY)

    def work(n: int, outcome: Outcome, stop: threading.Event) -> None:
        rng = random.Random(n)
        conn = Http(base_url, runner.token)
        mine: list[str] = []
        try:
            for step in range(STORM_PUTS):
                if stop.is_set():
                    outcome.errors.append("stopped by the time limit")
                    return
                if step % RACE_EVERY == 0:
                    op, (entry_id, body) = "race", shared[step // RACE_EVERY]
                elif step % RACE_EVERY == RETRY_OFFSET and mine:
                    op, entry_id = "retry", rng.choice(mine)
                    body = outcome.sent[entry_id]
                else:
                    op, entry_id, body = "fresh", new_id(), run_body(rng, days_back=rng.randrange(0, 60))
                    mine.append(entry_id)
                outcome.sent[entry_id] = body
                try:
                    reply = conn.put(f"/api/v1/runs/{entry_id}", body)
                except (OSError, http.client.HTTPException) as exc:
                    outcome.errors.append(f"{op} {entry_id}: {exc!r}")
                    continue
                if reply.status in (200, 201) and reply.json()["id"] != entry_id:
                    outcome.errors.append(f"{op} {entry_id}: answered with entry {reply.json()['id']}")
                outcome.answers.append((op, entry_id, reply.status))
        finally:
            conn.close()

    started = time.monotonic()
    outcomes = run_clients(STORM_CLIENTS, work, STORM_TIMEOUT_S)
    seconds = time.monotonic() - started
    expected: dict[str, dict[str, Any]] = {}
    for outcome in outcomes:
        expected.update(outcome.sent)
    return StormResult(outcomes, expected, [entry_id for entry_id, _ in shared], seconds)


def check_storm(result: StormResult, db: Database, runner: Runner) -> None:
    """No error, no 5xx, exactly one creation per id, and exactly the expected rows in the database."""
    errors = [e for o in result.outcomes for e in o.errors]
    assert errors == [], errors[:10]
    answers = [a for o in result.outcomes for a in o.answers]
    assert len(answers) == STORM_CLIENTS * STORM_PUTS
    by_op = collections.Counter((op, status) for op, _, status in answers)
    assert set(by_op) <= {("fresh", 201), ("retry", 200), ("race", 201), ("race", 200)}, by_op
    created = collections.Counter(entry_id for _, entry_id, status in answers if status == 201)
    assert set(created) == set(result.expected), "every id was created once, by exactly one PUT"
    assert max(created.values()) == 1
    assert by_op[("race", 201)] == len(result.shared_ids)

    fresh = STORM_PUTS - STORM_PUTS // RACE_EVERY - STORM_PUTS // RACE_EVERY
    assert len(result.expected) == STORM_CLIENTS * fresh + len(result.shared_ids)
    rows = db.runs(runner.user_id)
    assert set(rows) == {_uuid(i) for i in result.expected}
    assert {v for v, _ in rows.values()} == {1}, "a retry or a racing PUT bumped a version"
    for entry_id, body in result.expected.items():
        assert rows[_uuid(entry_id)][1] == body["distance_m"]


def _uuid(entry_id: str) -> uuid.UUID:
    return uuid.UUID(entry_id)


KILL_CLIENTS = 8
KILL_PUTS = 50
KILL_AFTER_ACKS = 100
KILL_TIMEOUT_S = 120.0
DOWN_FOR_S = 1.0


@dataclass(frozen=True)
class KillResult:
    outcomes: list[Outcome]
    acked_before_kill: set[str]
    acks_at_kill: int


def kill_mid_burst(server: AppServer, runner: Runner) -> KillResult:
    """8 clients each PUT 50 runs and retry every failed one until it is acknowledged; the server is
    SIGKILLed (master and workers) after 100 acknowledgements and started again a second later."""
    acked: set[str] = set()
    lock = threading.Lock()

    def work(n: int, outcome: Outcome, stop: threading.Event) -> None:
        rng = random.Random(1000 + n)
        conn = Http(server.url, runner.token, timeout_s=15)
        try:
            for _ in range(KILL_PUTS):
                entry_id, body = new_id(), run_body(rng, days_back=rng.randrange(0, 30))
                outcome.sent[entry_id] = body
                attempt = 0
                while not stop.is_set():
                    attempt += 1
                    op = "first" if attempt == 1 else "retry"
                    try:
                        reply = conn.put(f"/api/v1/runs/{entry_id}", body)
                    except (OSError, http.client.HTTPException) as exc:
                        outcome.errors.append(f"{op} {entry_id}: {type(exc).__name__}")
                        time.sleep(min(0.05 * attempt, 0.5))
                        continue
                    outcome.answers.append((op, entry_id, reply.status))
                    if reply.status in (200, 201):
                        with lock:
                            acked.add(entry_id)
                        break
                    time.sleep(min(0.05 * attempt, 0.5))
        finally:
            conn.close()

    holder: dict[str, Any] = {}

    def killer() -> None:
        deadline = time.monotonic() + KILL_TIMEOUT_S / 2
        while time.monotonic() < deadline:
            with lock:
                if len(acked) >= KILL_AFTER_ACKS:
                    holder["acked"], holder["acks"] = set(acked), len(acked)
                    break
            time.sleep(0.005)
        server.kill()
        time.sleep(DOWN_FOR_S)
        server.start()

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    outcomes = run_clients(KILL_CLIENTS, work, KILL_TIMEOUT_S)
    thread.join(60)
    assert "acked" in holder, "the burst never reached the kill point"
    return KillResult(outcomes, holder["acked"], holder["acks"])


def check_kill(result: KillResult, db: Database, runner: Runner) -> None:
    sent = {entry_id: body for o in result.outcomes for entry_id, body in o.sent.items()}
    answers = [a for o in result.outcomes for a in o.answers]
    failures = [e for o in result.outcomes for e in o.errors]
    crashes = [f for f in failures if f.startswith("client crashed")]
    assert crashes == []
    assert len(sent) == KILL_CLIENTS * KILL_PUTS, "every client got through all its writes"
    assert result.acks_at_kill < len(sent), "the kill landed in the middle of the burst"
    cut = [f for f in failures if not f.endswith("ConnectionRefusedError")]
    assert cut, "the kill cut requests in flight (else this test proved nothing)"
    assert {s for _, _, s in answers} <= {200, 201}, collections.Counter(s for _, _, s in answers)
    acked = {entry_id for _, entry_id, status in answers if status in (200, 201)}
    assert acked == set(sent), "every write was acknowledged in the end"
    created = collections.Counter(entry_id for _, entry_id, status in answers if status == 201)
    assert max(created.values()) == 1, "one write was created twice"

    kinds = collections.Counter(f.rsplit(": ", 1)[-1] for f in failures)
    replayed = {entry_id for op, entry_id, status in answers if op == "retry" and status == 200}
    print(
        f"\nkilled after {result.acks_at_kill} of {len(sent)} writes were acknowledged; failed tries: "
        f"{dict(kinds)}; {len(replayed)} writes committed before the kill but unanswered, "
        "recognised by their retry (200)"
    )

    rows = db.runs(runner.user_id)
    assert {_uuid(i) for i in result.acked_before_kill} <= set(rows), "an acknowledged write was lost"
    assert set(rows) == {_uuid(i) for i in sent}, "exactly the written ids, no more"
    assert {v for v, _ in rows.values()} == {1}, "a retry was stored as an update"
    for entry_id, body in sent.items():
        assert rows[_uuid(entry_id)][1] == body["distance_m"]

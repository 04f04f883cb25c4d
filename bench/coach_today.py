"""Benchmark: what `GET /api/v1/today` costs as history grows, against a plain GET of one run.

Runners with 1 and 5 years of daily entries (a run and a check-in most days, strength twice a week). Each
`today` is timed right after a new entry for today (so the coach must recompute today from its cached
checkpoint), as a runner opening the app after the morning check-in does. Also counts the days the engine
recomputes after a back-dated entry.

    .venv/bin/python bench/coach_today.py            # SQLite in a temporary file
    DATABASE_URL=postgresql://... .venv/bin/python bench/coach_today.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask import Flask
from flask_migrate import upgrade

from runner_app import create_app
from runner_app.coach import engine
from runner_app.extensions import db
from runner_app.models import CrossTraining, PainEntry, Run, StrengthSession
from runner_app.services import coach, coach_cache, users

REPEATS = 60
TODAY = datetime.now(UTC).date()


def history(user_id: int, years: int, rng: random.Random) -> list[object]:
    rows: list[object] = []
    now = datetime.now(UTC)
    start = TODAY - timedelta(days=365 * years)
    for n in range((TODAY - start).days):
        day = start + timedelta(days=n)
        common = {"user_id": user_id, "date": day, "created_at": now, "updated_at": now}
        if rng.random() < 0.9:
            rows.append(
                PainEntry(
                    id=uuid.uuid4(),
                    context="morning",
                    location="knee_front",
                    side="right",
                    score=rng.choice([0, 0, 1, 1, 2, 3]),
                    flags=[],
                    **common,
                )
            )
        if rng.random() < 0.8:
            kind = "long" if day.weekday() == 6 else rng.choice(["easy", "easy", "tempo"])
            km = 18 if kind == "long" else rng.choice([6, 8, 10])
            run_id = uuid.uuid4()
            rows.append(
                Run(
                    id=run_id,
                    kind=kind,
                    distance_m=km * 1000.0,
                    duration_s=km * 330,
                    rpe=4,
                    terrain="flat",
                    **common,
                )
            )
            rows.append(
                PainEntry(
                    id=uuid.uuid4(),
                    context="after_run",
                    location="knee_front",
                    side="right",
                    score=rng.choice([0, 1, 2]),
                    settled_within_60min=True,
                    flags=[],
                    run_id=run_id,
                    **common,
                )
            )
        if day.weekday() in (1, 4):
            rows.append(
                StrengthSession(
                    id=uuid.uuid4(),
                    duration_s=1500,
                    rpe=5,
                    pain_max=1,
                    sets=[{"exercise": "clamshells", "reps": 15, "side": "both"}] * 3,
                    **common,
                )
            )
        if day.weekday() == 2 and rng.random() < 0.3:
            rows.append(CrossTraining(id=uuid.uuid4(), kind="cycling", duration_s=2400, rpe=3, **common))
    return rows


def timed(*calls) -> list[float]:
    """Median seconds of each call, the calls interleaved so that machine noise hits them alike."""
    samples: list[list[float]] = [[] for _ in calls]
    for _ in range(REPEATS):
        for i, call in enumerate(calls):
            t0 = time.perf_counter()
            call()
            samples[i].append(time.perf_counter() - t0)
    return [statistics.median(s) for s in samples]


def bench_app() -> tuple[Flask, str]:
    """The app on DATABASE_URL, else on a fresh SQLite file, with cheap password hashing (for the benches)."""
    tmp = tempfile.mkdtemp()
    url = os.environ.get("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": url,
            "ARGON2_TIME_COST": 1,
            "ARGON2_MEMORY_COST": 8,
            "INSTANCE_PATH": tmp,
        }
    )
    return app, url


def main() -> None:
    app, url = bench_app()
    rng = random.Random(1)
    with app.app_context():
        if url.startswith("sqlite"):
            upgrade()
        tokens, run_ids = {}, {}
        for years in (1, 5):
            user = users.create_user(f"bench{years}-{uuid.uuid4().hex[:6]}@example.com", "a long password")
            rows = history(user.id, years, rng)
            db.session.add_all(rows)
            db.session.commit()
            tokens[years] = users.create_token(user, "bench").secret
            run_ids[years] = next(str(r.id) for r in rows if isinstance(r, Run))
            print(f"{years} year(s): {len(rows)} entries")
    client = app.test_client()

    def get(path: str, years: int) -> None:
        response = client.get(path, headers={"Authorization": f"Bearer {tokens[years]}"})
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")

    def user_id(years: int) -> int:
        with app.app_context():
            return users.user_for_token(tokens[years]).id  # type: ignore[union-attr]

    ids = {years: user_id(years) for years in (1, 5)}
    for years in (1, 5):
        t0 = time.perf_counter()
        get("/api/v1/today", years)
        elapsed_ms = 1000 * (time.perf_counter() - t0)
        print(f"first `today` ever, {years} year(s), filling the cache: {elapsed_ms:.0f} ms")

    def today_after_new_entry(years: int) -> None:
        with app.app_context():
            coach_cache.invalidate_from(ids[years], [TODAY])  # what a write dated today does
            db.session.commit()
        get("/api/v1/today", years)

    one, five = timed(lambda: today_after_new_entry(1), lambda: today_after_new_entry(5))
    cached, plain = timed(lambda: get("/api/v1/today", 5), lambda: get(f"/api/v1/runs/{run_ids[5]}", 5))
    print(f"today after a new entry, 1 year : {1000 * one:.2f} ms (median of {REPEATS})")
    print(f"today after a new entry, 5 years: {1000 * five:.2f} ms")
    print(f"today, cached,           5 years: {1000 * cached:.2f} ms")
    print(f"plain GET of one run,    5 years: {1000 * plain:.2f} ms")
    print(f"ratio 5 years / 1 year          : {five / one:.2f}  (target <= 1.3)")
    print(f"ratio today (cached) / GET run  : {cached / plain:.2f}  (target <= 2)")
    print(f"ratio today (new entry) / GET run: {five / plain:.2f}")

    calls = {"n": 0}
    original = engine.advance

    def counting(*args, **kwargs):
        calls["n"] += 1
        return original(*args, **kwargs)

    engine.advance = counting  # type: ignore[assignment]
    back = TODAY - timedelta(days=30)
    body = {
        "date": back.isoformat(),
        "context": "morning",
        "location": "knee_front",
        "side": "right",
        "score": 2,
    }
    client.put(f"/api/v1/pain/{uuid.uuid4()}", json=body, headers={"Authorization": f"Bearer {tokens[5]}"})
    get("/api/v1/today", 5)
    engine.advance = original  # type: ignore[assignment]
    print(
        f"after an entry back-dated 30 days: the engine recomputed {calls['n']} days "
        f"(of {365 * 5} in the history; checkpoints every {coach.CHECKPOINT_EVERY_DAYS} days)"
    )


if __name__ == "__main__":
    main()

"""A demo runner with twelve weeks of believable history, including a knee niggle that rises and settles."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, select

from runner_app.extensions import db
from runner_app.models import User
from runner_app.services import entries, users

DEMO_EMAIL = "demo@example.com"
WEEKS = 12
# Morning knee pain by week: quiet, a niggle that builds in weeks 6-8, then settles.
KNEE_BY_WEEK = (0, 0, 1, 0, 1, 2, 3, 4, 3, 2, 1, 1)
PLAN = {1: ("easy", 8.0), 3: ("tempo", 10.0), 5: ("easy", 8.0), 6: ("long", 18.0)}  # weekday -> run
STRENGTH_DAYS = (0, 4)


def demo_user() -> User | None:
    return db.session.scalar(select(User).where(User.email == DEMO_EMAIL))


def seed(password: str, today: date | None = None) -> User:
    """(Re)create the demo runner with history ending `today`."""
    existing = demo_user()
    if existing is not None:
        db.session.execute(delete(User).where(User.id == existing.id))
        db.session.commit()
    user = users.create_user(DEMO_EMAIL, password, "Demo Runner")
    rng = random.Random(7)  # noqa: S311  (believable numbers, not secrets)
    end = today or date.today()  # noqa: DTZ011  (the server's day is fine for demo data)
    start = end - timedelta(weeks=WEEKS) + timedelta(days=1)
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        week = min(offset // 7, WEEKS - 1)
        _seed_day(user.id, day, week, rng)
    return user


def _put(user_id: int, kind: str, body: dict[str, Any]) -> str:
    entry_id = str(uuid.uuid4())
    entries.put_entry(user_id, kind, entry_id, body, None)
    return entry_id


def _seed_day(user_id: int, day: date, week: int, rng: random.Random) -> None:
    knee = KNEE_BY_WEEK[week]
    if rng.random() < 0.85:  # most mornings, not all
        score = max(0, knee + rng.choice((-1, 0, 0, 1)))
        _put(
            user_id,
            "pain",
            {
                "date": day.isoformat(),
                "context": "morning",
                "location": "knee_front",
                "side": "right",
                "score": score,
            },
        )
    run = PLAN.get(day.weekday())
    if run:
        kind, km = run
        scale = 1.0 + 0.04 * min(week, 7) - (0.25 if knee >= 3 else 0.0)
        distance_m = round(km * scale * 1000 * rng.uniform(0.95, 1.05), -1)
        pace_s = {"easy": 360, "tempo": 300, "long": 375}[kind] + rng.randint(-10, 10)
        run_id = _put(
            user_id,
            "runs",
            {
                "date": day.isoformat(),
                "kind": "easy" if knee >= 3 and kind == "tempo" else kind,
                "distance_m": distance_m,
                "duration_s": int(distance_m / 1000 * pace_s),
                "rpe": {"easy": 3, "tempo": 7, "long": 5}[kind],
                "terrain": "flat" if knee >= 3 else "rolling",
            },
        )
        during = max(0, knee + rng.choice((-1, 0, 1)))
        _put(
            user_id,
            "pain",
            {
                "date": day.isoformat(),
                "context": "during_run",
                "location": "knee_front",
                "side": "right",
                "score": during,
                "settled_within_60min": during <= 3,
                "run_id": run_id,
            },
        )
    if day.weekday() in STRENGTH_DAYS:
        sets = [
            {"exercise": ex, "steps" if ex == "lateral_band_walks" else "reps": n, "side": "both"}
            for ex, n in (
                ("clamshells", 15),
                ("hip_bridges", 12),
                ("step_downs", 10),
                ("lateral_band_walks", 40),
            )
            for _ in range(3)
        ]
        _put(
            user_id,
            "strength",
            {
                "date": day.isoformat(),
                "duration_s": 1500,
                "rpe": 5,
                "pain_max": max(0, knee - 1),
                "sets": sets,
            },
        )
    if day.weekday() == 2 and knee >= 2:
        _put(
            user_id,
            "cross-training",
            {"date": day.isoformat(), "kind": "cycling", "duration_s": 2400, "rpe": 4, "pain_max": 1},
        )

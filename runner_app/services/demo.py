"""A demo runner who follows the coach: twelve weeks of a marathon plan with a knee niggle that rises and
settles, each day logged as that morning's Today page asked (the run as bent, the swap, the strength block).

Only the knee is scripted (MORNINGS); everything the runner does comes from `today.today_view`, read after
the morning check-in exactly as the page would show it. So the history tells the coach's own story: a step
taken when the pain rises, a physio visit when the coach asks for one, the steps restored as the pain settles.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, select

from runner_app.extensions import db
from runner_app.models import User
from runner_app.planning.daily.tasks import Task
from runner_app.planning.model import monday_of
from runner_app.services import entries, plans, profile, today, users

DEMO_EMAIL = "demo@example.com"
# Morning knee pain (front of the right knee), Monday to Sunday, one row per ISO week; the last row is the
# current week, up to today. "-" is a morning without a check-in. A run hurts as much as that morning did.
# On the right, what the coach makes of it (coach-rules.md v2), given a runner who does as it says.
MORNINGS = (
    "0000000",  # settled: a baseline of 0
    "00-0000",
    "0000000",
    "000-000",
    "0000000",
    "00-0000",
    "0000222",  # Friday, the morning after Thursday's tempo: 2 over the baseline, run-related: amber, C1
    "3232323",  # it builds and the runs hurt 3: amber days, runs kept short; a physio is advised (P1)
    "2222221",  # W1 adds C2 from Monday; the physio visit (a clearance) comes that day; green again
    "1211111",  # a settled week after C2's window: C2 comes off from the next Monday
    "1101010",  # another settled week: C1, the last step, comes off from the next Monday
    "0100000",  # back to the plan as written
)
WEEKS = len(MORNINGS)
# The runner's own plan (Tuesday and Saturday easy, Thursday tempo, Sunday long) from the first of those weeks
# to a marathon 8 weeks after this one: building toward a 68 km peak, a lighter week every month, a taper.
TEMPLATE = ("rest", "easy", "rest", "tempo", "rest", "easy", "long")
WEEKLY_KM = (46, 48, 51, 42, 52, 54, 56, 46, 56, 58, 60, 62, 50, 64, 66, 68, 56, 46, 36, 24)
PACE_S_PER_KM = {"easy": 360, "recovery": 390, "long": 375, "tempo": 315}
RPE = {"easy": 3, "recovery": 2, "long": 5, "tempo": 7}
CLINICIAN_ALERTS = ("see_clinician", "see_clinician_firm")
VISIT_AFTER_DAYS = 3  # a physio appointment a few days after the coach asks for one
PHYSIO_NOTE = "Patellofemoral pain, nothing structural. Keep up the hip and quad work; build back stepwise."
# Two pairs of shoes (fixed ids, so the demo's other ids stay as they were): racing flats for the tempo runs.
DAILY_PAIR, RACE_PAIR = "5b0c3c1e-0d7e-4b8e-9a51-3d2f0c6a1b01", "5b0c3c1e-0d7e-4b8e-9a51-3d2f0c6a1b02"


def demo_user() -> User | None:
    return db.session.scalar(select(User).where(User.email == DEMO_EMAIL))


def seed(password: str, on: date | None = None) -> User:
    """(Re)create the demo runner: a plan and twelve ISO weeks of history up to `on` (default: the runner's
    today), which holds only the morning check-in so that the Today page still has its tasks to do."""
    existing = demo_user()
    if existing is not None:
        db.session.execute(delete(User).where(User.id == existing.id))
        db.session.commit()
    user = users.create_user(DEMO_EMAIL, password, "Demo Runner")
    end = on or today.local_today(user.timezone or "UTC")
    start = monday_of(end) - timedelta(weeks=WEEKS - 1)
    profile.put_profile(user, _profile(start), start)  # first: the plan takes its paces from it
    plans.build_plan(user.id, _plan(start))
    bought = (start - timedelta(weeks=8)).isoformat()
    pairs = ((DAILY_PAIR, "Daily trainers", 150_000.0), (RACE_PAIR, "Racing flats", 0.0))
    for pair_id, name, before_m in pairs:
        pair = {"date": bought, "name": name, "start_m": before_m, "retire_at_m": 700_000.0}
        entries.put_entry(user.id, "shoes", pair_id, pair, None)
    runner = _Runner(user.id)
    day = start
    while day <= end:
        runner.live(day, MORNINGS[(day - start).days // 7][day.weekday()], rest_of_day=day < end)
        day += timedelta(days=1)
    return user


def _profile(start: date) -> dict[str, Any]:
    """Where the demo runner said they were when they signed up: about the plan's first week, a 10 km race."""
    return {
        "runs_per_week": 4,
        "weekly_distance_m": 45_000.0,
        "longest_run_m": 18_000.0,
        "last_run_date": (start - timedelta(days=1)).isoformat(),
        "usual_morning_pain": 0,
        "recent_race": {
            "distance_m": 10_000.0,
            "duration_s": 48 * 60 + 30,
            "date": (start - timedelta(weeks=6)).isoformat(),
        },
    }


def _plan(start: date) -> dict[str, Any]:
    return {
        "race_name": "City Marathon",
        "race_date": (start + timedelta(weeks=len(WEEKLY_KM) - 1, days=6)).isoformat(),
        "start_date": start.isoformat(),
        "template": list(TEMPLATE),
        "weekly_targets_m": [km * 1000.0 for km in WEEKLY_KM],
        "long_run_day": 6,
    }


class _Runner:
    """One runner's days: check in, read the Today page, do what it says, log it."""

    def __init__(self, user_id: int) -> None:
        self.user_id = user_id
        self.rng = random.Random(7)  # noqa: S311  (believable numbers, not secrets)
        self.knee = 0
        self.visit_on: date | None = None

    def live(self, day: date, morning: str, rest_of_day: bool) -> None:
        if morning != "-":
            self.knee = int(morning)
            self._put("pain", self._pain(day, "morning", self.knee))
        if not rest_of_day:
            return
        # Read outside any batch: the coach's cache keeps (and commits) what it computes, while a batch drops
        # the cache only when it ends, so a read inside a batch of several days would build on a checkpoint
        # that misses the earlier days' sessions. The check-in above has dropped the cache from today on.
        view = today.today_view(self.user_id, day)
        with entries.batch(self.user_id):  # the day's sessions: one transaction, one cache invalidation
            self._see_a_clinician(day, view)
            tasks = {task.kind: task for task in view.tasks}
            if "run" in tasks:
                self._run(day, tasks["run"], strides="strides" in tasks, slower=_slower(view))
            if "cross_training" in tasks:
                self._cross_train(day, tasks["cross_training"])
            if "strength" in tasks:
                self._strength(day, tasks["strength"])

    def _see_a_clinician(self, day: date, view: today.TodayView) -> None:
        """Book a physio when the coach asks for one; record the visit (a clearance) when it comes."""
        if self.visit_on == day:
            self._put("clearances", {"date": day.isoformat(), "by": "physio", "notes": PHYSIO_NOTE})
            self.visit_on = None
        elif self.visit_on is None and any(a.kind in CLINICIAN_ALERTS for a in view.assessment.alerts):
            self.visit_on = day + timedelta(days=VISIT_AFTER_DAYS)

    def _run(self, day: date, task: Task, strides: bool, slower: float) -> None:
        asked = task.prescribed
        kind = str(asked["kind"])
        distance_m = _number(asked["distance_m"])
        if not distance_m:  # a walk-run of the return table is given in minutes
            distance_m = _number(asked["duration_s"]) / PACE_S_PER_KM["recovery"] * 1000
        distance_m = round(distance_m * self.rng.uniform(0.96, 1.0), -1)  # never more than asked
        pace_s = PACE_S_PER_KM.get(kind, 360) * (1.0 if kind == "tempo" else slower) + self.rng.randint(-8, 8)
        run_id = self._put(
            "runs",
            {
                "date": day.isoformat(),
                "kind": kind,
                "distance_m": distance_m,
                "duration_s": round(distance_m / 1000 * pace_s),
                "rpe": min(RPE.get(kind, 5), int(_number(asked["max_rpe"], 10))),
                "terrain": "flat" if asked["terrain"] == "flat" else "rolling",
                "planned_session_id": str(asked["session_id"]),
                "shoe_id": RACE_PAIR if kind == "tempo" else DAILY_PAIR,
                "notes": "Then 6 × 60 m strides." if strides else "",
            },
        )
        after = {"settled_within_60min": True, "run_id": run_id}
        self._put("pain", {**self._pain(day, "during_run", self.knee), **after})

    def _cross_train(self, day: date, task: Task) -> None:
        limit = int(_number(task.prescribed.get("pain_max"), 10))
        body = {
            "date": day.isoformat(),
            "kind": self.rng.choice(("cycling", "cycling", "swimming")),
            "duration_s": int(_number(task.prescribed["duration_s"], 2400)),
            "rpe": 4,
            "pain_max": min(self.knee, 1, limit),
        }
        self._put("cross-training", body)

    def _strength(self, day: date, task: Task) -> None:
        exercises: Any = task.prescribed["exercises"]
        sets = [
            {"exercise": ex["exercise"], measure: ex[measure], "side": "both"}
            | ({"load_kg": ex["load_kg"]} if ex["load_kg"] else {})
            for ex in exercises
            for measure in ("reps", "seconds", "steps")
            if measure in ex
            for _ in range(ex["sets"])
        ]
        pain = max(0, self.knee - 1)
        body = {"date": day.isoformat(), "duration_s": 1500, "rpe": 5, "pain_max": pain, "sets": sets}
        self._put("strength", body)
        if pain:  # ST3 moves an exercise on only after a session that settled
            self._put("pain", {**self._pain(day, "after_strength", pain), "settled_within_60min": True})

    @staticmethod
    def _pain(day: date, context: str, score: int) -> dict[str, Any]:
        return {
            "date": day.isoformat(),
            "context": context,
            "location": "knee_front",
            "side": "right",
            "score": score,
        }

    def _put(self, kind: str, body: dict[str, Any]) -> str:
        entry_id = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))  # the same demo every time
        entries.put_entry(self.user_id, kind, entry_id, body, None)
        return entry_id


def _slower(view: today.TodayView) -> float:
    """C1 asks for easy runs 10-20 % slower: the runner takes the middle of the range."""
    pct = view.assessment.guidance.easy_pace_slower_pct
    return 1.0 + (sum(pct) / 200 if pct else 0.0)


def timeline_lines(user_id: int, start: date, end: date) -> list[str]:
    """The coach's timeline as a physio would read it: one line a day (state, return stage, steps in
    place) and each decision's reason beneath it."""
    from runner_app.services import coach

    lines: list[str] = []
    for a in coach.timeline(user_id, start, end):
        steps = "+".join(r.rung for r in a.rungs) or "-"
        lines.append(f"{a.date:%a %d %b}  {a.state:<6} stage {a.return_stage or '-':<3} steps {steps}")
        lines.extend(f"    {d.rule:<8} {d.reason}" for d in a.decisions)
    return lines


def _number(value: object, default: float = 0.0) -> float:
    return float(value) if isinstance(value, int | float) else default

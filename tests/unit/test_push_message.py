"""The words of the daily reminder, from Today's tasks, in the runner's units."""

from __future__ import annotations

from typing import Any

from runner_app.planning.daily.tasks import Task
from runner_app.services.push_message import NOTHING, reminder


def task(task_kind: str, task_title: str, done: bool = False, **prescribed: object) -> Task:
    kind: Any = task_kind  # a TaskKind, as the tests name it
    return Task(task_kind, kind, task_title, "", None, dict(prescribed), "T0", "", done)


CHECKIN = task("checkin", "Morning check-in")
EASY = task(
    "run",
    "Easy run · 8.0 km",
    kind="easy",
    title="Easy run",
    distance_m=8000.0,
    target_pace={"min_s_per_km": 359, "max_s_per_km": 402},
)
STRIDES = task("strides", "Strides")


def test_the_reminder_names_the_check_in_first_then_the_run_with_its_distance_and_pace() -> None:
    assert reminder([CHECKIN, EASY, STRIDES], "km") == (
        "Morning check-in, then: Easy run 8.0 km at 5:59–6:42 /km; Strides"
    )


def test_a_runner_in_miles_reads_miles_and_minutes_per_mile() -> None:
    assert reminder([CHECKIN, EASY], "mi") == "Morning check-in, then: Easy run 5.0 mi at 9:38–10:47 /mi"


def test_tasks_already_done_are_left_out() -> None:
    done_checkin = task("checkin", "Morning check-in", done=True)
    assert reminder([done_checkin, EASY], "km") == "Easy run 8.0 km at 5:59–6:42 /km"


def test_a_run_without_a_target_pace_reads_its_distance_only() -> None:
    long_run = task("run", "Long run · 20.0 km", kind="long", distance_m=20000.0, target_pace=None)
    assert reminder([long_run], "km") == "Long run 20.0 km"


def test_a_run_planned_by_time_reads_its_minutes() -> None:
    walk = task("run", "Walk-run · 30 min", kind="easy", title="Walk-run", duration_s=1800)
    assert reminder([walk], "km") == "Walk-run 30 min"


def test_a_day_with_everything_done_says_so() -> None:
    assert reminder([task("checkin", "Morning check-in", done=True)], "km") == NOTHING
    assert reminder([], "km") == NOTHING

"""The words of the daily reminder: today's open tasks in one line, in the runner's units."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from runner_app.coach.text import DASH, metres_per_unit
from runner_app.coach.words import Distance, Words, as_words
from runner_app.planning.daily.tasks import RUN_TITLES, Task

NOTHING = "Nothing left for today: rest well."


def _pace(s_per_km: float, units: str | None) -> str:
    secs = round(s_per_km * metres_per_unit(units) / 1000)
    return f"{secs // 60}:{secs % 60:02d}"


def run_phrase(task: Task, units: str | None) -> str:
    """The run in one phrase, as "Easy run 8.0 km at 5:59–6:42 /km": kind, distance (or time), target pace."""
    prescribed = task.prescribed
    unit = "mi" if units == "mi" else "km"
    named = prescribed.get("title")
    title = as_words(named if isinstance(named, Words | str) else None)
    title = title or Words(RUN_TITLES.get(str(prescribed.get("kind")), "Run"))
    metres = prescribed.get("distance_m")
    seconds = prescribed.get("duration_s")
    if title.says_distance:
        amount = ""  # the title says how far ("Long run 32.0 km with 11.0 km at marathon pace")
    elif isinstance(metres, int | float) and metres > 0:
        amount = " " + Distance(metres).render(units)
    elif isinstance(seconds, int | float) and seconds > 0:
        amount = f" {round(seconds / 60)} min"
    else:
        return as_words(task.title).render(units).replace(" · ", " ")
    said = title.render(units) + amount
    pace = prescribed.get("target_pace")
    if isinstance(pace, Mapping):
        fast, slow = pace.get("min_s_per_km"), pace.get("max_s_per_km")
        if isinstance(fast, int | float) and isinstance(slow, int | float) and fast > 0 and slow > 0:
            return f"{said} at {_pace(fast, units)}{DASH}{_pace(slow, units)} /{unit}"
    return said


def phrase(task: Task, units: str | None) -> str:
    if task.kind == "run":
        return run_phrase(task, units)
    return as_words(task.title).render(units)


def reminder(tasks: Sequence[Task], units: str | None) -> str:
    """The reminder, as "Morning check-in, then: Easy run 8.0 km at 5:59–6:42 /km; Strides": the tasks
    not yet done, in Today's order (the check-in first)."""
    open_tasks = [phrase(task, units) for task in tasks if not task.done]
    if not open_tasks:
        return NOTHING
    first, rest = open_tasks[0], open_tasks[1:]
    return f"{first}, then: {'; '.join(rest)}" if rest else first

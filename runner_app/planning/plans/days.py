"""Which weekdays a plan runs on and which of them are hard (plan-rules.md "Days" and "Quality").

The runner chooses runs a week (3-7), rest days and the long-run day. Run days spread from the long-run day
(two days after it first, the day after it last, so the day after the long run rests when the week allows).
Quality days sit two and four days after the long run, never next to another hard day (the long run counts
as hard), so the plan never has two hard days in a row, across weeks too: the week repeats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Offsets after the long-run day, in the order run days are added.
_RUN_ORDER = (2, 4, 6, 3, 5, 1)
# Offsets tried for the quality sessions: the first (threshold) and, with 5+ runs, the second.
_QUALITY_ORDER = (2, 3, 4, 5)


@dataclass(frozen=True)
class WeekDays:
    long_run_day: int
    run_days: tuple[int, ...]  # weekdays, Monday 0, sorted
    quality_days: tuple[int, ...]  # first the threshold day, then the second session's day


def _adjacent(one: int, other: int) -> bool:
    return (one - other) % 7 in (1, 6)


def week_days(runs_per_week: int, long_run_day: int, rest_days: Sequence[int] = ()) -> WeekDays:
    """The week's run days and quality days. The caller has checked that enough days are free."""
    free = [
        (long_run_day + offset) % 7 for offset in _RUN_ORDER if (long_run_day + offset) % 7 not in rest_days
    ]
    runs = [long_run_day, *free[: runs_per_week - 1]]
    wanted = 1 if runs_per_week <= 4 else 2
    if runs_per_week <= 2:
        wanted = 0
    quality: list[int] = []
    for offset in _QUALITY_ORDER:
        day = (long_run_day + offset) % 7
        if len(quality) == wanted:
            break
        if day in runs and not any(_adjacent(day, hard) for hard in [long_run_day, *quality]):
            quality.append(day)
    return WeekDays(long_run_day, tuple(sorted(runs)), tuple(quality))

"""The runner profile as history (coach-rules.md, "Runner profile") and the gap rule G1.

Until the runner has logged 4 weeks of runs, the profile counts as if, in the 4 weeks before its date, the
runner had run `runs_per_week` runs a week totalling the weekly distance, the longest being the stated
longest run. It counts only for days from its date on, and is never shown as logged runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from runner_app.coach.events import DayEvents
from runner_app.coach.flags import RED_KEYS, open_keys
from runner_app.coach.model import RunnerProfile
from runner_app.coach.returns import STAGE_CONTENT, level
from runner_app.coach.settings import CoachSettings
from runner_app.coach.state import DaySummary, FlagState, ReturnState, between
from runner_app.coach.text import day

_ONE = timedelta(days=1)


def standing_in(
    profile: RunnerProfile | None, d: date, days: Sequence[DaySummary], settings: CoachSettings
) -> RunnerProfile | None:
    """The profile when it stands in for history on d: given on or before d, and the runs logged since the
    start of its 4 weeks do not yet reach 4 weeks back from d (reading 33)."""
    if profile is None or d < profile.as_of:
        return None
    weeks = timedelta(days=settings.profile_weeks * 7)
    oldest = max(profile.as_of - weeks, d - timedelta(days=settings.history_days - 1))
    if any(s.run_distances_m for s in between(days, oldest, d - weeks)):
        return None
    return profile


def profile_runs(profile: RunnerProfile | None, settings: CoachSettings) -> list[tuple[date, float]]:
    """The profile's longest run, dated the day before the profile (its 4 weeks end there), for the S1/S2
    reference. The stated longest run, else the average run of its weekly distance."""
    if profile is None:
        return []
    longest = profile.longest_run_m
    if longest is None and profile.runs_per_week > 0:
        longest = profile.weekly_distance_m / profile.runs_per_week
    return [(profile.as_of - _ONE, float(longest))] if longest else []


def profile_week_m(profile: RunnerProfile | None, monday: date, settings: CoachSettings) -> float:
    """The profile's share of the distance of the week starting `monday`: its weekly distance spread evenly
    over the days of its 4 weeks (the days before its date) that fall in that week."""
    if profile is None:
        return 0.0
    first = profile.as_of - timedelta(days=settings.profile_weeks * 7)
    covered = sum(1 for i in range(7) if first <= monday + timedelta(days=i) < profile.as_of)
    return profile.weekly_distance_m * covered / 7


def last_run(logged: date | None, profile: RunnerProfile | None, d: date) -> date | None:
    """The latest run known on d: logged, or the profile's last-run date (a profile that reports running but
    no date counts as a run the day before it was given)."""
    said: date | None = None
    if profile is not None and d >= profile.as_of:
        said = profile.last_run_date
        if said is None and profile.runs_per_week > 0 and profile.weekly_distance_m > 0:
            said = profile.as_of - _ONE
    known = [x for x in (logged, said) if x is not None]
    return max(known) if known else None


def gap_stage(gap_days: int, settings: CoachSettings) -> int | None:
    """G1: the return stage owed after `gap_days` days without running (None: the plan as written)."""
    if gap_days > settings.g1_r2_after_days:
        return 2
    if gap_days > settings.g1_r3_after_days:
        return 3
    if gap_days > settings.g1_r4_after_days:
        return 4
    return None


def needs_profile(
    profile: RunnerProfile | None, d: date, days: Sequence[DaySummary], settings: CoachSettings
) -> bool:
    """T7: no profile yet (as of d) and fewer than 3 runs in the last 28 days."""
    if profile is not None and d >= profile.as_of:
        return False
    recent = between(days, d - timedelta(days=settings.t7_window_days - 1), d)
    return sum(len(s.run_distances_m) for s in recent) < settings.t7_min_runs


def gap_return(
    ret: ReturnState,
    flags: FlagState,
    d: date,
    last_run: date | None,
    settings: CoachSettings,
    out: DayEvents,
) -> ReturnState:
    """G1: after 15 days or more without running (and no red), the next run restarts at R4, R3 or R2."""
    if last_run is None or ret.red_exit is not None or ret.red_d3 or open_keys(flags.episodes, d) & RED_KEYS:
        return ret
    gap = (d - last_run).days
    owed = gap_stage(gap, settings)
    if owed is None or owed >= level(ret.stage):
        return ret
    out.decide(
        "G1",
        f"Your last run was on {day(last_run)}, {gap} days ago: you restart at a gentler level "
        f"({STAGE_CONTENT[owed]}) and build back up from there.",
        "product",
    )
    return ReturnState(stage=owed, stage_since=d)

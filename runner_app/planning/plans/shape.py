"""The shape of a plan (plan-rules.md "Shape of the plan"): each week's phase, its distance and its long run,
before the spike caps of fit.py.

- Phases: build weeks (the first third `base`) with a cut-back week every 4th week, the last build week the
  `peak` (3 weeks before race week for a marathon), the taper, the race week, then 1-2 weeks of recovery.
- Volume: week 1 at the runner's current volume; each build week at most 1.10 × the level so far (so never
  over 1.10 × the largest of the 4 weeks before it) toward a peak of about 1.6 × the start for a marathon;
  cut-back weeks at 78 %; the taper at 80/65/40 % (marathon) or 75/45 % (half) of the peak.
- Long run: from the longest run of the last 30 days, +10 % a build week (S1) toward 32 km for a
  marathon (3 h 15 min at easy pace for a runner whose easy pace is slower than 6:45/km, never under 26 km),
  20 km for a half; 75 % in cut-back weeks; stepping down in the taper; none in race week.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from runner_app.planning.model import Phase
from runner_app.planning.plans.paces import Paces

MARATHON_M = 42195.0
HALF_M = 21097.5


@dataclass(frozen=True)
class ShapeSettings:
    build_rate: float = 0.10  # no week over 1.10 × the largest of the 4 before it
    cutback_every: int = 4  # every 4th week is a cut-back week
    cutback_factor: float = 0.78  # at 75-80 % of the level before it
    long_cutback_factor: float = 0.75
    step_back_share: float = 0.9  # the week before the peak: a medium long run after one this close
    peak_factor_marathon: float = 1.7  # peak ≈ 1.4-1.8 × start (Pfitzinger/Higdon ranges)
    peak_factor_half: float = 1.4
    peak_factor_other: float = 1.3
    max_peak_factor: float = 2.0  # the peak week never more than twice the start
    max_peak_m: float = 160_000.0
    long_share_marathon: float = 0.55  # the long run's largest share of its week (half and full marathon)
    long_share_other: float = 0.40
    long_peak_marathon_m: float = 32_000.0  # 29-35 km (Higdon and Pfitzinger peak at 20-22 mi)
    long_peak_half_m: float = 20_000.0  # 18-22 km
    long_peak_other_m: float = 16_000.0
    slow_easy_s_per_km: float = 405.0  # easy slower than 6:45/km: the long run is set by time instead
    long_peak_time_s: float = 3 * 3600 + 15 * 60
    long_peak_floor_m: float = 26_000.0
    taper_marathon: tuple[float, ...] = (0.80, 0.65, 0.40)  # last 3 weeks, race week included
    taper_half: tuple[float, ...] = (0.75, 0.45)  # last 2 weeks, race week included
    taper_long_marathon: tuple[float, ...] = (0.75, 0.50)  # long runs of the taper weeks before race week
    taper_long_half: tuple[float, ...] = (0.70,)
    recovery_marathon: tuple[float, ...] = (0.25, 0.50)  # easy weeks after the race, share of the peak
    recovery_other: tuple[float, ...] = (0.50,)


DEFAULT_SHAPE = ShapeSettings()


def is_marathon(race_distance_m: float) -> bool:
    return race_distance_m >= 30_000


def taper_factors(race_distance_m: float, shape: ShapeSettings = DEFAULT_SHAPE) -> tuple[float, ...]:
    return shape.taper_marathon if is_marathon(race_distance_m) else shape.taper_half


def plan_phases(
    weeks_to_race: int, race_distance_m: float, shape: ShapeSettings = DEFAULT_SHAPE
) -> list[Phase]:
    """Phases of the weeks up to the race week (included), then the recovery weeks after it."""
    taper = len(taper_factors(race_distance_m, shape))
    recovery: list[Phase] = ["recovery"] * len(
        shape.recovery_marathon if is_marathon(race_distance_m) else shape.recovery_other
    )
    build = max(0, weeks_to_race - taper)
    phases: list[Phase] = []
    for index in range(build):
        if index == build - 1:
            phases.append("peak")
        elif index % shape.cutback_every == shape.cutback_every - 1 and index < build - 2:
            phases.append("cutback")
        else:
            phases.append("base" if index < build / 3 else "build")
    tapering: list[Phase] = ["taper"] * (taper - 1)
    tail: list[Phase] = [*tapering, "race"]
    return [*phases, *tail[-weeks_to_race:], *recovery]


def long_run_goal_m(
    race_distance_m: float, paces: Paces | None, shape: ShapeSettings = DEFAULT_SHAPE
) -> float:
    """Where the long run should peak for this race and this runner."""
    if not is_marathon(race_distance_m):
        return shape.long_peak_half_m if race_distance_m >= 20_000 else shape.long_peak_other_m
    if paces is not None and paces.easy.middle > shape.slow_easy_s_per_km:
        by_time = shape.long_peak_time_s / paces.easy.middle * 1000
        return max(shape.long_peak_floor_m, min(shape.long_peak_marathon_m, by_time))
    return shape.long_peak_marathon_m


@dataclass(frozen=True)
class WeekShape:
    phase: Phase
    volume_m: float  # the week's running, the race excluded
    long_m: float  # 0 when the week has no long run


def plan_shape(
    phases: list[Phase],
    start_m: float,
    start_long_m: float,
    race_distance_m: float,
    paces: Paces | None,
    shape: ShapeSettings = DEFAULT_SHAPE,
) -> list[WeekShape]:
    """Each week's volume and long run, nominal (fit.py then caps every run at S1 over the real history)."""
    marathon = is_marathon(race_distance_m)
    factor = (
        shape.peak_factor_marathon
        if marathon
        else shape.peak_factor_half
        if race_distance_m >= 20_000
        else shape.peak_factor_other
    )
    share = shape.long_share_marathon if race_distance_m >= 20_000 else shape.long_share_other
    goal_long = long_run_goal_m(race_distance_m, paces, shape)
    peak_cap = min(shape.max_peak_m, start_m * shape.max_peak_factor)
    peak_goal = min(peak_cap, max(start_m * factor, goal_long / share))
    grow = 1 + shape.build_rate
    level, peak_m = start_m, start_m
    longs: list[float] = [start_long_m]  # the long runs of the weeks so far, history's first
    peak_long = start_long_m
    tapers = taper_factors(race_distance_m, shape)
    taper_longs = shape.taper_long_marathon if marathon else shape.taper_long_half
    recovery = shape.recovery_marathon if marathon else shape.recovery_other
    weeks: list[WeekShape] = []
    recovery_index = 0
    for index, phase in enumerate(phases):
        recent_long = max(longs[-4:])  # about the longest run of the last 30 days
        if phase in ("base", "build", "peak"):
            if index > 0 and phases[index - 1] != "cutback":
                level = min(peak_goal, level * grow) if level < peak_goal else level
            volume = level
            want = min(goal_long, recent_long * (grow if index > 0 else 1.05))
            following = phases[index + 1] if index + 1 < len(phases) else "race"
            if phase == "build" and following == "peak" and longs[-1] >= shape.step_back_share * goal_long:
                want = longs[-1] * shape.long_cutback_factor  # after a run near the peak, a medium one
            long_m = min(want, max(start_long_m, share * volume))
            if index == 0:
                long_m = max(long_m, start_long_m)
            peak_m, peak_long = max(peak_m, volume), max(peak_long, long_m)
        elif phase == "cutback":
            volume = level * shape.cutback_factor
            long_m = min(recent_long, longs[-1]) * shape.long_cutback_factor
        elif phase in ("taper", "race"):
            step = len(tapers) - (phases[index:].count("taper") + phases[index:].count("race"))
            volume = peak_m * tapers[max(0, step)]
            long_m = peak_long * taper_longs[max(0, step)] if phase == "taper" else 0.0
        else:
            volume = peak_m * recovery[min(recovery_index, len(recovery) - 1)]
            long_m = 0.0
            recovery_index += 1
        longs.append(long_m)
        weeks.append(WeekShape(phase, volume, long_m))
    return weeks


def weeks_needed(
    start_m: float, start_long_m: float, goal_long_m: float, shape: ShapeSettings = DEFAULT_SHAPE
) -> int:
    """The weeks to race week (included) a marathon plan needs for the long run to reach `goal_long_m` from
    `start_long_m` at +10 % a build week, with its cut-back weeks and taper."""
    growth = math.log(max(1.0, goal_long_m / max(start_long_m, 1000.0))) / math.log(1 + shape.build_rate)
    growth_by_volume = math.log(
        max(1.0, goal_long_m / shape.long_share_marathon / max(start_m, 1000.0))
    ) / math.log(1 + shape.build_rate)
    build = math.ceil(max(growth, growth_by_volume) * shape.cutback_every / (shape.cutback_every - 1)) + 1
    return build + len(shape.taper_marathon)

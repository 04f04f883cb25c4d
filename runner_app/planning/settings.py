"""The planner's own numbers, in one frozen dataclass: product choices unless a rule id says otherwise.

Coach thresholds (spikes S1-S3, strength ST1-ST4) stay in `runner_app.coach.settings.CoachSettings`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class PlanningSettings:
    # ---------------------------------------------------------------- generator inputs
    min_days_to_race: int = 21  # refuse a race fewer than 3 weeks away
    max_weeks: int = 52  # refuse a race more than a year away
    min_weekly_m: float = 10_000.0  # below this, start with the return-to-running table instead
    max_weekly_m: float = 200_000.0  # above this the input is taken as a typo
    min_run_m: float = 3_000.0  # current volume / days per week must give runs of at least 3 km ...
    max_run_m: float = 30_000.0  # ... and of at most 30 km on average
    min_race_m: float = 1_000.0
    max_race_m: float = 100_000.0

    # ---------------------------------------------------------------- volume curve
    build_rate: float = 0.10  # +10 %/week while below the target peak
    slow_build_rate: float = 0.05  # +5 %/week once at the target peak
    ceiling_factor: float = 1.15  # never build beyond 1.15 x max(target peak, current volume)
    cutback_factor: float = 0.80  # cut-back week: -20 %
    max_week_ratio: float = 1.20  # never plan a week above 1.20 x the previous one (S3 with pain)
    taper_factors_2: tuple[float, ...] = (0.75, 0.55)  # taper weeks as a share of the peak week
    taper_factors_3: tuple[float, ...] = (0.85, 0.70, 0.55)
    taper_step_max: float = 0.90  # a taper or race week never holds more than 0.90 x the week before it
    three_week_taper_min_weeks: int = 16  # plans this long get a 3-week taper
    race_week_factor: float = 0.30  # race week's running before the race, as a share of the peak week
    race_week_max_run_m: float = 8_000.0  # shake-out runs in race week stay short

    # ---------------------------------------------------------------- sessions
    long_run_share: tuple[float, ...] = (0.55, 0.40, 0.33, 0.30, 0.28, 0.26)  # for 2..7 days a week
    long_run_max_share: float = 0.40  # half and full marathon: the long run may grow to 40 % of the week
    long_run_cap_m: float = 33_000.0  # the longest long run for a marathon (32-35 km)
    long_run_floor_cap_m: float = 16_000.0  # the long-run cap never goes below this for short races
    taper_long_run_factors_2: tuple[float, ...] = (0.80, 0.60)  # taper long runs, share of the peak one
    taper_long_run_factors_3: tuple[float, ...] = (0.90, 0.75, 0.60)
    round_to_m: float = 100.0  # planned distances are whole 100 m

    # ---------------------------------------------------------------- adjustments and tasks
    easy_pace_s_per_km: float = 390.0  # to turn a distance into a duration when none is planned (6:30/km)
    easy_strides_per_week: int = 2  # T3: strides after up to 2 easy runs a week

    def floor_m(self, distance_m: float) -> float:
        """Down to the plan's rounding step (`round_to_m`)."""
        return math.floor(distance_m / self.round_to_m + 1e-9) * self.round_to_m


DEFAULT_PLANNING = PlanningSettings()

TARGET_PEAK_M: tuple[tuple[float, float], ...] = (
    # (race distance at least, target peak week): a sensible peak for the race, reached at +10 %/week
    (40_000.0, 70_000.0),
    (20_000.0, 50_000.0),
    (10_000.0, 40_000.0),
    (0.0, 30_000.0),
)

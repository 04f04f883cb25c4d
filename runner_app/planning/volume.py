"""The volume curve: each week's distance and its long run, before the spike caps of fit.py."""

from __future__ import annotations

from collections.abc import Sequence

from runner_app.planning.model import Phase
from runner_app.planning.settings import TARGET_PEAK_M, PlanningSettings


def weekly_targets(
    current_weekly_m: float, phases: Sequence[Phase], race_distance_m: float, settings: PlanningSettings
) -> list[float]:
    """The nominal volume of every week, from the phases: build weeks +10 % while below a sensible peak for
    the race, +5 % above it, never past 1.15 x max(that peak, current volume) nor 1.20 x the week before;
    the week after a cut-back returns to the level before it (within that 1.20 x); cut-back weeks -20 %;
    taper and race weeks a share of the peak week."""
    target_peak = next(peak for at_least, peak in TARGET_PEAK_M if race_distance_m >= at_least)
    ceiling = max(target_peak, current_weekly_m) * settings.ceiling_factor
    tapers = settings.taper_factors_3 if phases.count("taper") == 3 else settings.taper_factors_2
    level = previous = peak_m = current_weekly_m
    volumes: list[float] = []
    for index, phase in enumerate(phases):
        if phase in ("base", "build", "peak"):
            if index == 0:
                volume = current_weekly_m
            elif phases[index - 1] == "cutback":
                volume = level
            else:
                rate = settings.build_rate if level < target_peak else settings.slow_build_rate
                volume = max(level, min(level * (1 + rate), ceiling))
            volume = min(volume, previous * settings.max_week_ratio)
            level = volume
            peak_m = max(peak_m, volume)
        elif phase == "cutback":
            volume = level * settings.cutback_factor
        elif phase == "taper":
            volume = peak_m * tapers[phases[:index].count("taper")]
        else:
            volume = peak_m * settings.race_week_factor
        volumes.append(volume)
        previous = volume
    return volumes


def long_run_cap_m(race_distance_m: float, settings: PlanningSettings) -> float:
    """33 km for a marathon (32-35 km), the race distance for a half, never below 16 km."""
    return min(settings.long_run_cap_m, max(settings.long_run_floor_cap_m, race_distance_m))


def long_run_targets(
    volumes: Sequence[float],
    phases: Sequence[Phase],
    current_long_m: float | None,
    days_per_week: int,
    race_distance_m: float,
    settings: PlanningSettings,
) -> list[float]:
    """Each week's long run. It starts from the runner's current longest run and grows +10 % a build week
    (S1's limit), staying between the usual share of the week (25-30 % with 5+ days, more with fewer days)
    and 40 % of it for a half or full marathon (a longer long run matters more for those than the share),
    up to the cap. Cut-back weeks -20 %, taper weeks a falling share of the peak long run, none in race week.
    """
    share = settings.long_run_share[days_per_week - 2]
    max_share = max(share, settings.long_run_max_share if race_distance_m >= 20_000 else share)
    cap = long_run_cap_m(race_distance_m, settings)
    tapers = (
        settings.taper_long_run_factors_3 if phases.count("taper") == 3 else settings.taper_long_run_factors_2
    )
    level = current_long_m if current_long_m is not None else share * volumes[0]
    peak = min(level, cap, max_share * volumes[0])  # a plan too short to build tapers from today's long run
    longs: list[float] = []
    for index, (phase, volume) in enumerate(zip(phases, volumes, strict=True)):
        if phase in ("base", "build", "peak"):
            grow = index > 0 and phases[index - 1] != "cutback"
            want = level * (1 + settings.build_rate) if grow else level
            level = min(cap, max(share * volume, min(max_share * volume, want)))
            peak = max(peak, level)
            longs.append(level)
        elif phase == "cutback":
            longs.append(min(level * settings.cutback_factor, max_share * volume))
        elif phase == "taper":
            longs.append(min(peak * tapers[phases[:index].count("taper")], max_share * volume))
        else:
            longs.append(0.0)
    return longs

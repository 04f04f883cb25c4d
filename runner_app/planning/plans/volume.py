"""The long-run cap of a plan the runner builds from a template (build.py); generated plans take their
shape from shape.py."""

from __future__ import annotations

from runner_app.planning.settings import PlanningSettings


def long_run_cap_m(race_distance_m: float, settings: PlanningSettings) -> float:
    """33 km for a marathon (32-35 km), the race distance for a half, never below 16 km."""
    return min(settings.long_run_cap_m, max(settings.long_run_floor_cap_m, race_distance_m))

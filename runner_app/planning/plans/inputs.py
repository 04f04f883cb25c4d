"""What a plan cannot be made from: a race in the past or too near or far, an implausible volume, runs too
long or too short for the days given, rest days that leave no room. Each refusal says which field and why, in
the runner's numbers (its distances as data, worded in the runner's units by the service)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from runner_app.coach.words import Distance, Words, as_words, say
from runner_app.planning.settings import PlanningSettings

__all__ = ["PlanInputError", "check_days", "check_inputs"]


class PlanInputError(ValueError):
    """Inputs no sensible plan can meet. The message says which and why, in the runner's numbers."""

    def __init__(self, message: Words | str, field: str = "race_date") -> None:
        super().__init__(str(message))
        self.words = as_words(message)
        self.field = field


def check_inputs(
    current_weekly_m: float,
    days_per_week: int,
    long_run_day: int,
    race_date: date,
    start_date: date,
    race_distance_m: float,
    settings: PlanningSettings,
) -> None:
    days_to_race = (race_date - start_date).days
    if days_to_race < 0:
        raise PlanInputError(f"The race date {race_date} is in the past (the plan starts {start_date}).")
    if days_to_race < settings.min_days_to_race:
        raise PlanInputError(
            f"The race is {days_to_race} days away; a plan needs at least {settings.min_days_to_race} days "
            "(3 weeks). Keep your current running and taper in the last week instead."
        )
    if days_to_race > settings.max_weeks * 7:
        raise PlanInputError(
            f"The race is {days_to_race // 7} weeks away; generate the plan within {settings.max_weeks} "
            "weeks of it."
        )
    if not 2 <= days_per_week <= 7:
        raise PlanInputError(f"Days per week must be 2 to 7, not {days_per_week}.")
    if not 0 <= long_run_day <= 6:
        raise PlanInputError(f"The long-run day is a weekday 0 (Monday) to 6 (Sunday), not {long_run_day}.")
    if (
        not math.isfinite(race_distance_m)
        or not settings.min_race_m <= race_distance_m <= settings.max_race_m
    ):
        raise PlanInputError(
            say(
                "A race of {d} is outside {low}-{high}.",
                d=Distance(race_distance_m),
                low=Distance(settings.min_race_m),
                high=Distance(settings.max_race_m),
            )
        )
    if (
        not math.isfinite(current_weekly_m)
        or current_weekly_m < 0
        or current_weekly_m > settings.max_weekly_m
    ):
        raise PlanInputError(
            say(
                "{d} a week is not a plausible current volume (0-{high}).",
                d=Distance(current_weekly_m),
                high=Distance(settings.max_weekly_m),
            )
        )
    if current_weekly_m < settings.min_weekly_m:
        raise PlanInputError(
            say(
                "At {d} a week, start with the return-to-running table until you run {low} a week; then "
                "generate a plan.",
                d=Distance(current_weekly_m),
                low=Distance(settings.min_weekly_m),
            )
        )
    if current_weekly_m / days_per_week > settings.max_run_m:
        more = min(7, math.ceil(current_weekly_m / settings.max_run_m))
        raise PlanInputError(
            say(
                "{d} over {n} days makes runs of {each} on average; choose {more} days a week or more.",
                d=Distance(current_weekly_m),
                n=days_per_week,
                each=Distance(current_weekly_m / days_per_week),
                more=more,
            )
        )
    if current_weekly_m / days_per_week < settings.min_run_m:
        fewer = max(2, int(current_weekly_m // settings.min_run_m))
        raise PlanInputError(
            say(
                "{d} over {n} days makes runs shorter than {low}; choose {fewer} days a week or fewer.",
                d=Distance(current_weekly_m),
                n=days_per_week,
                low=Distance(settings.min_run_m),
                fewer=fewer,
            )
        )


def check_days(runs_per_week: int, long_run_day: int, rest_days: Sequence[int]) -> None:
    if any(not 0 <= day <= 6 for day in rest_days):
        raise PlanInputError("Rest days are weekdays 0 (Monday) to 6 (Sunday).", "rest_days")
    if long_run_day in rest_days:
        raise PlanInputError("The long-run day cannot also be a rest day.", "long_run_day")
    if 7 - len(set(rest_days)) < runs_per_week:
        raise PlanInputError(
            f"{runs_per_week} runs a week do not fit in {7 - len(set(rest_days))} days without rest days.",
            "rest_days",
        )

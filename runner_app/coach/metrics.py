"""Display-only load metrics: shown to the runner, never used as gates (their evidence for runners is weak).

Session load = RPE x minutes (runs, cross-training and strength; a session logged without RPE counts as
RPE 5). ACWR uses exponentially weighted averages with lambda = 2 / (N + 1) for N = 7 and 28 days;
fitness and fatigue are the 42- and 7-day impulse-response averages, form = fitness - fatigue.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from runner_app.coach.ladder import monday_of
from runner_app.coach.model import Metrics
from runner_app.coach.settings import CoachSettings
from runner_app.coach.state import DaySummary, LoadState, between


def update_load(load: LoadState, today: float, settings: CoachSettings) -> LoadState:
    acute_l = 2.0 / (settings.acwr_acute_days + 1)
    chronic_l = 2.0 / (settings.acwr_chronic_days + 1)
    return LoadState(
        acute=acute_l * today + (1 - acute_l) * load.acute,
        chronic=chronic_l * today + (1 - chronic_l) * load.chronic,
        fitness=load.fitness + (today - load.fitness) / settings.fitness_days,
        fatigue=load.fatigue + (today - load.fatigue) / settings.fatigue_days,
    )


def build_metrics(
    days: Sequence[DaySummary], d: date, baseline: float | None, load: LoadState, settings: CoachSettings
) -> Metrics:
    """`days` ends with today's summary; days missing from the history count as zero load."""
    monday = monday_of(d)
    last_monday = monday - timedelta(days=7)
    week_start = d - timedelta(days=6)
    loads: list[float] = []
    this_m: list[int] = []
    last_m: list[int] = []
    this_km = last_km = 0.0
    longest: float | None = None
    for s in between(days, min(last_monday, d - timedelta(days=29)), d):
        run_m = sum(s.run_distances_m)
        if s.date >= week_start:
            loads.append(s.load)
        if s.date >= monday:
            this_km += run_m
            if s.morning is not None:
                this_m.append(s.morning)
        elif s.date >= last_monday:
            last_km += run_m
            if s.morning is not None:
                last_m.append(s.morning)
        if s.run_distances_m and s.date > d - timedelta(days=30):
            top = max(s.run_distances_m)
            longest = top if longest is None else max(longest, top)
    week = [0.0] * (7 - len(loads)) + loads
    total = sum(week)
    mean = total / 7
    sd = math.sqrt(sum((x - mean) ** 2 for x in week) / 7)
    monotony = mean / sd if sd > 1e-9 else None
    enough = settings.w3_min_morning_entries
    return Metrics(
        baseline_morning_pain=0.0 if baseline is None else baseline,
        has_baseline=baseline is not None,
        week_mean_morning_pain=sum(this_m) / len(this_m) if len(this_m) >= enough else None,
        last_week_mean_morning_pain=sum(last_m) / len(last_m) if len(last_m) >= enough else None,
        week_distance_m=this_km,
        last_week_distance_m=last_km,
        longest_run_30d_m=longest,
        session_load_7d=total,
        acwr=load.acute / load.chronic if load.chronic > 0 else None,
        monotony=monotony,
        strain=total * monotony if monotony is not None else None,
        fitness=load.fitness,
        fatigue=load.fatigue,
        form=load.fitness - load.fatigue,
        week_morning_entries=len(this_m),
        acute_load=load.acute,
        chronic_load=load.chronic,
    )

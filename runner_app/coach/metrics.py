"""Display-only load metrics: shown to the runner, never used as gates (their evidence for runners is weak).

Session load = RPE x minutes (runs, cross-training and strength; a session logged without RPE counts as
RPE 5). ACWR uses exponentially weighted averages with lambda = 2 / (N + 1) for N = 7 and 28 days;
fitness and fatigue are the 42- and 7-day impulse-response averages, form = fitness - fatigue.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from runner_app.coach.ladder import monday_of, week_stats
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
    days: Sequence[DaySummary], d: date, baseline: float, load: LoadState, settings: CoachSettings
) -> Metrics:
    """`days` ends with today's summary; days missing from the history count as zero load."""
    loads = [s.load for s in between(days, d - timedelta(days=6), d)]
    week = [0.0] * (7 - len(loads)) + loads
    total = sum(week)
    mean = total / 7
    sd = math.sqrt(sum((x - mean) ** 2 for x in week) / 7)
    monotony = mean / sd if sd > 1e-9 else None
    monday = monday_of(d)
    this = week_stats(days, monday, settings)
    last = week_stats(days, monday - timedelta(days=7), settings)

    def distance(start: date) -> float:
        return sum((sum(s.run_distances_m) for s in between(days, start, start + timedelta(days=6))), 0.0)

    recent = [max(s.run_distances_m) for s in between(days, d - timedelta(days=29), d) if s.run_distances_m]
    return Metrics(
        baseline_morning_pain=baseline,
        week_mean_morning_pain=this.mean,
        last_week_mean_morning_pain=last.mean,
        week_distance_m=distance(monday),
        last_week_distance_m=distance(monday - timedelta(days=7)),
        longest_run_30d_m=max(recent) if recent else None,
        session_load_7d=total,
        acwr=load.acute / load.chronic if load.chronic > 0 else None,
        monotony=monotony,
        strain=total * monotony if monotony is not None else None,
        fitness=load.fitness,
        fatigue=load.fatigue,
        form=load.fitness - load.fatigue,
        week_morning_entries=this.mornings,
        acute_load=load.acute,
        chronic_load=load.chronic,
    )

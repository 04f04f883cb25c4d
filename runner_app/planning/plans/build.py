"""A plan the runner builds: a weekly template and a distance target per week, expanded into sessions.

The template is kept as written (a built plan is the runner's own); the coach only bends it day by day.
"""

from __future__ import annotations

from datetime import timedelta

from runner_app.planning.model import (
    RUN_KINDS,
    PlannedSession,
    PlanSpec,
    SessionKind,
    monday_of,
    phases_for_weeks,
    session_id,
)
from runner_app.planning.plans.layout import session_notes
from runner_app.planning.plans.volume import long_run_cap_m
from runner_app.planning.settings import DEFAULT_PLANNING, PlanningSettings


def build_sessions(
    spec: PlanSpec,
    plan_id: str,
    race_distance_m: float,
    settings: PlanningSettings = DEFAULT_PLANNING,
    *,
    units: str = "km",
) -> list[PlannedSession]:
    """Sessions from the plan's start to its race: each week's target (the last one repeats) shared over the
    template's run days, the long run taking its usual share of the week up to the cap; the race on race day,
    the day before it free."""
    first_monday = monday_of(spec.start_date)
    race_week = (monday_of(spec.race_date) - first_monday).days // 7
    targets = [spec.weekly_targets_m[min(i, len(spec.weekly_targets_m) - 1)] for i in range(race_week + 1)]
    phases = phases_for_weeks(targets, race_week)
    run_days = spec.template.run_days
    share = settings.long_run_share[max(2, min(7, len(run_days))) - 2]
    cap = long_run_cap_m(race_distance_m, settings)
    sessions: list[PlannedSession] = []
    for index, (phase, volume) in enumerate(zip(phases, targets, strict=True)):
        has_long = "long" in spec.template.days
        long_m = min(cap, share * volume) if has_long else 0.0
        others = max(1, len(run_days) - (1 if has_long else 0))
        other_m = max(0.0, (volume - long_m) / others)
        for offset, template_kind in enumerate(spec.template.days):
            kind: SessionKind = template_kind
            day = first_monday + timedelta(days=7 * index + offset)
            if day < spec.start_date or day > spec.race_date or day == spec.race_date - timedelta(days=1):
                continue
            if day == spec.race_date:
                kind, distance = "race", race_distance_m
            elif kind in RUN_KINDS:
                distance = round(long_m if kind == "long" else other_m, -1)
            else:
                continue
            notes = session_notes(kind, distance, spec.race_name, units)
            sessions.append(
                PlannedSession(session_id(plan_id, day), day, kind, distance, None, notes, index, phase)
            )
    return sessions

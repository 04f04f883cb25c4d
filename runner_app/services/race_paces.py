"""Paces follow fitness (plan-rules.md): a logged race sets the runner's VDOT, and every planned session
after the race day takes the new paces, with a note on the plan.

It happens on the write, in the same transaction: the services that store runs call `race_written` when a
run that is (or was) a race is logged, edited or deleted, so reading the plan, Today or the calendar never
writes. The race that counts is the runner's latest one since the plan began; with none left (the race was
deleted, or is no longer a race), the sessions after it go back to the runner's fitness from the rest of
their log, as a newly made plan would have it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from runner_app.extensions import db
from runner_app.models import Plan, Run
from runner_app.models.types import utcnow
from runner_app.planning.plans.paces import (
    PACE_NAMES,
    PaceName,
    Paces,
    RaceResult,
    estimate_fitness,
    race_label,
    race_time_s,
)
from runner_app.services import plans
from runner_app.services.plan_generate import fitness_of, history
from runner_app.services.profile import engine_profile

CHANGED = 0.05  # a VDOT closer than this to the plan's is the same fitness: nothing to rewrite


def plan_began(plan: Plan) -> date:
    """The week before the plan's first Monday: the plan was made then; a race since is new to it."""
    return plan.start_date - timedelta(days=7)


def _latest_race(user_id: int, since: date) -> Any:
    # Columns, not Run objects: a run the caller has just updated with a statement would come back from the
    # session's identity map with its old values.
    stmt = (
        select(Run.date, Run.distance_m, Run.duration_s)
        .where(
            Run.user_id == user_id,
            Run.deleted.is_(False),
            Run.kind == "race",
            Run.date >= since,
            Run.duration_s > 0,
        )
        .order_by(Run.date.desc(), Run.updated_at.desc())
        .limit(1)
    )
    return db.session.execute(stmt).first()


def race_written(user_id: int, race_date: date) -> bool:
    """After a run that is or was a race changed (`race_date`: its day, the earlier one when it moved), and
    before the commit: set the plan's paces from the runner's latest race, from the day after it. Answers
    whether the plan changed. Without a plan with paces: one query and nothing written."""
    plan = plans.plan_of(user_id)
    if plan is None or plan.vdot is None:
        return False
    db.session.flush()  # a deletion made on the run object is not in the database yet
    race = _latest_race(user_id, plan_began(plan))
    if race is not None:
        paces = estimate_fitness(race.date, [RaceResult(race.distance_m, race.duration_s, race.date)]).paces
        if paces is None:
            return False
        note = (
            f"Paces updated from your {race_label(race.distance_m)} race on {race.date.isoformat()}: "
            f"VDOT {paces.vdot:.1f} (was {plan.vdot:.1f}), for every session from the next day."
        )
        return _set_paces(plan, paces, note, after=race.date)
    if race_date < plan_began(plan):
        return False  # an old race logged late: the plan was made from the runner's fitness since
    today = utcnow().date()
    fitness = fitness_of(history(user_id, today + timedelta(days=1)), engine_profile(user_id), None, today)
    if fitness.paces is None:
        return False  # nothing else gives a pace: the sessions keep the ones they have
    return _set_paces(plan, fitness.paces, fitness.note, after=race_date)


def _set_paces(plan: Plan, paces: Paces, note: str, after: date) -> bool:
    """Every session after `after` that has a pace and was not edited by the runner takes `paces` (its
    estimated time scaled with it); the plan keeps the paces, VDOT, predicted time and the note."""
    if abs(paces.vdot - (plan.vdot or 0.0)) < CHANGED:
        return False
    for row in plans.session_rows(
        plan.user_id, after + timedelta(days=1), plan.race_date + timedelta(days=28)
    ):
        if row.pace_min_s_per_km is None or row.edited:
            continue
        new = paces.of(_pace_name(plan.paces or {}, row))
        if row.duration_s:
            was = (row.pace_min_s_per_km + (row.pace_max_s_per_km or row.pace_min_s_per_km)) / 2
            row.duration_s = round(row.duration_s * new.middle / was)
        row.pace_min_s_per_km, row.pace_max_s_per_km = new.min_s_per_km, new.max_s_per_km
    plan.paces, plan.vdot = paces.as_dict(), round(paces.vdot, 1)
    plan.predicted_race_s = round(race_time_s(paces.vdot, plan.race_distance_m))
    plan.fitness_note = note
    plan.updated_at = utcnow()
    return True


def _pace_name(old: dict[str, Any], row: Any) -> PaceName:
    """Which of the plan's paces the session's target is: the one whose range it holds (they were set
    together). A session with a marathon-pace finish or strides is still an easy run by its target."""

    def distance(name: PaceName) -> float:
        pace = old.get(name)
        if not pace:
            return float("inf")
        low, high = row.pace_min_s_per_km, row.pace_max_s_per_km or row.pace_min_s_per_km
        return float(abs(pace["min_s_per_km"] - low) + abs(pace["max_s_per_km"] - high))

    return min(PACE_NAMES, key=distance)

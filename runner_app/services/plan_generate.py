"""Generate a plan (api.md "Plans as a runner follows them"): the runner's fitness and volume from what they
give, else their logged history, else their profile; the plan, its paces and its warnings stored and answered.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import AliasChoices, Field, Strict
from sqlalchemy import select

from runner_app.coach.model import RunnerProfile
from runner_app.extensions import db
from runner_app.models import Plan, Run
from runner_app.planning.model import PlannedSession
from runner_app.planning.plans.generate import generate_plan
from runner_app.planning.plans.inputs import PlanInputError
from runner_app.planning.plans.paces import (
    Fitness,
    RaceResult,
    TimedRun,
    estimate_fitness,
    race_time_s,
)
from runner_app.planning.plans.sessions import Work, describe
from runner_app.services import plan_goal, plans
from runner_app.services.profile import RecentRaceIn, engine_profile
from runner_app.services.schemas import DurationS, Invalid, PlanDay, Schema, ShortText, validate

Weekday = Annotated[int, Strict(), Field(ge=0, le=6)]
MAX_PLAN_DAYS = 730
FITNESS_DAYS = 183  # races and timed runs that set the runner's paces


class GenerateIn(Schema):
    race_name: ShortText | None = None
    race_date: PlanDay
    race_distance_m: Annotated[float, Strict(), Field(gt=0, le=250_000)] = 42195.0
    weekly_m: Annotated[float, Strict(), Field(gt=0, le=400_000)] | None = None
    runs_per_week: Annotated[int, Strict(), Field(ge=3, le=7)] = Field(
        5, validation_alias=AliasChoices("runs_per_week", "days_per_week")
    )
    rest_days: Annotated[tuple[Weekday, ...], Field(max_length=4)] = ()
    long_run_day: Weekday = 6
    strength_days: Annotated[tuple[Weekday, ...], Field(max_length=3)] = ()
    recent_race: RecentRaceIn | None = None
    goal_duration_s: DurationS | None = None
    spike_override: Annotated[bool, Strict()] = False  # kept for older callers: races are never refused now


def history(user_id: int, before: date) -> list[Run]:
    stmt = select(Run).where(
        Run.user_id == user_id,
        Run.deleted.is_(False),
        Run.date >= before - timedelta(days=FITNESS_DAYS),
        Run.date < before,
    )
    return list(db.session.scalars(stmt))


def _weekly_m(data: Any, runs: list[Run], profile: RunnerProfile | None, today: date) -> float:
    if data.weekly_m is not None:
        return float(data.weekly_m)
    recent = [r.distance_m for r in runs if r.date >= today - timedelta(days=28)]
    if recent:
        return sum(recent) / 4
    if profile is not None and profile.weekly_distance_m > 0:
        return profile.weekly_distance_m
    raise Invalid({"weekly_m": ["give your weekly distance: there is no logged history or profile yet"]})


def fitness_of(runs: list[Run], profile: RunnerProfile | None, given: Any, today: date) -> Fitness:
    """The runner's fitness today: a race they give, their logged races, their profile's race, else timed
    runs."""
    races = [
        RaceResult(r.distance_m, r.duration_s, r.date) for r in runs if r.kind == "race" and r.duration_s
    ]
    if given is not None:
        races.append(RaceResult(given.distance_m, given.duration_s, given.date))
    if profile is not None and profile.recent_race is not None:
        race = profile.recent_race
        races.append(RaceResult(race.distance_m, race.duration_s, race.date))
    timed = [TimedRun(r.date, r.distance_m, r.duration_s) for r in runs]
    return estimate_fitness(today, races, timed)


def goal_warnings(goal_s: int | None, predicted_s: Any) -> list[dict[str, str]]:
    note = plan_goal.goal_note(goal_s, predicted_s)
    return [{"rule": "goal", "reason": note, "source": plan_goal.SOURCE}] if note else []


def generate(user_id: int, payload: Any, today: date, units: str = "km") -> tuple[Plan, dict[str, Any]]:
    """A plan from the runner's fitness to the race; answers the plan and what the answer adds to it
    (warnings, alternatives, the fitness note). Notes, warnings and refusals speak the runner's `units`."""
    data: Any = validate(GenerateIn, payload)
    race = data.race_date
    if not today < race <= today + timedelta(days=MAX_PLAN_DAYS):
        raise Invalid({"race_date": ["must be after today and within two years"]})
    runs = history(user_id, today)
    profile = engine_profile(user_id)
    weekly = _weekly_m(data, runs, profile, today)
    fitness = fitness_of(runs, profile, data.recent_race, today)
    try:
        generated = generate_plan(
            weekly,
            data.runs_per_week,
            data.long_run_day,
            race,
            today,
            [(r.date, r.distance_m) for r in runs],
            data.race_distance_m,
            race_name=data.race_name or None,
            units=units,
            paces=fitness.paces,
            current_long_m=profile.longest_run_m if profile is not None else None,
            rest_days=data.rest_days,
        )
    except PlanInputError as exc:
        field = exc.field
        if field == "race_date" and "runs a week" in str(exc).lower():
            field = "runs_per_week"
        raise Invalid({field: [exc.words.render(units)]}) from None
    spec = generated.spec
    fields = {
        "race_name": spec.race_name,
        "race_date": spec.race_date,
        "race_distance_m": data.race_distance_m,
        "start_date": spec.start_date,
        "template": list(spec.template.days),
        "weekly_targets_m": list(spec.weekly_targets_m),
        "long_run_day": spec.long_run_day,
        "strength_days": list(data.strength_days),
        "source": "generated",
        "paces": generated.paces.as_dict() if generated.paces else None,
        "vdot": round(generated.paces.vdot, 1) if generated.paces else None,
        "predicted_race_s": round(generated.predicted_race_s) if generated.predicted_race_s else None,
        "fitness_note": fitness.note,
        "goal_duration_s": data.goal_duration_s,
    }
    plan = plans.replace_plan(user_id, fields, list(generated.sessions), uuid.uuid4())
    extra = {
        "warnings": [
            {"rule": w.rule, "reason": w.words.render(units), "source": w.source} for w in generated.warnings
        ]
        + goal_warnings(data.goal_duration_s, fields["predicted_race_s"]),
        "alternatives": [
            {"label": a.label, "race_distance_m": a.race_distance_m, "race_date": a.race_date.isoformat()}
            for a in generated.alternatives
        ],
        "fitness_note": fitness.note,
    }
    return plan, extra


_WORK_OF_KIND: dict[str, Work] = {
    "easy": "easy",
    "recovery": "easy",
    "long": "long",
    "tempo": "threshold",
    "intervals": "intervals",
    "hills": "hills",
    "race": "race",
}


def with_paces(
    user_id: int, sessions: list[PlannedSession], race_name: str, race_distance_m: float, on: date
) -> tuple[list[PlannedSession], dict[str, Any]]:
    """A plan the runner built or imported, told in their paces too: each run gets a title, a structure, an
    estimated duration and a target pace from their fitness on `on` (their race, profile or timed runs), and
    the plan its paces, VDOT and predicted time. With no fitness known, sessions go by effort (said so)."""
    fitness = fitness_of(history(user_id, on), engine_profile(user_id), None, on)
    paces = fitness.paces
    last_week = max((s.week_index for s in sessions), default=0) or 1
    told: list[PlannedSession] = []
    for session in sessions:
        work = _WORK_OF_KIND.get(session.kind)
        if work is None or session.distance_m <= 0:
            told.append(session)
            continue
        progress = session.week_index / last_week
        detail = describe(work, session.distance_m, paces, progress, race_name or "Race")
        told.append(
            replace(
                session,
                title=detail.title,
                structure=detail.structure,
                target_pace=detail.target_pace,
                duration_s=session.duration_s or (detail.duration_s if paces is not None else None),
            )
        )
    fields = {
        "paces": paces.as_dict() if paces else None,
        "vdot": round(paces.vdot, 1) if paces else None,
        "predicted_race_s": round(race_time_s(paces.vdot, race_distance_m)) if paces else None,
        "fitness_note": fitness.note,
    }
    return told, fields

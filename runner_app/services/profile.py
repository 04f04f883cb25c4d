"""The runner profile: where the runner says they are (api.md "Runner profile"), read and replaced whole.

The coach and the plan generator read it through `engine_profile`, as history until 4 weeks of runs are
logged (coach-rules.md). Replacing it moves the coach's answers from its date on, so the cache is dropped
from the earlier of the old and the new date.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, Strict, model_validator

from runner_app.coach.model import RecentRace, RunnerProfile
from runner_app.extensions import db
from runner_app.models import RunnerProfile as ProfileRow
from runner_app.models import User
from runner_app.planning.plans.records import faster_than_world_record
from runner_app.services import coach_cache
from runner_app.services.schemas import Day, DurationS, Int, Invalid, Schema, validate


class RecentRaceIn(Schema):
    distance_m: Annotated[float, Strict(), Field(ge=800, le=100_000, allow_inf_nan=False)]
    duration_s: DurationS
    date: Day

    @model_validator(mode="after")
    def _humanly_possible(self) -> RecentRaceIn:
        if faster_than_world_record(self.distance_m, self.duration_s):
            raise ValueError("is faster than the world record for that distance: check the time")
        return self


class ProfileIn(Schema):
    runs_per_week: Annotated[int, Strict(), Field(ge=0, le=14)]
    weekly_distance_m: Annotated[float, Strict(), Field(ge=0, le=400_000, allow_inf_nan=False)]
    longest_run_m: Annotated[float, Strict(), Field(ge=0, le=200_000, allow_inf_nan=False)] | None = None
    last_run_date: Day | None = None
    usual_morning_pain: Annotated[Int, Field(ge=0, le=10)] | None = None
    recent_race: RecentRaceIn | None = None
    units: Literal["km", "mi"] | None = None


def profile_row(user_id: int) -> ProfileRow | None:
    row: ProfileRow | None = db.session.get(ProfileRow, user_id)
    return row


def engine_profile(user_id: int) -> RunnerProfile | None:
    """The profile as the coach and the planner read it, or None when the runner has not given one."""
    row = profile_row(user_id)
    return to_engine(row) if row is not None else None


def to_engine(row: ProfileRow) -> RunnerProfile:
    race = None
    if row.race_distance_m and row.race_duration_s and row.race_date:
        race = RecentRace(distance_m=row.race_distance_m, duration_s=row.race_duration_s, date=row.race_date)
    return RunnerProfile(
        as_of=row.as_of,
        runs_per_week=row.runs_per_week,
        weekly_distance_m=row.weekly_distance_m,
        longest_run_m=row.longest_run_m,
        last_run_date=row.last_run_date,
        usual_morning_pain=row.usual_morning_pain,
        recent_race=race,
    )


def profile_dict(row: ProfileRow, units: str) -> dict[str, Any]:
    race = None
    if row.race_distance_m and row.race_duration_s and row.race_date:
        race = {
            "distance_m": row.race_distance_m,
            "duration_s": row.race_duration_s,
            "date": row.race_date.isoformat(),
        }
    return {
        "runs_per_week": row.runs_per_week,
        "weekly_distance_m": row.weekly_distance_m,
        "longest_run_m": row.longest_run_m,
        "last_run_date": row.last_run_date.isoformat() if row.last_run_date else None,
        "usual_morning_pain": row.usual_morning_pain,
        "recent_race": race,
        "units": units,
        "as_of": row.as_of.isoformat(),
        "updated_at": row.updated_at.isoformat(),
    }


def put_profile(user: User, payload: Any, today: date) -> tuple[ProfileRow, bool]:
    """Replace the runner's profile (created: True the first time); `Invalid` names every bad field."""
    data: ProfileIn = validate(ProfileIn, payload)  # type: ignore[assignment]
    errors: dict[str, list[str]] = {}
    if data.last_run_date is not None and data.last_run_date > today:
        errors["last_run_date"] = ["cannot be in the future"]
    if data.recent_race is not None and data.recent_race.date > today:
        errors["recent_race"] = ["cannot be dated in the future"]
    if data.longest_run_m is not None and data.longest_run_m > max(data.weekly_distance_m, 1_000) * 4.5:
        errors["longest_run_m"] = ["is more than a whole month at that weekly distance: check both"]
    if errors:
        raise Invalid(errors)
    row = profile_row(user.id)
    created = row is None
    earlier = today if row is None else min(row.as_of, today)
    if row is None:
        row = ProfileRow(user_id=user.id)
        db.session.add(row)
    race = data.recent_race
    row.runs_per_week = data.runs_per_week
    row.weekly_distance_m = data.weekly_distance_m
    row.longest_run_m = data.longest_run_m
    row.last_run_date = data.last_run_date
    row.usual_morning_pain = data.usual_morning_pain
    row.race_distance_m = race.distance_m if race else None
    row.race_duration_s = race.duration_s if race else None
    row.race_date = race.date if race else None
    row.as_of = today
    if data.units is not None and data.units != user.units:
        db.session.add(user)  # a token's owner comes detached (users.user_for_token)
        user.units = data.units
        coach_cache.forget_today(user.id)  # Today's stored answers are worded in the runner's units
    coach_cache.stamp_write(user.id)
    coach_cache.invalidate_from(user.id, [earlier])
    db.session.commit()
    return row, created

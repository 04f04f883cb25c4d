"""A runner's plan: built from a template, generated from current volume, or imported from CSV; edited per
session. Stored as rows, read as the planning package's dataclasses."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from pydantic import Field, Strict, model_validator
from sqlalchemy import delete, func, select

from runner_app.extensions import db
from runner_app.models import Plan, PlannedSessionRow
from runner_app.models.types import utcnow
from runner_app.planning.model import (
    PlannedSession,
    PlanSpec,
    SessionKind,
    TemplateKind,
    WeeklyTemplate,
    title_words,
)
from runner_app.planning.plans.build import build_sessions
from runner_app.planning.plans.csv_import import parse_plan_csv
from runner_app.planning.plans.paces import PaceRange
from runner_app.services import coach_cache
from runner_app.services.errors import NotFound
from runner_app.services.plan_goal import goal_note
from runner_app.services.schemas import Invalid, PlanDay, Schema, validate

Weekday = Annotated[int, Strict(), Field(ge=0, le=6)]
Metres = Annotated[float, Strict(), Field(ge=0, le=400_000)]
RaceMetres = Annotated[float, Strict(), Field(gt=0, le=250_000)]
HISTORY_DAYS = 60  # the runs that set the spike references of a generated plan
MAX_PLAN_DAYS = 730


class PlanIn(Schema):
    """A plan as the runner builds it."""

    race_name: Annotated[str, Strict(), Field(max_length=120)] = ""
    race_date: PlanDay
    race_distance_m: RaceMetres = 42195.0
    start_date: PlanDay
    template: Annotated[list[TemplateKind], Field(min_length=7, max_length=7)]
    weekly_targets_m: Annotated[list[Metres], Field(min_length=1, max_length=104)]
    long_run_day: Weekday = 6
    strength_days: Annotated[tuple[Weekday, ...], Field(max_length=3)] = ()

    @model_validator(mode="after")
    def _race_after_start(self) -> PlanIn:
        if self.race_date < self.start_date:
            raise ValueError("the race date must be on or after the start date")
        if (self.race_date - self.start_date).days > MAX_PLAN_DAYS:
            raise ValueError("a plan spans at most two years")
        return self


class SessionIn(Schema):
    date: PlanDay
    kind: SessionKind
    distance_m: Metres = 0.0
    duration_s: Annotated[int, Strict(), Field(gt=0, le=172_800)] | None = None
    notes: Annotated[str, Strict(), Field(max_length=2000)] = ""
    spike_override: Annotated[bool, Strict()] = False


def plan_of(user_id: int) -> Plan | None:
    plan: Plan | None = db.session.scalar(select(Plan).where(Plan.user_id == user_id))
    return plan


def to_session(row: Any) -> PlannedSession:
    return PlannedSession(
        id=str(row.id),
        date=row.date,
        kind=row.kind,
        distance_m=row.distance_m,
        duration_s=row.duration_s,
        notes=row.notes,
        week_index=row.week_index,
        phase=row.phase,
        spike_override=row.spike_override,
        title=row.title or "",
        structure=tuple(row.structure or ()),
        target_pace=pace_of(row),
    )


def pace_of(row: Any) -> PaceRange | None:
    if row.pace_min_s_per_km is None or row.pace_max_s_per_km is None:
        return None
    return PaceRange(round(row.pace_min_s_per_km), round(row.pace_max_s_per_km))  # as the API sends it


def session_rows(user_id: int, start: date, end: date) -> list[PlannedSessionRow]:
    stmt = (
        select(PlannedSessionRow)
        .where(
            PlannedSessionRow.user_id == user_id,
            PlannedSessionRow.date >= start,
            PlannedSessionRow.date <= end,
        )
        .order_by(PlannedSessionRow.date)
    )
    return list(db.session.scalars(stmt))


def sessions_between(user_id: int, start: date, end: date) -> list[PlannedSession]:
    plan = plan_of(user_id)
    easy = (plan.paces or {}).get("easy") if plan is not None else None
    easy_pace = PaceRange(easy["min_s_per_km"], easy["max_s_per_km"]) if easy else None
    return [replace(to_session(row), easy_pace=easy_pace) for row in session_rows(user_id, start, end)]


def replace_plan(
    user_id: int, fields: dict[str, Any], sessions: list[PlannedSession], plan_id: uuid.UUID
) -> Plan:
    """Swap the runner's plan for a new one in one transaction."""
    db.session.execute(delete(PlannedSessionRow).where(PlannedSessionRow.user_id == user_id))
    db.session.execute(delete(Plan).where(Plan.user_id == user_id))
    plan = Plan(id=plan_id, user_id=user_id, updated_at=utcnow(), **fields)
    db.session.add(plan)
    db.session.flush()
    db.session.add_all(
        PlannedSessionRow(
            user_id=user_id,
            id=uuid.UUID(s.id),
            plan_id=plan_id,
            date=s.date,
            kind=s.kind,
            distance_m=s.distance_m,
            duration_s=s.duration_s,
            notes=s.notes,
            week_index=s.week_index,
            phase=s.phase,
            title=s.title,
            structure=list(s.structure) or None,
            pace_min_s_per_km=s.target_pace.min_s_per_km if s.target_pace else None,
            pace_max_s_per_km=s.target_pace.max_s_per_km if s.target_pace else None,
        )
        for s in sessions
    )
    coach_cache.forget_today(user_id)
    db.session.commit()
    return plan


def build_plan(user_id: int, payload: Any, units: str = "km") -> Plan:
    """The runner's own plan: template and weekly targets, expanded into dated sessions (notes in `units`)."""
    fields = validate(PlanIn, payload).model_dump()
    fields["strength_days"] = list(fields["strength_days"])
    plan_id = uuid.uuid4()
    spec = PlanSpec(
        fields["race_name"],
        fields["race_date"],
        fields["start_date"],
        WeeklyTemplate(tuple(fields["template"])),
        tuple(fields["weekly_targets_m"]),
        fields["long_run_day"],
    )
    sessions = build_sessions(spec, str(plan_id), fields["race_distance_m"], units=units)
    fields["source"] = "built"
    return _told_in_paces(user_id, fields, sessions, plan_id)


def _told_in_paces(
    user_id: int, fields: dict[str, Any], sessions: list[PlannedSession], plan_id: uuid.UUID
) -> Plan:
    """Store a built or imported plan with each run's title, structure and pace from the runner's fitness
    as of the plan's start (or today, if it starts later)."""
    from runner_app.services.plan_generate import with_paces  # it builds on this module

    on = min(datetime.now(UTC).date(), fields["start_date"])
    told, paced = with_paces(user_id, sessions, fields["race_name"], fields["race_distance_m"], on)
    return replace_plan(user_id, {**fields, **paced}, told, plan_id)


def generate(user_id: int, payload: Any, today: date, units: str = "km") -> tuple[Plan, list[dict[str, str]]]:
    """A generated plan and its warnings (services/plan_generate.py, which also answers alternatives)."""
    from runner_app.services.plan_generate import generate as generate_with_extras

    plan, extra = generate_with_extras(user_id, payload, today, units)
    return plan, extra["warnings"]


def import_csv(user_id: int, data: bytes | str, race_name: str = "") -> Plan:
    """A plan from a CSV of `date,kind,distance_km,notes`; every bad line reported, nothing half-imported."""
    plan_id = uuid.uuid4()
    result = parse_plan_csv(data, str(plan_id))
    if result.errors:
        errors: dict[str, list[str]] = {}
        for err in result.errors:
            errors.setdefault(f"line {err.line}", []).append(f"{err.field}: {err.message}")
        raise Invalid(errors)
    sessions = list(result.sessions)
    if not sessions:
        raise Invalid({"csv": ["has no sessions"]})
    races = [s.date for s in sessions if s.kind == "race"]
    race_day = races[-1] if races else sessions[-1].date
    weeks: dict[int, float] = {}
    for s in sessions:
        weeks[s.week_index] = weeks.get(s.week_index, 0.0) + (s.distance_m if s.kind != "race" else 0.0)
    fields = {
        "race_name": race_name[:120],
        "race_date": race_day,
        "race_distance_m": next((s.distance_m for s in sessions if s.kind == "race"), 42195.0),
        "start_date": sessions[0].date,
        "template": ["rest"] * 7,
        "weekly_targets_m": [weeks[i] for i in sorted(weeks)],
        "long_run_day": 6,
        "source": "imported",
    }
    return _told_in_paces(user_id, fields, sessions, plan_id)


def edit_session(user_id: int, raw_id: str, payload: Any) -> PlannedSessionRow:
    """Change or move one planned session."""
    try:
        session_id = uuid.UUID(str(raw_id))
    except ValueError:
        raise NotFound(str(raw_id)) from None
    row: PlannedSessionRow | None = db.session.get(PlannedSessionRow, (user_id, session_id))
    if row is None:
        raise NotFound(str(raw_id))
    data: Any = validate(SessionIn, payload)
    row.date, row.kind, row.distance_m = data.date, data.kind, data.distance_m
    row.duration_s, row.notes, row.edited = data.duration_s, data.notes, True
    row.spike_override = data.spike_override
    coach_cache.forget_today(user_id)
    db.session.commit()
    return row


def override_spike(user_id: int, raw_id: str, override: bool) -> PlannedSessionRow:
    """Run the session as planned although S2 refuses it (or take the coach's distance again)."""
    row = owned_session(user_id, raw_id)
    row.spike_override = override
    coach_cache.forget_today(user_id)
    db.session.commit()
    return row


def edited_sessions(user_id: int) -> int:
    """How many of the runner's planned sessions they edited by hand (a new plan replaces them)."""
    stmt = select(func.count()).where(PlannedSessionRow.user_id == user_id, PlannedSessionRow.edited)
    return int(db.session.scalar(stmt) or 0)


def owned_session(user_id: int, raw_id: str) -> PlannedSessionRow:
    try:
        row: PlannedSessionRow | None = db.session.get(PlannedSessionRow, (user_id, uuid.UUID(str(raw_id))))
    except ValueError:
        row = None
    if row is None:
        raise NotFound(str(raw_id))
    return row


def plan_dict(plan: Plan) -> dict[str, Any]:
    return {
        "race_name": plan.race_name,
        "race_date": plan.race_date.isoformat(),
        "race_distance_m": plan.race_distance_m,
        "start_date": plan.start_date.isoformat(),
        "template": plan.template,
        "weekly_targets_m": plan.weekly_targets_m,
        "long_run_day": plan.long_run_day,
        "strength_days": plan.strength_days,
        "source": plan.source,
        "updated_at": plan.updated_at.isoformat(),
        "paces": plan.paces,
        "vdot": plan.vdot,
        "predicted_race_s": plan.predicted_race_s,
        "fitness_note": plan.fitness_note or "",
        "goal_duration_s": plan.goal_duration_s,
        "goal_note": goal_note(plan.goal_duration_s, plan.predicted_race_s),
    }


def session_dict(row: Any, units: str | None = "km") -> dict[str, Any]:
    return {
        "id": str(row.id),
        "date": row.date.isoformat(),
        "kind": row.kind,
        "distance_m": row.distance_m,
        "duration_s": row.duration_s,
        "notes": row.notes,
        "week_index": row.week_index,
        "phase": row.phase,
        "edited": row.edited,
        "spike_override": row.spike_override,
        "title": title_words(row.title or "", row.distance_m, row.structure or []).render(units),
        "structure": row.structure or [],
        "target_pace": pace.as_dict() if (pace := pace_of(row)) is not None else None,
    }


def describe(plan: Plan) -> list[str]:
    """The plan week by week, one line a week: phase, total and each session (for the CLI and the notes)."""
    rows = session_rows(plan.user_id, plan.start_date - timedelta(days=6), plan.race_date)
    weeks: dict[int, list[PlannedSessionRow]] = {}
    for row in rows:
        weeks.setdefault(row.week_index, []).append(row)
    lines = [f"{plan.race_name or 'Race'} on {plan.race_date:%a %d %b %Y}, from {plan.start_date:%d %b}:"]
    for index in sorted(weeks):
        week = weeks[index]
        total = sum(r.distance_m for r in week if r.kind != "race") / 1000
        days = " ".join(
            f"{r.date:%a}:{r.kind}{'' if r.kind == 'rest' else f' {r.distance_m / 1000:.1f}'}" for r in week
        )
        lines.append(f"wk {index + 1:2d} {week[0].phase:<7} {total:5.1f} km | {days}")
    return lines

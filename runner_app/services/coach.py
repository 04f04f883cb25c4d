"""Load a runner's entries, run the coach engine, keep its days in the cache, and answer for a date.

A request advances the engine only from the last cached checkpoint, so its cost does not grow with the
length of the history; a back-dated write (an offline phone syncing late) drops the cache from its date on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection
from datetime import date, timedelta
from typing import Any, Literal, cast, get_args

from sqlalchemy import func, select

from runner_app.coach import engine
from runner_app.coach.model import (
    Assessment,
    Clearance,
    CrossTrainingEntry,
    DayLog,
    PainContext,
    PainEntry,
    RunEntry,
    RunKind,
    RunnerProfile,
    StrengthEntry,
    StrengthSet,
    Terrain,
)
from runner_app.coach.state import from_json, to_json
from runner_app.extensions import db
from runner_app.models import Clearance as ClearanceRow
from runner_app.models import CrossTraining, Run, StrengthSession
from runner_app.models import PainEntry as PainRow
from runner_app.services import coach_cache
from runner_app.services.profile import engine_profile

CHECKPOINT_EVERY_DAYS = 7  # the engine's state is kept on every 7th day (and the last day computed)
_ONE = timedelta(days=1)


ClearedBy = Literal["gp", "physio", "other"]


def _known(value: str, kind: object) -> str:
    """A stored value checked against the engine's vocabulary (the write path only stores these)."""
    if value not in get_args(kind):
        raise ValueError(f"{value!r} is not one of {get_args(kind)}")
    return value


def _run(row: Run) -> RunEntry:
    return RunEntry(
        id=str(row.id),
        date=row.date,
        kind=cast(RunKind, _known(row.kind, RunKind)),
        distance_m=row.distance_m,
        duration_s=row.duration_s,
        rpe=row.rpe,
        terrain=cast(Terrain, _known(row.terrain, Terrain)),
        cadence_spm=row.cadence_spm,
    )


def _pain(row: PainRow) -> PainEntry:
    return PainEntry(
        id=str(row.id),
        date=row.date,
        context=cast(PainContext, _known(row.context, PainContext)),
        location=row.location,
        side=row.side,
        score=row.score,
        settled_within_60min=row.settled_within_60min,
        flags=frozenset(row.flags or ()),
        run_id=str(row.run_id) if row.run_id else None,
    )


def _strength(row: StrengthSession) -> StrengthEntry:
    sets = tuple(
        StrengthSet(
            exercise=s["exercise"],
            reps=s.get("reps"),
            seconds=s.get("seconds"),
            steps=s.get("steps"),
            load_kg=s.get("load_kg"),
            side=s.get("side", "both"),
        )
        for s in row.sets or ()
    )
    return StrengthEntry(
        id=str(row.id),
        date=row.date,
        duration_s=row.duration_s,
        rpe=row.rpe,
        pain_max=row.pain_max,
        sets=sets,
    )


def _cross(row: CrossTraining) -> CrossTrainingEntry:
    return CrossTrainingEntry(
        id=str(row.id),
        date=row.date,
        kind=row.kind,
        duration_s=row.duration_s,
        rpe=row.rpe,
        pain_max=row.pain_max,
    )


def _clearance(row: ClearanceRow) -> Clearance:
    return Clearance(id=str(row.id), date=row.date, by=cast(ClearedBy, _known(row.by, ClearedBy)))


_SOURCES: tuple[tuple[Any, Callable[[Any], Any], str], ...] = (
    (Run, _run, "runs"),
    (PainRow, _pain, "pains"),
    (StrengthSession, _strength, "strength"),
    (CrossTraining, _cross, "cross_training"),
    (ClearanceRow, _clearance, "clearances"),
)


def day_logs(
    user_id: int,
    start: date,
    end: date,
    kinds: Collection[str] | None = None,
    pain_contexts: Collection[str] | None = None,
) -> dict[date, DayLog]:
    """Everything the runner logged from `start` to `end` (deleted entries excluded), filed by day;
    `kinds` limits it to some DayLog fields (runs, pains, strength, cross_training, clearances) and
    `pain_contexts` to some pain contexts."""
    found: dict[date, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for model, convert, field_name in _SOURCES:
        if kinds is not None and field_name not in kinds:
            continue
        stmt = select(model).where(
            model.user_id == user_id, model.deleted.is_(False), model.date >= start, model.date <= end
        )
        if model is PainRow and pain_contexts is not None:
            stmt = stmt.where(PainRow.context.in_(pain_contexts))
        for row in db.session.scalars(stmt):
            found[row.date][field_name].append(convert(row))
    return {day: DayLog(date=day, **{k: tuple(v) for k, v in parts.items()}) for day, parts in found.items()}


def first_logged_day(user_id: int) -> date | None:
    firsts = [
        db.session.scalar(
            select(func.min(model.date)).where(model.user_id == user_id, model.deleted.is_(False))
        )
        for model, _, _ in _SOURCES
    ]
    known = [d for d in firsts if d is not None]
    return min(known) if known else None


def _empty(day: date, profile: RunnerProfile | None) -> Assessment:
    return engine.advance(engine.initial_state(), DayLog(date=day), profile=profile)[1]


def assessment_on(user_id: int, day: date) -> Assessment:
    """What the coach says for `day`, from everything the runner logged up to and including it."""
    cached = coach_cache.cached_day(user_id, day)
    if cached is not None:
        result: Assessment = from_json(Assessment, cached.assessment)
        return result
    return _compute(user_id, day)[-1][2]


def _compute(user_id: int, end: date) -> list[tuple[date, engine.EngineState, Assessment]]:
    epoch = coach_cache.current_epoch(user_id)
    profile = engine_profile(user_id)
    checkpoint = coach_cache.latest_checkpoint_before(user_id, end)
    if checkpoint is not None and checkpoint.state is not None:
        state = engine.state_from_json(checkpoint.state)
        start = checkpoint.day + _ONE
    else:
        logged = first_logged_day(user_id)
        first = engine.first_day([] if logged is None else [logged], profile, end)
        if first > end:
            # Nothing logged up to `end`: keep the empty day too, so that its `today` answer is cached.
            empty = _empty(end, profile)
            coach_cache.store(user_id, epoch, [(end, None, to_json(empty))])
            return [(end, engine.initial_state(), empty)]
        state, start = engine.initial_state(), first
    logs = day_logs(user_id, start, end)
    computed: list[tuple[date, engine.EngineState, Assessment]] = []
    day = start
    while day <= end:
        state, assessment = engine.advance(state, logs.get(day, DayLog(date=day)), profile=profile)
        computed.append((day, state, assessment))
        day += _ONE
    coach_cache.store(
        user_id,
        epoch,
        [
            (
                d,
                engine.state_to_json(s) if (d.toordinal() % CHECKPOINT_EVERY_DAYS == 0 or d == end) else None,
                to_json(a),
            )
            for d, s, a in computed
        ],
    )
    return computed


def timeline(user_id: int, start: date, end: date) -> list[Assessment]:
    """One assessment per day from `start` to `end`, each exactly what `assessment_on` answers for it."""
    if start > end:
        return []
    cached = {row.day: row for row in coach_cache.days_between(user_id, start, end)}
    if end not in cached:
        fresh = {d: a for d, _, a in _compute(user_id, end)}
        cached = {row.day: row for row in coach_cache.days_between(user_id, start, end)}
    else:
        fresh = {}
    out: list[Assessment] = []
    day = start
    while day <= end:
        if day in fresh:
            out.append(fresh[day])
        elif day in cached:
            out.append(from_json(Assessment, cached[day].assessment))
        else:
            out.append(assessment_on(user_id, day))
        day += _ONE
    return out

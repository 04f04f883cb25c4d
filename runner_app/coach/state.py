"""The engine's memory between two days: bounded, frozen, and JSON round-trippable.

`EngineState` holds at most `history_days` (61) daily summaries plus a fixed set of scalar fields, so that
continuing from a cached state costs the same after five years of logging as after one week.
"""

from __future__ import annotations

import types
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from runner_app.coach.model import Params, RuleId, State

Verdict = Literal["D1", "D2", "D3"]
_T = TypeVar("_T")


def evolve(obj: _T, **changes: Any) -> _T:
    """`dataclasses.replace` for the engine's own frozen dataclasses (no __post_init__, no init=False
    fields), without its per-call field checks: the engine calls it several times a day."""
    return type(obj)(**{**obj.__dict__, **changes})


EpisodeKey = Literal["F1", "F2", "F3_red", "F3_amber", "F4", "D3", "D2"]


@dataclass(frozen=True)
class DaySummary:
    """What later days need to know about one past day."""

    date: date
    state: State
    morning: int | None  # worst morning score of the day
    morning_location: str | None
    rest_pain: int | None  # worst `rest` score (F2)
    run_pain: int | None  # worst during_run / after_run score
    max_pain: int | None  # worst score of any context
    front_knee: bool  # knee_front pain > 0 (cadence cue)
    swelling: bool  # any swelling flag (F3)
    logged_pain: bool  # at least one pain entry (F3's "days without swelling" need a check-in)
    run_distances_m: tuple[float, ...]
    cadence_min: int | None
    load: float  # RPE x minutes (display metrics)


@dataclass(frozen=True)
class Episode:
    """A state-setting condition that lasts: a red flag, a red or amber period."""

    key: EpisodeKey
    rule: RuleId
    since: date
    last: date  # latest day it was triggered
    until: date | None  # first day it no longer applies (timers); None: ends on a condition
    reason: str
    template: str = ""  # the reason as data (model.Reason), when it quotes a distance
    params: Params = ()


@dataclass(frozen=True)
class PendingSession:
    """A session waiting for the next morning's check-in to be judged (D1-D3)."""

    date: date
    kind: Literal["run", "cross"]
    pain: int | None
    settled: bool | None
    immediate: Verdict | None  # already decided by the session's own pain
    stage: int | None  # return stage at the time of the session
    counts: bool  # may count toward advancing that stage
    distance_m: float  # the day's runs together
    runs: int = 1  # how many runs the day held (they are judged as one session)


@dataclass(frozen=True)
class ActiveRung:
    rung: str
    since: date
    rule: RuleId
    reason: str
    template: str = ""  # the reason as data (model.Reason), when it quotes a distance
    params: Params = ()


@dataclass(frozen=True)
class ReturnState:
    stage: int | None = None  # 0..6 for R0..R6; None: the plan as written
    stage_since: date | None = None
    passed: int = 0  # sessions at this stage that met D1
    failures: int = 0  # failures in a row at this stage
    rest_day_on: date | None = None  # the rest day after a failed session
    red_exit: int | None = None  # lowest stage owed when the current red ends
    red_d3: bool = False  # a D3 red is part of the current red (R1, or R2 if off <= 7 days)


@dataclass(frozen=True)
class LadderState:
    rungs: tuple[ActiveRung, ...] = ()
    last_added: date | None = None
    first_since: date | None = None  # when the ladder last went from empty to one rung
    first_ref_mean: float | None = None  # 7-day mean morning pain when the first rung came (P1)
    first_baseline: float | None = None  # the morning baseline when the first rung came (W2)
    added_without_improvement: int = 0  # P2


@dataclass(frozen=True)
class FlagState:
    episodes: tuple[Episode, ...] = ()
    swap_pending: str | None = None  # F3: reason the next run is swapped for low-impact
    swap_since: date | None = None
    d2_mods: str | None = None  # D2: reason the runs stay easy/short/flat until 2 D1 runs in a row
    d2_mods_template: str = ""  # ... as data (model.Reason)
    d2_mods_params: Params = ()
    d1_streak: int = 0
    f4_attempt: bool = False  # the next run is the attempt after an F4 (sharp) red
    last_clearance: date | None = None


@dataclass(frozen=True)
class AlertState:
    p1_since: date | None = None
    p1_reason: str | None = None
    p2_since: date | None = None  # progression frozen while set
    p2_reason: str | None = None
    p2_clock_from: date | None = None  # a clearance restarts the P2 clocks
    f4_alert_since: date | None = None
    f4_alert_reason: str | None = None
    s3_week: date | None = None  # Monday of the week whose S3 warning was already given


@dataclass(frozen=True)
class CadenceState:
    since: date | None = None
    pct: float = 0.0
    level_since: date | None = None
    reason: str | None = None
    until: date | None = None  # the cue ends on this day unless triggered again


@dataclass(frozen=True)
class LoadState:
    acute: float = 0.0  # EWMA 7
    chronic: float = 0.0  # EWMA 28
    fitness: float = 0.0  # 42-day
    fatigue: float = 0.0  # 7-day


@dataclass(frozen=True)
class EngineState:
    """Everything needed to continue the fold on the next day; bounded in size."""

    last_date: date | None = None
    days: tuple[DaySummary, ...] = ()  # oldest first, at most `history_days`
    pending: tuple[PendingSession, ...] = ()
    last_run_date: date | None = None
    flags: FlagState = FlagState()
    ret: ReturnState = ReturnState()
    ladder: LadderState = LadderState()
    alerts: AlertState = AlertState()
    cadence: CadenceState = CadenceState()
    load: LoadState = LoadState()


# ---------------------------------------------------------------- JSON


def to_json(value: object) -> Any:
    """Dataclasses to dicts, dates to ISO strings, tuples to lists; scalars unchanged."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [to_json(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot serialise {type(value).__name__}")


@cache
def _hints(tp: type) -> dict[str, Any]:
    """Type hints of a dataclass, resolved once (resolving them is most of the cost of reading a state)."""
    return get_type_hints(tp)


def from_json(tp: Any, data: Any) -> Any:
    """The inverse of `to_json`, driven by the type annotations."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if data is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return from_json(inner, data)
    if origin is Literal:
        if data not in get_args(tp):
            raise ValueError(f"{data!r} is not one of {get_args(tp)}")
        return data
    if origin is tuple:
        inner, *rest = get_args(tp)
        if rest == [Ellipsis]:
            return tuple(from_json(inner, item) for item in data)
        kinds = (inner, *rest)
        if len(kinds) != len(data):
            raise TypeError(f"cannot read {data!r} as {tp}")
        return tuple(from_json(kind, item) for kind, item in zip(kinds, data, strict=True))
    if tp is date:
        return date.fromisoformat(data)
    if isinstance(tp, type) and is_dataclass(tp):
        hints = _hints(tp)
        return tp(**{f.name: from_json(hints[f.name], data[f.name]) for f in fields(tp)})
    if tp is float:
        return float(data)
    if tp is int and isinstance(data, int) and not isinstance(data, bool):
        return data
    if tp is bool and isinstance(data, bool):
        return data
    if tp is str and isinstance(data, str):
        return data
    raise TypeError(f"cannot read {data!r} as {tp}")


def between(days: Sequence[DaySummary], first: date, last: date) -> list[DaySummary]:
    """Summaries dated first..last inclusive. The engine keeps one summary per consecutive day, so this is a
    slice; a gapped sequence (never made by the engine) falls back to a scan."""
    if not days or last < first:
        return []
    newest = days[-1].date
    if (newest - days[0].date).days == len(days) - 1:
        stop = len(days) - max(0, (newest - last).days)
        start = max(0, len(days) - 1 - (newest - first).days)
        return list(days[start:stop]) if stop > start else []
    return [s for s in days if first <= s.date <= last]

"""Tiny builders for the planning tests: planned sessions, runs, rungs, decisions and assessments."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Literal

from runner_app.coach.model import (
    Assessment,
    Decision,
    Metrics,
    ReturnStage,
    RunEntry,
    Rung,
    RungId,
    RunGuidance,
    RunKind,
    State,
)
from runner_app.planning.model import Phase, PlannedSession, SessionKind

MONDAY = date(2026, 11, 16)  # the Monday of the week holding "today", Sunday 2026-11-22
TODAY = date(2026, 11, 22)
_ids = itertools.count(1)


def day(n: int) -> date:
    """Day n counted from MONDAY (6 = Sunday 2026-11-22)."""
    return MONDAY + timedelta(days=n)


def session(
    on: date,
    kind: SessionKind = "easy",
    km: float = 8.0,
    *,
    phase: Phase = "build",
    week_index: int = 3,
    notes: str = "",
    duration_s: int | None = None,
) -> PlannedSession:
    return PlannedSession(f"s{next(_ids)}", on, kind, km * 1000, duration_s, notes, week_index, phase)


def run(on: date, km: float = 8.0, kind: RunKind = "easy", duration_s: int = 2880) -> RunEntry:
    return RunEntry(f"r{next(_ids)}", on, kind, km * 1000, duration_s)


RungVariable = Literal["intensity", "frequency", "long_run", "terrain", "cadence"]
_VARIABLES: dict[RungId, RungVariable] = {
    "C1": "intensity",
    "C2": "frequency",
    "C3": "long_run",
    "C4": "terrain",
    "C5": "cadence",
}


def rung(rung_id: RungId, reason: str, since: date = MONDAY) -> Rung:
    return Rung(rung_id, _VARIABLES[rung_id], since, since + timedelta(days=7), "W1", reason)


def decision(rule: str, reason: str) -> Decision:
    return Decision(rule, reason, "literature")


def assessment(
    on: date = TODAY,
    state: State = "green",
    *,
    guidance: RunGuidance | None = None,
    rungs: tuple[Rung, ...] = (),
    return_stage: ReturnStage | None = None,
    baseline: float = 1.0,
    week_mean: float | None = 1.5,
) -> Assessment:
    return Assessment(
        date=on,
        state=state,
        return_stage=return_stage,
        rungs=rungs,
        guidance=guidance or RunGuidance(strides_allowed=state == "green"),
        metrics=Metrics(baseline_morning_pain=baseline, week_mean_morning_pain=week_mean),
    )

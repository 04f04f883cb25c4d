"""Bend one planned session by the coach's RunGuidance: what was planned beside what is now asked, and why.

Used by the day's tasks and by the plan's week view (the original struck through beside the change).
Every change carries the rule that made it and a sentence quoting the numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from runner_app.coach.model import Decision, ReturnStage, Rung, RunGuidance
from runner_app.coach.spikes import km
from runner_app.planning.exercises import GAIT_CUES, LOW_IMPACT_NAMES, LOW_IMPACT_SWAPS
from runner_app.planning.model import QUALITY_KINDS, RUN_KINDS, PlannedSession
from runner_app.planning.settings import DEFAULT_PLANNING, PlanningSettings

Terrain = Literal["any", "flat"]

_VARIABLE = {
    "intensity": "intensity",
    "frequency": "frequency of runs",
    "long_run": "long-run volume",
    "terrain": "terrain",
    "cadence": "cadence",
}
_SWAPS = ", ".join(LOW_IMPACT_NAMES[kind] for kind in LOW_IMPACT_SWAPS[:-1]) + f" or {LOW_IMPACT_SWAPS[-1]}"


class Change(NamedTuple):
    rule: str
    reason: str


@dataclass(frozen=True)
class AdjustedSession:
    """`kind` is a run kind, `cross_training` (the run swapped, same duration) or `rest` (no activity)."""

    original: PlannedSession
    kind: str
    distance_m: float | None
    duration_s: int | None
    terrain: Terrain
    cadence_cue: str | None
    content: str | None
    max_rpe: int | None
    changes: tuple[Change, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    @property
    def is_run(self) -> bool:
        return self.kind in RUN_KINDS

    def planned_dict(self) -> dict[str, object]:
        o = self.original
        return {
            "session_id": o.id,
            "kind": o.kind,
            "distance_m": o.distance_m,
            "duration_s": o.duration_s,
            "notes": o.notes,
        }

    def prescribed_dict(self) -> dict[str, object]:
        return {
            "session_id": self.original.id,
            "kind": self.kind,
            "distance_m": self.distance_m,
            "duration_s": self.duration_s,
            "terrain": self.terrain,
            "cadence_cue": self.cadence_cue,
            "content": self.content,
            "max_rpe": self.max_rpe,
        }


@dataclass(frozen=True)
class _Source:
    rule: str
    cite: str
    why: str


def _clause(sentence: str) -> str:
    text = sentence.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _from_rung(rung: Rung) -> _Source:
    return _Source(rung.rung, f"rule {rung.rule}, step {rung.rung}: {_VARIABLE[rung.variable]}", rung.reason)


def _from_decision(decision: Decision) -> _Source:
    return _Source(decision.rule, f"rule {decision.rule}", decision.reason)


def _source(
    guidance: RunGuidance, rungs: Sequence[Rung], rung_id: str | None, prefixes: tuple[str, ...]
) -> _Source:
    """Which rule asked for a change: the active rung first, then the first matching decision."""
    for rung in rungs:
        if rung.rung == rung_id:
            return _from_rung(rung)
    for decision in guidance.rules:
        if decision.rule.startswith(prefixes):
            return _from_decision(decision)
    if guidance.rules:
        return _from_decision(guidance.rules[0])
    fallback = rung_id or (prefixes[0] if prefixes else "coach")
    return _Source(fallback, f"rule {fallback}", "")


def _sentence(head: str, source: _Source) -> Change:
    why = f": {_clause(source.why)}" if source.why else ""
    return Change(source.rule, f"{head}{why} ({source.cite}).")


def _floor_m(distance_m: float, settings: PlanningSettings) -> float:
    return math.floor(distance_m / settings.round_to_m + 1e-9) * settings.round_to_m


def _duration_s(session: PlannedSession, settings: PlanningSettings) -> int:
    if session.duration_s:
        return session.duration_s
    return round(session.distance_m / 1000 * settings.easy_pace_s_per_km)


def return_session_duration_s(content: str) -> int | None:
    """The length of an R0-R3 session from its text: "6 x (run 3 min / walk 2 min)" is 30 min;
    "20-30 min" is up to 30 min."""
    reps = re.search(r"(\d+)\s*[\N{MULTIPLICATION SIGN}x]\s*\(run (\d+) min / walk (\d+) min\)", content)
    if reps:
        return int(reps[1]) * (int(reps[2]) + int(reps[3])) * 60
    span = re.search(r"(\d+)\s*(?:[-\N{EN DASH}\N{RIGHTWARDS ARROW}]|to)\s*(\d+)\s*min", content)
    return int(span[2]) * 60 if span else None


def adjust_session(
    planned: PlannedSession,
    guidance: RunGuidance,
    rungs: Sequence[Rung] = (),
    *,
    return_stage: ReturnStage | None = None,
    settings: PlanningSettings = DEFAULT_PLANNING,
) -> AdjustedSession:
    """Apply the guidance to a planned session: swap, return-to-run content, easier, shorter, flatter, cue."""
    if not planned.is_run:
        return AdjustedSession(
            planned,
            planned.kind,
            planned.distance_m,
            planned.duration_s,
            "any",
            None,
            planned.notes or None,
            None,
            (),
        )
    duration_s = _duration_s(planned, settings)
    minutes = round(duration_s / 60)
    what = f"{km(planned.distance_m)} {planned.kind} run"
    if not guidance.running_allowed or guidance.swap_to_low_impact:
        return _swapped(planned, guidance, rungs, duration_s, minutes, what, return_stage)
    if guidance.return_session:
        stage = return_stage or "R"
        source = _source(guidance, rungs, None, (stage, "R"))
        stage_source = _Source(stage, f"return-to-running stage {stage}", source.why)
        change = _sentence(f"Instead of the {what}: {guidance.return_session}", stage_source)
        rpe = f", RPE ≤ {guidance.max_rpe}" if guidance.max_rpe else ""
        minutes_s = return_session_duration_s(guidance.return_session)
        content = guidance.return_session + rpe
        return AdjustedSession(
            planned, "recovery", None, minutes_s, "flat", None, content, guidance.max_rpe, (change,)
        )
    return _bent_run(planned, guidance, rungs, settings)


def _swapped(
    planned: PlannedSession,
    guidance: RunGuidance,
    rungs: Sequence[Rung],
    duration_s: int,
    minutes: int,
    what: str,
    return_stage: ReturnStage | None,
) -> AdjustedSession:
    if any(decision.rule == "F1" for decision in guidance.rules):
        source = _source(guidance, rungs, None, ("F1",))
        change = _sentence(f"No {what} and no impact today: seek same-day care", source)
        return AdjustedSession(planned, "rest", None, None, "any", None, None, None, (change,))
    if not guidance.running_allowed:
        source = _source(guidance, rungs, None, ("F", "D3", "R0"))
        head = f"No running today: {minutes} min of low-impact cross-training instead of the {what}"
    else:
        source = _source(guidance, rungs, "C2", ("F3", "C2", "D"))
        head = f"Your {what} becomes {minutes} min of low-impact cross-training (same duration)"
    content = f"{_SWAPS}; {minutes} min, stop if the pain goes above 2/10"
    if return_stage == "R0" and guidance.return_session:
        content = f"{guidance.return_session}; or {content}"
    change = _sentence(head, source)
    return AdjustedSession(
        planned, "cross_training", None, duration_s, "any", None, content, guidance.max_rpe, (change,)
    )


def _bent_run(
    planned: PlannedSession, guidance: RunGuidance, rungs: Sequence[Rung], settings: PlanningSettings
) -> AdjustedSession:
    kind, distance = planned.kind, planned.distance_m
    terrain: Terrain = "any"
    changes: list[Change] = []
    notes: list[str] = []
    has_c1 = any(rung.rung == "C1" for rung in rungs)
    if guidance.easy_only and kind in QUALITY_KINDS:
        source = _source(guidance, rungs, "C1", ("D2", "R"))
        changes.append(_sentence(f"Your {km(distance)} {kind} session becomes an easy run", source))
        kind = "easy"
    elif guidance.easy_only and kind == "race":
        source = _source(guidance, rungs, "C1", ("D2", "R"))
        changes.append(_sentence("If you start the race, run it at an easy effort", source))
        notes.append("race at an easy effort")
    if has_c1 and kind in ("easy", "recovery", "long"):
        low, high = 10, 20
        notes.append(f"easy pace {low}-{high} % slower than usual")
        if not any(change.rule == "C1" for change in changes):
            changes.append(
                _sentence(
                    f"Run this one {low}-{high} % slower than your usual easy pace",
                    _source(guidance, rungs, "C1", ()),
                )
            )
    if kind != "race":
        distance = _shorten(planned, distance, guidance, rungs, changes, settings)
    if guidance.flat_only and kind != "race":
        source = _source(guidance, rungs, "C4", ("D2", "R"))
        head = "Flat routes only today: no hills or downhill"
        if kind == "hills":
            kind = "easy"
            head = f"Your {km(planned.distance_m)} hill session becomes an easy run on flat ground"
        terrain = "flat"
        changes.append(_sentence(head, source))
    cue = None
    if guidance.cadence_cue_pct > 0 and kind in ("easy", "recovery"):
        pct = guidance.cadence_cue_pct
        cue = f"Cadence +{pct:g} %: {GAIT_CUES[0]}"
        source = _source(guidance, rungs, "C5", ("C5", "CAD", "cadence"))
        changes.append(_sentence(f"Add a +{pct:g} % cadence cue to this easy run", source))
    if guidance.max_rpe is not None:
        notes.append(f"RPE ≤ {guidance.max_rpe}")
    duration = planned.duration_s
    if duration and distance != planned.distance_m:
        duration = round(duration * distance / planned.distance_m)
    content = "; ".join(notes) or None
    return AdjustedSession(
        planned, kind, distance, duration, terrain, cue, content, guidance.max_rpe, tuple(changes)
    )


def _shorten(
    planned: PlannedSession,
    distance: float,
    guidance: RunGuidance,
    rungs: Sequence[Rung],
    changes: list[Change],
    settings: PlanningSettings,
) -> float:
    if guidance.distance_factor < 1.0:
        new = _floor_m(distance * guidance.distance_factor, settings)
        pct = round((1 - guidance.distance_factor) * 100)
        source = _source(guidance, rungs, None, ("D2", "F", "R"))
        head = f"Today's run is {km(new)} instead of {km(distance)} ({pct} % shorter)"
        changes.append(_sentence(head, source))
        distance = new
    if guidance.long_run_factor < 1.0 and planned.kind == "long":
        new = _floor_m(distance * guidance.long_run_factor, settings)
        source = _source(guidance, rungs, "C3", ("C3",))
        changes.append(_sentence(f"Your long run is {km(new)} instead of {km(distance)} this week", source))
        distance = new
    if guidance.max_distance_m is not None and distance > guidance.max_distance_m:
        new = _floor_m(guidance.max_distance_m, settings)
        source = _source(guidance, rungs, None, ("S1", "S2"))
        changes.append(_sentence(f"Today's run is capped at {km(new)} instead of {km(distance)}", source))
        distance = new
    return distance

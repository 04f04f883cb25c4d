"""How a planned run is bent when running is allowed: easier, shorter, flatter, with a cue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from runner_app.coach.model import Rung, RunGuidance
from runner_app.coach.settings import DEFAULT_SETTINGS
from runner_app.coach.words import Distance, Words, say
from runner_app.planning.bending.cite import Change, Source, explain, find_source, sentence
from runner_app.planning.bending.week import WeekBends
from runner_app.planning.daily.exercises import GAIT_CUES
from runner_app.planning.model import QUALITY_KINDS, RUN_KINDS, PlannedSession
from runner_app.planning.settings import PlanningSettings

Terrain = Literal["any", "flat"]
_EASY_SOURCES = ("D2", "R0", "R1", "R2", "R3", "R4")  # besides C1, what makes every run easy


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
    refused_distance_m: float | None = None  # S2 refused the planned distance; the runner may override

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    @property
    def reason(self) -> Words:
        """Why the coach changed this session, each cause said once ("" when it stands as planned)."""
        return explain(self.changes)

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
            "title": o.title_words,
            "structure": list(o.structure),
            "target_pace": o.target_pace.as_dict() if o.target_pace else None,
        }

    def title_words(self) -> Words:
        """The session's title as bent: a quality session made easy is "Easy 8.0 km"."""
        o = self.original
        if self.kind == o.kind and self.distance_m == o.distance_m:
            return o.title_words
        if self.kind not in RUN_KINDS or self.kind == "race":
            return o.title_words
        name = "Long run" if self.kind == "long" else "Easy"
        return say("{name} {d}", name=name, d=Distance(self.distance_m)) if self.distance_m else Words(name)

    def _what_to_do(self) -> dict[str, object]:
        """Title, structure and pace as bent: a quality session made easy shows the E range."""
        o = self.original
        if self.kind == o.kind and self.distance_m == o.distance_m:
            pace = o.target_pace
            return {"structure": list(o.structure), "target_pace": pace.as_dict() if pace else None}
        if self.kind not in RUN_KINDS or self.kind == "race":
            return {"structure": [], "target_pace": None}
        easy = o.easy_pace if self.kind != o.kind or o.kind in QUALITY_KINDS else o.target_pace
        step: dict[str, object] = {"kind": "run", "pace": "easy", "repeat": 1}
        if self.distance_m:
            step["distance_m"] = round(self.distance_m / 100) * 100
        elif self.duration_s:
            step["duration_s"] = self.duration_s
        return {
            "structure": [step],
            "target_pace": easy.as_dict() if easy else None,
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
            "refused_distance_m": self.refused_distance_m,
            "spike_override": self.original.spike_override,
            "title": self.title_words(),
            **self._what_to_do(),
        }


def _eased_by(
    planned: PlannedSession, guidance: RunGuidance, rungs: Sequence[Rung], bends: WeekBends | None
) -> Source | None:
    """Why this quality session (if it is one) is run easy today, or None when it keeps its intensity."""
    if planned.kind not in QUALITY_KINDS:
        return None
    every_run = any(decision.rule in _EASY_SOURCES for decision in guidance.rules)
    c1 = any(rung.rung == "C1" for rung in rungs) or guidance.easy_pace_slower_pct is not None
    if guidance.easy_only and (every_run or not c1):
        return find_source(guidance, rungs, None, ("D2", "R", "F", "P"))
    if c1 and (bends is None or planned.id in bends.eased):
        return find_source(guidance, rungs, "C1", ("W1",))
    limit = guidance.max_quality_sessions_per_week
    if limit is not None and (limit == 0 or (bends is not None and planned.id in bends.held_back)):
        return find_source(guidance, rungs, None, ("R",))
    return None


def bent_run(
    planned: PlannedSession,
    guidance: RunGuidance,
    rungs: Sequence[Rung],
    bends: WeekBends | None,
    settings: PlanningSettings,
) -> AdjustedSession:
    kind, distance = planned.kind, planned.distance_m
    terrain: Terrain = "any"
    changes: list[Change] = []
    notes: list[str] = []
    eased = _eased_by(planned, guidance, rungs, bends)
    if eased is not None:
        changes.append(
            sentence(
                say("Your {d} {kind} session becomes an easy run", d=Distance(distance), kind=kind), eased
            )
        )
        kind = "easy"
    elif guidance.easy_only and kind == "race":
        why = find_source(guidance, rungs, "C1", ("D2", "R"))
        changes.append(sentence("If you start the race, run it at an easy effort", why))
        notes.append("race at an easy effort")
    c1_pace = DEFAULT_SETTINGS.c1_easy_pace_slower_pct if any(r.rung == "C1" for r in rungs) else None
    pace = guidance.easy_pace_slower_pct or c1_pace
    if pace and kind in ("easy", "recovery", "long"):
        notes.append(f"easy pace {pace[0]}-{pace[1]} % slower than usual")
        if eased is None or eased.rule != "C1":
            slower = f"Run this one {pace[0]}-{pace[1]} % slower than your usual easy pace"
            changes.append(sentence(slower, find_source(guidance, rungs, "C1")))
    if kind != "race":
        distance = shorten(planned, distance, guidance, rungs, changes, settings)
    if guidance.flat_only and kind != "race":
        head: Words | str = "Flat routes only today, no hills or downhill"
        if kind == "hills":
            kind, head = (
                "easy",
                say(
                    "Your {d} hill session becomes an easy run on flat ground", d=Distance(planned.distance_m)
                ),
            )
        terrain = "flat"
        changes.append(sentence(head, find_source(guidance, rungs, "C4", ("D2", "R"))))
    cue = None
    if guidance.cadence_cue_pct > 0 and (
        kind in ("easy", "recovery") or not guidance.cadence_cue_easy_runs_only
    ):
        cue = f"Cadence +{guidance.cadence_cue_pct:g} %: {GAIT_CUES[0]}"
        source = find_source(guidance, rungs, "C5", ("C5", "CAD"))
        what = "easy run" if kind in ("easy", "recovery") else "run"
        changes.append(sentence(f"Add a +{guidance.cadence_cue_pct:g} % cadence cue to this {what}", source))
    if guidance.return_stage_note:
        notes.append(guidance.return_stage_note)
    if guidance.max_rpe is not None:
        notes.append(f"RPE ≤ {guidance.max_rpe}")
    duration = planned.duration_s
    if duration and distance != planned.distance_m:
        duration = round(duration * distance / planned.distance_m)
    content = "; ".join(notes) or None
    return AdjustedSession(
        planned, kind, distance, duration, terrain, cue, content, guidance.max_rpe, tuple(changes)
    )


def shorten(
    planned: PlannedSession,
    distance: float,
    guidance: RunGuidance,
    rungs: Sequence[Rung],
    changes: list[Change],
    settings: PlanningSettings,
) -> float:
    if guidance.distance_factor < 1.0:
        new = settings.floor_m(distance * guidance.distance_factor)
        pct = round((1 - guidance.distance_factor) * 100)
        head = say(
            "Today's run is {new} instead of {old} ({pct} % shorter)",
            new=Distance(new),
            old=Distance(distance),
            pct=pct,
        )
        changes.append(sentence(head, find_source(guidance, rungs, None, ("D2", "F", "R"))))
        distance = new
    if guidance.long_run_factor < 1.0 and planned.kind == "long":
        new = settings.floor_m(distance * guidance.long_run_factor)
        head = say(
            "Your long run is {new} instead of {old} this week", new=Distance(new), old=Distance(distance)
        )
        changes.append(sentence(head, find_source(guidance, rungs, "C3", ("C3",))))
        distance = new
    if guidance.max_distance_m is not None and distance > guidance.max_distance_m:
        new = settings.floor_m(guidance.max_distance_m)
        head = say(
            "Today's run is capped at {new} instead of {old}", new=Distance(new), old=Distance(distance)
        )
        changes.append(sentence(head, find_source(guidance, rungs, None, ("S1", "S2"))))
        distance = new
    return distance

"""ST3-ST4 for the catalogue: each exercise's next prescription from the logged sessions, and the day's block.

The rules themselves are the coach's (`runner_app.coach.strength`): ST3 replays an exercise's sessions and
moves it one step after 2 qualifying sessions in a row (reps toward the top of the range, bodyweight until
then; then load, from the bottom of the range again); ST4 drops jumps and plyometrics, and any exercise that
last hurt above 5, in amber and red, and everything under F1. This module adds the catalogue: names, sides,
which exercises take load at all, and the two alternating blocks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from runner_app.coach import strength as rules
from runner_app.coach.model import PainEntry, State, StrengthEntry
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.coach.text import TIMES
from runner_app.planning.daily.exercises import BLOCKS, EXERCISES, LIGHT_BLOCK, Exercise, Measure

BlockVariant = Literal["A", "B"]


@dataclass(frozen=True)
class Prescription:
    """One exercise's next session: `sets` x `target` reps, seconds or steps, at `load_kg` or bodyweight."""

    exercise: str
    name: str
    sets: int
    measure: Measure
    target: int
    low: int
    high: int
    per_side: bool
    load_kg: float | None
    reason: str = ""

    def text(self) -> str:
        unit = {"reps": "", "seconds": " s", "steps": " steps"}[self.measure]
        side = (" each way" if self.measure == "steps" else " a side") if self.per_side else ""
        load = f" at {self.load_kg:g} kg" if self.load_kg else ", bodyweight"
        return f"{self.sets} {TIMES} {self.target}{unit}{side}{load}"

    def as_dict(self) -> dict[str, object]:
        return {
            "exercise": self.exercise,
            "name": self.name,
            "sets": self.sets,
            self.measure: self.target,
            "range": [self.low, self.high],
            "per_side": self.per_side,
            "load_kg": self.load_kg,
            "text": self.text(),
            "reason": self.reason,
        }


def _start(exercise: Exercise) -> rules.Prescription:
    return rules.Prescription(
        exercise.slug,
        exercise.sets,
        exercise.low,
        exercise.high,
        exercise.low,
        exercise.measure,
        exercise.start_load_kg,
    )


def _for_catalogue(exercise: Exercise, rule: rules.Prescription, reason: str) -> Prescription:
    return Prescription(
        exercise.slug,
        exercise.name,
        rule.sets,
        exercise.measure,
        rule.target,
        rule.low,
        rule.high,
        exercise.per_side,
        rule.load_kg,
        reason,
    )


def default_prescription(exercise: Exercise) -> Prescription:
    start = f"Starting prescription: {exercise.sets} {TIMES} {exercise.low}-{exercise.high}."
    return _for_catalogue(exercise, _start(exercise), start)


def progress_exercise(
    exercise: Exercise,
    history: Iterable[StrengthEntry],
    pains: Iterable[PainEntry] = (),
    settings: CoachSettings = DEFAULT_SETTINGS,
) -> Prescription:
    """The exercise's prescription for its next session (ST3), with the last step's reason."""
    sessions = rules.exercise_sessions(exercise.slug, history, pains)
    start = _start(exercise)
    current, decisions = rules.st3_progress(start, sessions, settings)
    if not exercise.loadable and current.load_kg is not None:
        # nothing to load: the exercise stays at the top of its range (then a firmer band, lower chair...)
        top = rules.Prescription(start.exercise, start.sets, start.low, start.high, start.high, start.unit)
        why = "top of the range: progress with a firmer band, a lower chair or a harder variant"
        return _for_catalogue(exercise, top, f"{top.text()}: {why}.")
    if not decisions:
        return default_prescription(exercise)
    return _for_catalogue(exercise, current, decisions[-1].reason)


def current_prescriptions(
    history: Iterable[StrengthEntry],
    pains: Iterable[PainEntry] = (),
    settings: CoachSettings = DEFAULT_SETTINGS,
) -> dict[str, Prescription]:
    """Every catalogue exercise's prescription after the runner's logged sessions."""
    entries, pain_list = list(history), list(pains)
    return {slug: progress_exercise(ex, entries, pain_list, settings) for slug, ex in EXERCISES.items()}


def last_pain_by_exercise(history: Iterable[StrengthEntry]) -> dict[str, int]:
    """The pain of the last logged session of each exercise (ST4 drops what last hurt above 5)."""
    last: dict[str, int] = {}
    for entry in sorted(history, key=lambda e: (e.date, e.id)):
        if entry.pain_max is not None:
            last.update({s.exercise: entry.pain_max for s in entry.sets})
    return last


def next_block_variant(history: Iterable[StrengthEntry]) -> BlockVariant:
    """Blocks A and B alternate, counting the sessions logged so far."""
    return "A" if sum(1 for entry in history if entry.sets) % 2 == 0 else "B"


def strength_block(
    variant: BlockVariant, prescriptions: Mapping[str, Prescription]
) -> tuple[Prescription, ...]:
    """The exercises of block A or B with the runner's current prescriptions (defaults where none)."""
    return tuple(prescriptions.get(slug) or default_prescription(EXERCISES[slug]) for slug in BLOCKS[variant])


def light_block(prescriptions: Mapping[str, Prescription]) -> tuple[Prescription, ...]:
    """ST2's light block (the day after a hard session): hips and core at bodyweight, no jumps. An exercise
    the runner already does with load is done at bodyweight at the top of its range."""
    block: list[Prescription] = []
    for slug in LIGHT_BLOCK:
        current = prescriptions.get(slug) or default_prescription(EXERCISES[slug])
        if current.load_kg is not None:
            why = "Light block: bodyweight only, the day after a hard session."
            current = replace(current, target=current.high, load_kg=None, reason=why)
        block.append(current)
    return tuple(block)


@dataclass(frozen=True)
class AdaptedBlock:
    """ST4: the block for the day's state, with what was dropped and why."""

    kept: tuple[Prescription, ...]
    dropped: tuple[Prescription, ...]
    rule: str | None
    reason: str


def adapt_block_to_state(
    block: Sequence[Prescription],
    state: State,
    last_pain: Mapping[str, int] | None = None,
    settings: CoachSettings = DEFAULT_SETTINGS,
) -> AdaptedBlock:
    """Apply ST4 (the coach's `st4_filter`) to a block; `last_pain` from `last_pain_by_exercise`."""
    tags = {p.exercise: frozenset({EXERCISES[p.exercise].category}) for p in block}
    kept_slugs, decisions = rules.st4_filter(tags, state, last_pain, settings)
    kept = tuple(p for p in block if p.exercise in kept_slugs)
    dropped = tuple(p for p in block if p.exercise not in kept_slugs)
    if not decisions:
        return AdaptedBlock(kept, dropped, None, "")
    rule = "F1" if state == "refer_urgent" else decisions[-1].rule
    return AdaptedBlock(kept, dropped, rule, " ".join(d.reason for d in decisions))

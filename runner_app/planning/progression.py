"""ST3-ST4: each exercise's current prescription from the logged strength sessions, and the day's block.

ST3: after 2 sessions in a row with all sets done, exercise pain <= 5 and settled, the reps (or seconds or
steps) go up towards the top of the range; at the top, a loadable exercise adds load (+5 %, inside the
literature's 2-10 %) and starts again from the bottom of the range (double progression, our reading).
Bodyweight exercises stay bodyweight until the top of their range (3 x 20-30 for the single-leg ones).
ST4: in `amber`/`red`, hip and quads work stays with pain <= 5; jumps and plyometrics are dropped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from runner_app.coach.model import PainEntry, State, StrengthEntry, StrengthSet
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.planning.exercises import BLOCKS, EXERCISES, TIMES, Exercise, Measure

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
        }


def default_prescription(exercise: Exercise) -> Prescription:
    load = None if exercise.bodyweight_start else exercise.first_load_kg
    start = f"Starting prescription: {exercise.sets} {TIMES} {exercise.low}-{exercise.high}."
    return Prescription(
        exercise.slug,
        exercise.name,
        exercise.sets,
        exercise.measure,
        exercise.low,
        exercise.low,
        exercise.high,
        exercise.per_side,
        load,
        start,
    )


def _amount(strength_set: StrengthSet, measure: Measure) -> int:
    value = {"reps": strength_set.reps, "seconds": strength_set.seconds, "steps": strength_set.steps}[measure]
    return value or 0


def _all_sets_done(prescription: Prescription, sets: Sequence[StrengthSet]) -> bool:
    need_load = prescription.load_kg or 0.0
    good = [
        s
        for s in sets
        if _amount(s, prescription.measure) >= prescription.target and (s.load_kg or 0.0) >= need_load - 1e-9
    ]
    if prescription.per_side:
        left = sum(1 for s in good if s.side in ("left", "both"))
        right = sum(1 for s in good if s.side in ("right", "both"))
        return min(left, right) >= prescription.sets
    return len(good) >= prescription.sets


def _settled(entry: StrengthEntry, pains: Sequence[PainEntry]) -> bool:
    return not any(
        pain.date == entry.date and pain.context == "after_strength" and pain.settled_within_60min is False
        for pain in pains
    )


def _step_up(prescription: Prescription, exercise: Exercise, settings: CoachSettings) -> Prescription:
    before = prescription.text()
    why = (
        f"{settings.st3_sessions_in_a_row} sessions in a row with all sets done and pain ≤ "
        f"{settings.st3_pain_max} (rule ST3)"
    )
    if prescription.target < prescription.high:
        step = max(1, math.ceil((prescription.high - prescription.low) / 2))
        new = replace(prescription, target=min(prescription.high, prescription.target + step))
    elif exercise.first_load_kg is not None:
        if prescription.load_kg is None:
            load = exercise.first_load_kg
        else:
            load = math.ceil(prescription.load_kg * (1 + settings.st3_load_step_pct / 100) * 10) / 10
        new = replace(prescription, target=prescription.low, load_kg=load)
    else:
        return replace(
            prescription,
            reason=f"{before}: top of the range; progress with a firmer band, lower chair or harder variant",
        )
    return replace(new, reason=f"{new.text()} (was {before}): {why}.")


def progress_exercise(
    exercise: Exercise,
    history: Iterable[StrengthEntry],
    pains: Iterable[PainEntry] = (),
    settings: CoachSettings = DEFAULT_SETTINGS,
) -> Prescription:
    """Replay the logged sessions in date order and return the exercise's prescription for the next one."""
    prescription = default_prescription(exercise)
    pain_list = list(pains)
    streak = 0
    for entry in sorted(history, key=lambda e: (e.date, e.id)):
        sets = [s for s in entry.sets if s.exercise == exercise.slug]
        if not sets:
            continue
        pain_ok = entry.pain_max is None or entry.pain_max <= settings.st3_pain_max
        if pain_ok and _settled(entry, pain_list) and _all_sets_done(prescription, sets):
            streak += 1
        else:
            streak = 0
        if streak >= settings.st3_sessions_in_a_row:
            prescription = _step_up(prescription, exercise, settings)
            streak = 0
    return prescription


def current_prescriptions(
    history: Iterable[StrengthEntry],
    pains: Iterable[PainEntry] = (),
    settings: CoachSettings = DEFAULT_SETTINGS,
) -> dict[str, Prescription]:
    """Every catalogue exercise's prescription after the runner's logged sessions."""
    entries, pain_list = list(history), list(pains)
    return {slug: progress_exercise(ex, entries, pain_list, settings) for slug, ex in EXERCISES.items()}


def next_block_variant(history: Iterable[StrengthEntry]) -> BlockVariant:
    """Blocks A and B alternate, counting the sessions logged so far."""
    return "A" if sum(1 for entry in history if entry.sets) % 2 == 0 else "B"


def strength_block(
    variant: BlockVariant, prescriptions: Mapping[str, Prescription]
) -> tuple[Prescription, ...]:
    """The exercises of block A or B with the runner's current prescriptions (defaults where none)."""
    return tuple(prescriptions.get(slug) or default_prescription(EXERCISES[slug]) for slug in BLOCKS[variant])


@dataclass(frozen=True)
class AdaptedBlock:
    """ST4: the block for the day's state, with what was dropped and why."""

    kept: tuple[Prescription, ...]
    dropped: tuple[Prescription, ...]
    rule: str | None
    reason: str


def adapt_block_to_state(
    block: Sequence[Prescription], state: State, settings: CoachSettings = DEFAULT_SETTINGS
) -> AdaptedBlock:
    if state == "refer_urgent":
        return AdaptedBlock(
            (), tuple(block), "F1", "No strength session today: see a clinician first (rule F1)."
        )
    if state in ("amber", "red"):
        kept = tuple(p for p in block if EXERCISES[p.exercise].category != "plyometric")
        dropped = tuple(p for p in block if EXERCISES[p.exercise].category == "plyometric")
        names = ", ".join(p.name.lower() for p in dropped) or "nothing to drop"
        return AdaptedBlock(
            kept,
            dropped,
            "ST4",
            f"Today is {state}: the hip and quads work stays while its pain is ≤ {settings.st4_pain_max}/10; "
            f"jumps and plyometrics are dropped ({names}) (rule ST4).",
        )
    return AdaptedBlock(tuple(block), (), None, "")

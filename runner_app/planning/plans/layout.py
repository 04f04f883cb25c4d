"""The generator's vocabulary: the weekly template a generated plan records, one week's slots (their nominal
distances before fit.py's spike caps) and the notes of a session for a runner without paces."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from runner_app.coach.text import KM_PER_MILE, TIMES
from runner_app.planning.model import Phase, SessionKind, TemplateKind, WeeklyTemplate

# Run days as offsets after the long-run day (0 = the long run, 1 = the day after it, 6 = the day before),
# spread so the day after the long run rests whenever the week allows it.
_RUN_OFFSETS: dict[int, tuple[int, ...]] = {
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 2, 3, 5),
    5: (0, 2, 3, 4, 5),
    6: (0, 2, 3, 4, 5, 6),
    7: (0, 1, 2, 3, 4, 5, 6),
}
# One quality session a week from 3 days up, two days after the long run: with the long run that makes two
# hard days, which leaves room for two strength days that are never next to a hard session (ST2).
_QUALITY: dict[int, TemplateKind | None] = {
    2: None,
    3: "tempo",
    4: "tempo",
    5: "intervals",
    6: "intervals",
    7: "intervals",
}
_QUALITY_OFFSET = 2


def default_template(days_per_week: int, long_run_day: int) -> WeeklyTemplate:
    """The week the generator uses: the long run, at most one quality session, easy runs, rest days."""
    days: list[TemplateKind] = ["rest"] * 7
    for offset in _RUN_OFFSETS[days_per_week]:
        days[(long_run_day + offset) % 7] = "easy"
    quality = _QUALITY[days_per_week]
    if quality is not None:
        days[(long_run_day + _QUALITY_OFFSET) % 7] = quality
    days[long_run_day] = "long"
    return WeeklyTemplate(tuple(days))


@dataclass(frozen=True)
class Slot:
    date: date
    kind: SessionKind
    distance_m: float


@dataclass(frozen=True)
class WeekLayout:
    index: int
    start: date
    phase: Phase
    slots: tuple[Slot, ...]


def session_notes(kind: SessionKind, distance_m: float, race_name: str, units: str = "km") -> str:
    """A short description of a generated session, derived from its kind and distance, with its distances in
    the runner's units (notes are the runner's to edit, so they are written once, as the runner reads)."""
    distance_km = distance_m / 1000
    if kind == "long":
        return "Long run at an easy, conversational pace; strides afterwards when the coach allows them."
    if kind == "tempo":
        if units == "mi":
            tempo = f"{max(1, round(distance_km / KM_PER_MILE * 0.5))} mi"
        else:
            tempo = f"{max(2, round(distance_km * 0.5))} km"
        return f"Warm up easy, then {tempo} at a comfortably hard (tempo) effort, cool down easy."
    if kind == "intervals":
        reps = max(3, min(8, round((distance_km - 4) / 1.2)))
        return f"Warm up easy, then {reps} {TIMES} 3 min at 5K-10K race pace, 2 min jogs between; cool down."
    if kind == "hills":
        reps = max(4, min(10, round(distance_km - 3)))
        return f"Warm up easy, then {reps} {TIMES} 60 s uphill at a strong effort, jog back down; cool down."
    if kind == "race":
        return f"{race_name}: race day. Warm up gently, start steady."
    return "Easy, conversational pace."

"""The generator's building blocks: the weekly template, the phase of each week, and one week's sessions.

Distances here are nominal (before spike caps); `generate.py` fits them to the runner's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from runner_app.coach.model import HARD_RUN_KINDS
from runner_app.coach.text import KM_PER_MILE, TIMES
from runner_app.planning.model import RUN_KINDS, Phase, SessionKind, TemplateKind, WeeklyTemplate
from runner_app.planning.settings import PlanningSettings

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
_OTHER_QUALITY: dict[str, SessionKind] = {"intervals": "tempo", "tempo": "intervals"}


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


def _blocks(weeks: int) -> list[int]:
    """Split `weeks` into blocks of 4 (preferred) or 3; [] for 0. None exists for 1, 2 or 5."""
    for fours in range(weeks // 4, -1, -1):
        if (weeks - 4 * fours) % 3 == 0:
            return [4] * fours + [3] * ((weeks - 4 * fours) // 3)
    raise ValueError(weeks)


def week_phases(weeks: int, settings: PlanningSettings) -> list[Phase]:
    """Phases of a plan of `weeks` weeks, the last one holding the race.

    Counting back: race week, the taper, the peak week. The weeks up to the peak are blocks of 4 (or 3) weeks
    whose last is a cut-back week, followed by 1-4 build weeks rising into the peak. The first third of the
    build-up (cut-back weeks aside) is `base`.
    """
    if weeks <= 3:  # three weeks out there is no time to build: hold today's fitness and taper into the race
        short: list[Phase] = ["taper"] * (weeks - 1)
        return [*short, "race"]
    taper = 3 if weeks >= settings.three_week_taper_min_weeks else 2
    peak = weeks - 2 - taper
    to_peak = peak + 1
    final = next(f for f in (3, 4, 2, 1) if f <= to_peak and to_peak - f not in (1, 2, 5))
    lengths = [*_blocks(to_peak - final), final]
    phases: list[Phase] = []
    for number, length in enumerate(lengths):
        for position in range(length):
            last = position == length - 1
            phase: Phase = ("peak" if number == len(lengths) - 1 else "cutback") if last else "build"
            phases.append("base" if phase == "build" and len(phases) < to_peak / 3 else phase)
    phases += ["taper"] * taper
    phases.append("race")
    return phases


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


def _kind_for_phase(kind: TemplateKind, phase: Phase, index: int) -> SessionKind:
    """The template's quality day by phase: hills in base weeks, tempo in cut-back weeks, intervals and tempo
    taking turns in build weeks; race week runs are all easy."""
    if phase == "race" and kind in RUN_KINDS:
        return "easy"
    if kind not in _OTHER_QUALITY:
        return kind
    if phase == "base":
        return "hills"
    if phase == "cutback":
        return "tempo"
    if phase in ("build", "peak") and index % 2 == 1:
        return _OTHER_QUALITY[kind]
    return kind


@dataclass(frozen=True)
class WeekInputs:
    """What laying out one week needs beyond its index, start and phase."""

    volume_m: float
    template: WeeklyTemplate
    plan_start: date
    race_date: date
    race_distance_m: float
    long_run_m: float  # this week's long run (volume.long_run_targets)


def lay_out_week(
    index: int, start: date, phase: Phase, inputs: WeekInputs, settings: PlanningSettings
) -> WeekLayout:
    """One week's sessions with nominal distances, dropping days before the plan starts and after the race,
    keeping the day before the race free and the two days before it easy."""
    race_date = inputs.race_date
    kinds: list[tuple[date, SessionKind]] = []
    for offset in range(7):
        day = start + timedelta(days=offset)
        kind = _kind_for_phase(inputs.template.kind_on(offset), phase, index)
        if day == race_date:
            kind = "race"
        elif day == race_date - timedelta(days=1) or day > race_date:
            kind = "rest"
        elif kind in HARD_RUN_KINDS and race_date - timedelta(days=3) <= day < race_date:
            kind = "easy"
        kinds.append((day, kind))
    runs = [(day, kind) for day, kind in kinds if kind in RUN_KINDS and kind != "race"]
    if phase == "race":
        each = min(inputs.volume_m / max(1, len(runs)), settings.race_week_max_run_m)
        nominal = {day: each for day, _ in runs}
    else:
        long_m = inputs.long_run_m
        others = sum(1 for _, kind in runs if kind != "long")
        rest_m = min(long_m, (inputs.volume_m - long_m) / max(1, others))  # no run longer than the long run
        nominal = {day: long_m if kind == "long" else rest_m for day, kind in runs}
    slots = [
        Slot(day, kind, inputs.race_distance_m if kind == "race" else nominal[day])
        for day, kind in kinds
        if day >= inputs.plan_start and (kind == "race" or day in nominal)
    ]
    return WeekLayout(index, start, phase, tuple(slots))


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
        return f"Warm up easy, then {reps} {TIMES} 3 min at 5-10 km race pace, 2 min jogs between; cool down."
    if kind == "hills":
        reps = max(4, min(10, round(distance_km - 3)))
        return f"Warm up easy, then {reps} {TIMES} 60 s uphill at a strong effort, jog back down; cool down."
    if kind == "race":
        return f"{race_name}: race day. Warm up gently, start steady."
    return "Easy, conversational pace."

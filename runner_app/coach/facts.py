"""What one day's log says, reduced to the facts the rules read. Entries are sorted by id first, so the
answer never depends on the order they arrived in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from runner_app.coach.model import DayLog, PainEntry, RunEntry, State
from runner_app.coach.settings import CoachSettings
from runner_app.coach.state import DaySummary

F1_FLAGS = ("cannot_weight_bear", "locking", "giving_way", "hot_red_fever")
RUN_CONTEXTS = frozenset({"during_run", "after_run"})

_FLAG_WORDS = {
    "cannot_weight_bear": "cannot bear weight",
    "locking": "locking",
    "giving_way": "giving way",
    "hot_red_fever": "a hot, red joint or fever",
    "night_pain": "night pain",
    "bone_tenderness": "bone tenderness",
    "swelling": "swelling",
    "after_trauma": "after a fall or knock",
    "sharp": "sharp pain",
}


def flag_words(flags: list[str]) -> str:
    words = [_FLAG_WORDS.get(flag, flag) for flag in flags]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _ordered(entries: tuple[Any, ...]) -> tuple[Any, ...]:
    ids = [e.id for e in entries]
    if len(set(ids)) == len(ids):
        return tuple(sorted(entries, key=lambda e: e.id))
    return tuple(sorted(entries, key=lambda e: (e.id, repr(e))))  # duplicated ids: content breaks the tie


def sort_log(day: DayLog) -> DayLog:
    """The same day with every tuple of entries in a deterministic order (by id, then content)."""
    return DayLog(
        date=day.date,
        runs=_ordered(day.runs),
        pains=_ordered(day.pains),
        strength=_ordered(day.strength),
        cross_training=_ordered(day.cross_training),
        clearances=_ordered(day.clearances),
    )


def _max(values: list[int]) -> int | None:
    return max(values) if values else None


@dataclass(frozen=True)
class DayFacts:
    date: date
    morning: int | None
    morning_location: str | None
    rest_pain: int | None
    night_context_pain: int | None
    run_pain: int | None
    run_pain_location: str | None
    settled: bool | None  # False if any post-run entry says not settled; True if one says settled
    max_pain: int | None
    front_knee: bool
    swelling: bool  # swelling without trauma (F3)
    logged_pain: bool
    f1_flags: tuple[str, ...]
    f2_flags: tuple[str, ...]
    sharp_after_run: bool
    runs: tuple[RunEntry, ...]
    distance_m: float
    cadence_min: int | None
    cross_pain: int | None
    cross_training: bool
    load: float
    clearance: bool


def _is_run_pain(entry: PainEntry) -> bool:
    return entry.context in RUN_CONTEXTS


def _minutes_load(duration_s: int, rpe: int | None, settings: CoachSettings) -> float:
    return (settings.default_rpe if rpe is None else rpe) * duration_s / 60.0


def day_facts(day: DayLog, settings: CoachSettings) -> DayFacts:
    """Reduce a (sorted) DayLog to the facts the rules read."""
    pains = day.pains
    mornings = [p for p in pains if p.context == "morning"]
    worst_morning = max(mornings, key=lambda p: p.score, default=None)
    run_entries = [p for p in pains if _is_run_pain(p)]
    worst_run = max(run_entries, key=lambda p: p.score, default=None)
    settled_values = [p.settled_within_60min for p in run_entries if p.settled_within_60min is not None]
    settled = None if not settled_values else all(settled_values)
    f1: list[str] = []
    f2: list[str] = []
    swelling = False
    for entry in pains:
        f1.extend(flag for flag in F1_FLAGS if flag in entry.flags)
        if "swelling" in entry.flags:
            if "after_trauma" in entry.flags:
                f1.append("swelling")
            else:
                swelling = True
        f2.extend(flag for flag in ("night_pain", "bone_tenderness") if flag in entry.flags)
    cadences = [r.cadence_spm for r in day.runs if r.cadence_spm is not None]
    load = sum(_minutes_load(r.duration_s, r.rpe, settings) for r in day.runs)
    load += sum(_minutes_load(c.duration_s, c.rpe, settings) for c in day.cross_training)
    load += sum(_minutes_load(s.duration_s, s.rpe, settings) for s in day.strength)
    return DayFacts(
        date=day.date,
        morning=worst_morning.score if worst_morning else None,
        morning_location=worst_morning.location if worst_morning else None,
        rest_pain=_max([p.score for p in pains if p.context == "rest"]),
        night_context_pain=_max([p.score for p in pains if p.context == "night"]),
        run_pain=worst_run.score if worst_run else None,
        run_pain_location=worst_run.location if worst_run else None,
        settled=settled,
        max_pain=_max([p.score for p in pains]),
        front_knee=any(p.location == "knee_front" and p.score > 0 for p in pains),
        swelling=swelling,
        logged_pain=bool(pains),
        f1_flags=tuple(dict.fromkeys(f1)),
        f2_flags=tuple(dict.fromkeys(f2)),
        sharp_after_run=any("sharp" in p.flags for p in run_entries),
        runs=day.runs,
        distance_m=float(sum(r.distance_m for r in day.runs)),
        cadence_min=min(cadences) if cadences else None,
        cross_pain=_max([c.pain_max for c in day.cross_training if c.pain_max is not None]),
        cross_training=bool(day.cross_training),
        load=float(load),
        clearance=bool(day.clearances),
    )


def summarise(facts: DayFacts, state: State) -> DaySummary:
    return DaySummary(
        date=facts.date,
        state=state,
        morning=facts.morning,
        morning_location=facts.morning_location,
        rest_pain=facts.rest_pain,
        run_pain=facts.run_pain,
        max_pain=facts.max_pain,
        front_knee=facts.front_knee,
        swelling=facts.swelling,
        logged_pain=facts.logged_pain,
        run_distances_m=tuple(float(r.distance_m) for r in facts.runs),
        cadence_min=facts.cadence_min,
        load=facts.load,
    )


def bucket_logs(days: Iterable[DayLog], end: date) -> dict[date, DayLog]:
    """Every entry filed under its own date (entries after `end` dropped), whatever DayLog carried it."""
    runs: dict[date, list[Any]] = {}
    pains: dict[date, list[Any]] = {}
    strength: dict[date, list[Any]] = {}
    cross: dict[date, list[Any]] = {}
    clear: dict[date, list[Any]] = {}
    for log in days:
        for target, entries in (
            (runs, log.runs),
            (pains, log.pains),
            (strength, log.strength),
            (cross, log.cross_training),
            (clear, log.clearances),
        ):
            for entry in entries:
                if entry.date <= end:
                    target.setdefault(entry.date, []).append(entry)
    dates = set(runs) | set(pains) | set(strength) | set(cross) | set(clear)
    return {
        x: DayLog(
            date=x,
            runs=tuple(runs.get(x, ())),
            pains=tuple(pains.get(x, ())),
            strength=tuple(strength.get(x, ())),
            cross_training=tuple(cross.get(x, ())),
            clearances=tuple(clear.get(x, ())),
        )
        for x in dates
    }

"""Tiny builders for coach tests: entries on day numbers counted from a Monday, grouped into DayLogs."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from runner_app.coach.engine import assess, timeline
from runner_app.coach.model import (
    Assessment,
    Clearance,
    CrossTrainingEntry,
    DayLog,
    PainEntry,
    RunEntry,
    StrengthEntry,
    StrengthSet,
)

MONDAY = date(2026, 11, 2)  # a Monday; "today" in the product is 2026-11-22, the Sunday of week 2
Entry = RunEntry | PainEntry | StrengthEntry | CrossTrainingEntry | Clearance

_ids = itertools.count(1)


def day(n: int) -> date:
    """Day n counted from MONDAY (0 = Monday 2026-11-02, 6 = Sunday, 7 = next Monday)."""
    return MONDAY + timedelta(days=n)


def _id(prefix: str, ident: str | None) -> str:
    return ident or f"{prefix}-{next(_ids):05d}"


def run(
    n: int,
    km: float = 8.0,
    kind: str = "easy",
    minutes: float | None = None,
    rpe: int | None = 4,
    terrain: str = "flat",
    cadence: int | None = None,
    ident: str | None = None,
) -> RunEntry:
    duration = round((minutes if minutes is not None else km * 6) * 60)
    return RunEntry(
        id=_id("run", ident),
        date=day(n),
        kind=kind,  # type: ignore[arg-type]
        distance_m=km * 1000,
        duration_s=duration,
        rpe=rpe,
        terrain=terrain,  # type: ignore[arg-type]
        cadence_spm=cadence,
    )


def pain(
    n: int,
    score: int,
    context: str = "morning",
    location: str = "knee_front",
    flags: Iterable[str] = (),
    settled: bool | None = None,
    ident: str | None = None,
) -> PainEntry:
    return PainEntry(
        id=_id("pain", ident),
        date=day(n),
        context=context,  # type: ignore[arg-type]
        location=location,
        side="left",
        score=score,
        settled_within_60min=settled,
        flags=frozenset(flags),
    )


def morning(n: int, score: int, **kw: object) -> PainEntry:
    return pain(n, score, "morning", **kw)  # type: ignore[arg-type]


def after_run(n: int, score: int, settled: bool = True, **kw: object) -> PainEntry:
    return pain(n, score, "after_run", settled=settled, **kw)  # type: ignore[arg-type]


def easy_run(
    n: int, km: float = 8.0, run_pain: int = 0, location: str = "knee_front", **kw: object
) -> list[Entry]:
    """A run with its post-run check-in (pain, settled)."""
    return [run(n, km, **kw), after_run(n, run_pain, location=location)]  # type: ignore[arg-type]


def cross(n: int, minutes: int = 30, pain_max: int | None = 0, kind: str = "cycling") -> CrossTrainingEntry:
    return CrossTrainingEntry(
        id=_id("xt", None), date=day(n), kind=kind, duration_s=minutes * 60, rpe=3, pain_max=pain_max
    )


def clearance(n: int) -> Clearance:
    return Clearance(id=_id("clear", None), date=day(n), by="physio")


def strength(n: int, sets: Iterable[StrengthSet] = (), pain_max: int | None = 0) -> StrengthEntry:
    return StrengthEntry(
        id=_id("st", None), date=day(n), duration_s=25 * 60, rpe=5, pain_max=pain_max, sets=tuple(sets)
    )


def mornings(first: int, scores: Iterable[int]) -> list[PainEntry]:
    """One morning check-in per day from day `first`, one score each."""
    return [morning(first + i, score) for i, score in enumerate(scores)]


def flatten(groups: Iterable[object]) -> list[Entry]:
    """Entries from arbitrarily nested lists of entries."""
    result: list[Entry] = []
    for group in groups:
        if isinstance(group, Entry):
            result.append(group)
        else:
            result.extend(flatten(group))  # type: ignore[arg-type]
    return result


def logs(*groups: Entry | Iterable[Entry]) -> list[DayLog]:
    """Group entries (or lists of entries) into one DayLog per date."""
    by_day: dict[date, list[Entry]] = defaultdict(list)
    for entry in flatten(groups):
        by_day[entry.date].append(entry)
    return [
        DayLog(
            date=x,
            runs=tuple(e for e in items if isinstance(e, RunEntry)),
            pains=tuple(e for e in items if isinstance(e, PainEntry)),
            strength=tuple(e for e in items if isinstance(e, StrengthEntry)),
            cross_training=tuple(e for e in items if isinstance(e, CrossTrainingEntry)),
            clearances=tuple(e for e in items if isinstance(e, Clearance)),
        )
        for x, items in sorted(by_day.items())
    ]


def assess_on(n: int, *groups: Entry | Iterable[Entry]) -> Assessment:
    """The coach's answer for day n given these entries."""
    return assess(logs(*groups), day(n))


def over(first: int, last: int, *groups: Entry | Iterable[Entry]) -> dict[int, Assessment]:
    """The timeline from day `first` to day `last`, keyed by day number."""
    result = timeline(logs(*groups), day(first), day(last))
    return {first + i: a for i, a in enumerate(result)}


def fired(a: Assessment) -> set[str]:
    """Rule ids of the decisions taken on that day."""
    return {d.rule for d in a.decisions}


def rung_ids(a: Assessment) -> list[str]:
    return [r.rung for r in a.rungs]


def alert_rules(a: Assessment) -> set[tuple[str, str]]:
    return {(x.kind, x.rule) for x in a.alerts}

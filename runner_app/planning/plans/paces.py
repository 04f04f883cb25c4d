"""Fitness and paces (plan-rules.md "Fitness"): VDOT from a race or from logged runs by Daniels' formulas, and
the training paces and race times that follow from it.

Daniels' oxygen cost of running at v metres a minute is `VO2(v) = -4.60 + 0.182258 v + 0.000104 v²`, and the
fraction of VO2max a runner sustains for t minutes `%max(t) = 0.8 + 0.1894393 e^(-0.012778 t)
+ 0.2989558 e^(-0.1932605 t)`; a race's VDOT is VO2(v) / %max(t). The training intensities are fractions of
VDOT (easy, threshold, interval) or race paces at that VDOT (marathon, repetition at mile pace), chosen to
match the published tables (Daniels' Running Formula, VDOT 30-60) within a few seconds a kilometre.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

PaceName = Literal["easy", "marathon", "threshold", "interval", "repetition"]
PACE_NAMES: tuple[PaceName, ...] = ("easy", "marathon", "threshold", "interval", "repetition")

MILE_M = 1609.344
MARATHON_M = 42195.0
# Fractions of VDOT for the intensities set by oxygen uptake (Daniels' tables, VDOT 30-60).
EASY_FRACTIONS = (0.631, 0.727)  # slow end, fast end
THRESHOLD_FRACTION = 0.88
INTERVAL_FRACTION = 0.975
# Half-widths of the single-pace intensities, seconds a kilometre (product: a target a watch can hold).
HALF_WIDTH_S: dict[PaceName, float] = {"marathon": 5.0, "threshold": 3.0, "interval": 3.0, "repetition": 2.0}
RACE_MAX_AGE_DAYS = 183  # a race counts for six months
VDOT_LOST_PER_DAY = 1.0 / 61  # product: -1 VDOT per two months since the race
EASY_EFFORT_DISCOUNT = 2.0  # product: a logged training run is not a race effort
RUN_WINDOW_DAYS = 42  # logged runs of the last six weeks
MIN_EFFORT_M = 3000.0
MIN_VDOT, MAX_VDOT = 15.0, 90.0


def oxygen_cost(velocity_m_min: float) -> float:
    """ml/kg/min to run at `velocity_m_min` (Daniels and Gilbert)."""
    return -4.60 + 0.182258 * velocity_m_min + 0.000104 * velocity_m_min**2


def sustainable_fraction(minutes: float) -> float:
    """The fraction of VO2max a runner holds for a race of `minutes` (Daniels and Gilbert)."""
    return 0.8 + 0.1894393 * math.exp(-0.012778 * minutes) + 0.2989558 * math.exp(-0.1932605 * minutes)


def vdot_from_race(distance_m: float, duration_s: float) -> float:
    """The VDOT a race of `distance_m` run in `duration_s` shows."""
    minutes = duration_s / 60
    return oxygen_cost(distance_m / minutes) / sustainable_fraction(minutes)


def velocity_for(vo2: float) -> float:
    """Metres a minute whose oxygen cost is `vo2` (the positive root of VO2(v))."""
    a, b, c = 0.000104, 0.182258, -4.60 - vo2
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)


def race_time_s(vdot: float, distance_m: float) -> float:
    """The time a runner of `vdot` runs `distance_m` in: the inverse of `vdot_from_race`, by bisection
    (VDOT falls as the time grows)."""
    low, high = 30.0, 60.0 * 60 * 24
    for _ in range(80):
        middle = (low + high) / 2
        if vdot_from_race(distance_m, middle) > vdot:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def riegel_s(known_m: float, known_s: float, distance_m: float) -> float:
    """Riegel's cross-check: T2 = T1 × (D2/D1)^1.06."""
    return float(known_s * (distance_m / known_m) ** 1.06)


@dataclass(frozen=True)
class PaceRange:
    min_s_per_km: float  # the fast end
    max_s_per_km: float  # the slow end

    @property
    def middle(self) -> float:
        return (self.min_s_per_km + self.max_s_per_km) / 2

    def as_dict(self) -> dict[str, float]:
        return {"min_s_per_km": round(self.min_s_per_km), "max_s_per_km": round(self.max_s_per_km)}


@dataclass(frozen=True)
class Paces:
    vdot: float
    easy: PaceRange
    marathon: PaceRange
    threshold: PaceRange
    interval: PaceRange
    repetition: PaceRange

    def of(self, name: PaceName) -> PaceRange:
        pace: PaceRange = getattr(self, name)
        return pace

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {name: self.of(name).as_dict() for name in PACE_NAMES}


def _s_per_km(velocity_m_min: float) -> float:
    return 60_000.0 / velocity_m_min


def _whole(fast: float, slow: float) -> PaceRange:
    """A range in whole seconds a kilometre: what the API sends and what every page converts, so a pace in
    miles reads the same on Today, the plan page and the calendar."""
    return PaceRange(round(fast), round(slow))


def _around(centre: float, name: PaceName) -> PaceRange:
    return _whole(centre - HALF_WIDTH_S[name], centre + HALF_WIDTH_S[name])


def marathon_pace_s_per_km(vdot: float) -> float:
    """Marathon race pace at `vdot`; the tables slow it a little below VDOT 50 (about 2 s/km at 40, 11 s/km
    at 30), which a small quadratic term reproduces."""
    pace = race_time_s(vdot, MARATHON_M) / (MARATHON_M / 1000)
    return pace * (1 + 7e-5 * max(0.0, 50.0 - vdot) ** 2)


def paces_for(vdot: float) -> Paces:
    """Daniels' training paces for `vdot`, each a range in seconds a kilometre."""
    easy = _whole(
        _s_per_km(velocity_for(EASY_FRACTIONS[1] * vdot)), _s_per_km(velocity_for(EASY_FRACTIONS[0] * vdot))
    )
    mile = race_time_s(vdot, MILE_M) / (MILE_M / 1000)
    return Paces(
        vdot=vdot,
        easy=easy,
        marathon=_around(marathon_pace_s_per_km(vdot), "marathon"),
        threshold=_around(_s_per_km(velocity_for(THRESHOLD_FRACTION * vdot)), "threshold"),
        interval=_around(_s_per_km(velocity_for(INTERVAL_FRACTION * vdot)), "interval"),
        repetition=_around(mile, "repetition"),
    )


FitnessSource = Literal["race", "runs", "volume"]


@dataclass(frozen=True)
class Fitness:
    """Where the runner is: a VDOT and its paces, or (source "volume") effort-only sessions."""

    source: FitnessSource
    vdot: float | None
    note: str

    @property
    def paces(self) -> Paces | None:
        return paces_for(self.vdot) if self.vdot is not None else None

    def predicted_s(self, distance_m: float) -> float | None:
        return race_time_s(self.vdot, distance_m) if self.vdot is not None else None


@dataclass(frozen=True)
class RaceResult:
    distance_m: float
    duration_s: float
    date: date


@dataclass(frozen=True)
class TimedRun:
    date: date
    distance_m: float
    duration_s: float | None


def _clamp(vdot: float) -> float:
    return min(MAX_VDOT, max(MIN_VDOT, vdot))


def _from_races(races: Sequence[RaceResult], on: date) -> tuple[float, RaceResult] | None:
    """The best race of the last six months, each losing 1 VDOT for every two months since it was run."""
    best: tuple[float, RaceResult] | None = None
    for race in races:
        age = (on - race.date).days
        if not 0 <= age <= RACE_MAX_AGE_DAYS or race.distance_m <= 0 or race.duration_s <= 0:
            continue
        vdot = vdot_from_race(race.distance_m, race.duration_s) - age * VDOT_LOST_PER_DAY
        if best is None or vdot > best[0]:
            best = (vdot, race)
    return best


def _from_runs(runs: Sequence[TimedRun], on: date) -> float | None:
    """The best effort of the last six weeks among runs of 3 km or more, less 2 VDOT
    (training, not racing)."""
    efforts = [
        vdot_from_race(run.distance_m, run.duration_s)
        for run in runs
        if run.duration_s
        and run.duration_s > 0
        and run.distance_m >= MIN_EFFORT_M
        and 0 <= (on - run.date).days <= RUN_WINDOW_DAYS
    ]
    return max(efforts) - EASY_EFFORT_DISCOUNT if efforts else None


def race_label(distance_m: float) -> str:
    """A race as runners name it, whatever their units: "marathon", "half marathon", "10K", "10-mile"."""
    if abs(distance_m - 42_195) < 200:
        return "marathon"
    if abs(distance_m - 21_097.5) < 200:
        return "half marathon"
    km, miles = distance_m / 1000, distance_m / 1609.344
    if abs(km - round(km)) < 0.01:
        return f"{round(km)}K"
    if abs(miles - round(miles)) < 0.01:
        return f"{round(miles)}-mile"
    return f"{km:.1f} km"


def estimate_fitness(on: date, races: Sequence[RaceResult] = (), runs: Sequence[TimedRun] = ()) -> Fitness:
    """The runner's fitness on `on`: from a race of the last six months (older ones count less), else from
    logged runs with a duration, else none (sessions set by effort), each with a note saying which."""
    from_race = _from_races(races, on)
    if from_race is not None:
        vdot, race = from_race
        return Fitness(
            "race",
            _clamp(vdot),
            f"Paces from your {race_label(race.distance_m)} race on {race.date.isoformat()} "
            f"(VDOT {vdot:.1f}).",
        )
    from_runs = _from_runs(runs, on)
    if from_runs is not None:
        return Fitness(
            "runs",
            _clamp(from_runs),
            f"Paces from your best run of the last six weeks (VDOT {from_runs:.1f}); a race time makes "
            "them sharper.",
        )
    return Fitness(
        "volume",
        None,
        "No race and no timed runs yet: sessions are set by effort (easy: you can talk; threshold: "
        "comfortably hard). Log a race or runs with their time to get paces.",
    )


def pace_text(pace: PaceRange, units: str = "km") -> str:
    """The range as every page writes a pace, "5:56–6:38 /km" (or per mile), the fast end first."""
    per = 1.609344 if units == "mi" else 1.0

    def clock(seconds: float) -> str:
        whole = round(seconds * per)
        return f"{whole // 60}:{whole % 60:02d}"

    low, high = clock(pace.min_s_per_km), clock(pace.max_s_per_km)
    return f"{low} /{units}" if low == high else f"{low}–{high} /{units}"

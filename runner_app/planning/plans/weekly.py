"""One week of a generated plan: what each day holds (`Work`) and its nominal distance, before fit.py caps it.

Base weeks: a short hill session and strides on an easy run. Build and peak weeks: a threshold session and,
with 5+ runs a week, a second session (a marathon-pace run for a marathon, 5-6 × 1 km at I pace for shorter
races); marathon-pace segments inside the long runs of the last 8 weeks. Cut-back and taper weeks keep a short
threshold session. Race week: 2-4 short easy runs, one with strides, the day before the race free. Recovery
weeks: easy running only. No hard session within 3 days of the race.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from runner_app.planning.model import Phase, SessionKind
from runner_app.planning.plans.days import WeekDays
from runner_app.planning.plans.layout import Slot, WeekLayout
from runner_app.planning.plans.paces import Paces, paces_for
from runner_app.planning.plans.sessions import EFFORT_VDOT, Work, describe
from runner_app.planning.plans.shape import WeekShape, is_marathon

KIND_OF: dict[Work, SessionKind] = {
    "easy": "easy",
    "strides": "easy",
    "long": "long",
    "long_m": "long",
    "threshold": "tempo",
    "marathon": "tempo",
    "intervals": "intervals",
    "hills": "hills",
    "race": "race",
}
HARD_WORK: frozenset[Work] = frozenset(
    {"long", "long_m", "threshold", "marathon", "intervals", "hills", "race"}
)
RACE_WEEK_RUNS = 4
RACE_WEEK_MAX_RUN_M = 8000.0
MIN_RUN_M = 3000.0
RECOVERY_REST_DAYS = 4  # no running in the 3 days after the race
RACE_WEEK_SHARES = (1.0, 0.8, 0.65, 0.5)  # race-week runs get shorter toward the race
QUALITY_SHARE = 0.22  # a quality session holds at most this share of its week


@dataclass(frozen=True)
class WeekPlan:
    layout: WeekLayout
    works: tuple[Work, ...]  # one per slot of the layout
    progress: float


@dataclass(frozen=True)
class WeekContext:
    index: int
    start: date
    shape: WeekShape
    days: WeekDays
    race_date: date
    race_distance_m: float
    weeks_to_race: int  # the race week's index minus this week's
    progress: float  # how far through the build-up (0..1)


def _quality(phase: Phase, second: bool, context: WeekContext) -> Work:
    if phase in ("race", "recovery"):
        return "easy"
    if phase == "base":
        return "easy" if second else "hills"
    if second:
        if phase in ("cutback", "taper") or _long(context) == "long_m":
            return "easy"  # marathon pace in the long run is the week's second session
        return "marathon" if is_marathon(context.race_distance_m) else "intervals"
    return "threshold"


def _long(context: WeekContext) -> Work:
    phase = context.shape.phase
    late = context.weeks_to_race in (2, 5, 7)
    if is_marathon(context.race_distance_m) and phase in ("build", "peak", "taper") and late:
        return "long_m"
    return "long" if phase != "recovery" else "easy"


def week_works(context: WeekContext) -> list[tuple[date, Work]]:
    """What each day of the week holds, in date order, rest days left out."""
    phase = context.shape.phase
    days = context.days
    race = context.race_date
    works: list[tuple[date, Work]] = []
    strides_given = False
    for offset in range(7):
        day = context.start + timedelta(days=offset)
        weekday = day.weekday()
        if day == race:
            works.append((day, "race"))
            continue
        if (
            weekday not in days.run_days
            or day == race - timedelta(days=1)
            or (phase == "race" and day > race)
        ):
            continue
        if phase == "recovery" and day < race + timedelta(days=RECOVERY_REST_DAYS):
            continue  # the days right after the race rest
        work: Work
        if weekday == days.long_run_day and context.shape.long_m > 0:
            work = _long(context)
        elif weekday in days.quality_days:
            work = _quality(phase, days.quality_days.index(weekday) == 1, context)
        else:
            work = "easy"
        if work in HARD_WORK and race - timedelta(days=3) <= day < race:
            work = "easy"
        if work == "easy" and not strides_given and phase in ("base", "build", "race"):
            work, strides_given = "strides", True
        works.append((day, work))
    if phase == "race":  # 2-4 short runs before the race
        before = [(d, w) for d, w in works if w != "race" and d < race]
        keep = set(d for d, _ in before[-RACE_WEEK_RUNS:])
        works = [(d, w) for d, w in works if w == "race" or d in keep or d > race]
    return works


def _nominal_quality_m(work: Work, paces: Paces, progress: float, easy_share_m: float) -> float:
    detail = describe(work, 50_000.0, paces, progress)
    work_m = sum(
        float(s["distance_m"] * s["repeat"])
        if "distance_m" in s
        else s["duration_s"] * s["repeat"] / paces.of(s["pace"]).middle * 1000
        for s in detail.structure
        if s["kind"] in ("run", "recovery")
    )
    if work == "marathon":
        work_m = 5000.0 + 5000.0 * progress
    return max(easy_share_m, work_m + 3500.0)


def lay_out(context: WeekContext, paces: Paces | None, plan_start: date) -> WeekPlan:
    """The week's slots with nominal distances: the long run, the quality sessions at their work plus warm-up
    and cool-down, easy runs sharing the rest of the week's volume (never longer than the long run)."""
    works = [(d, w) for d, w in week_works(context) if d >= plan_start]
    shape = context.shape
    sizing = paces or paces_for(EFFORT_VDOT)
    runs = [w for _, w in works if w != "race"]
    long_m = shape.long_m if any(w in ("long", "long_m") for w in runs) else 0.0
    others = max(1, len(runs) - (1 if long_m else 0))
    share = max(0.0, shape.volume_m - long_m) / others
    progress = 0.2 if shape.phase in ("cutback", "taper") else context.progress
    quality = {
        w: min(
            _nominal_quality_m(w, sizing, progress, share),
            long_m or share * 1.5,
            QUALITY_SHARE * shape.volume_m,
        )
        for w in runs
        if w in ("threshold", "marathon", "intervals", "hills")
    }
    easy_count = sum(1 for w in runs if w in ("easy", "strides"))
    left = shape.volume_m - long_m - sum(quality[w] for w in runs if w in quality)
    easy_m = max(MIN_RUN_M, left / easy_count) if easy_count else 0.0
    if long_m:
        easy_m = min(easy_m, long_m)
    race_week: dict[date, float] = {}
    if shape.phase == "race":
        before = [d for d, w in works if w != "race" and d < context.race_date]
        shares = RACE_WEEK_SHARES[-len(before) :] if before else ()
        for day, share_of in zip(before, shares, strict=True):
            race_week[day] = min(RACE_WEEK_MAX_RUN_M, shape.volume_m * share_of / sum(shares))
    slots: list[Slot] = []
    for day, work in works:
        if work == "race":
            distance = context.race_distance_m
        elif work in ("long", "long_m"):
            distance = long_m
        elif work in quality:
            distance = quality[work]
        elif day in race_week:
            distance = race_week[day]
        else:
            distance = easy_m
        kind: SessionKind = "recovery" if shape.phase == "recovery" else KIND_OF[work]
        slots.append(Slot(day, kind, distance))
    layout = WeekLayout(context.index, context.start, shape.phase, tuple(slots))
    return WeekPlan(layout, tuple(w for _, w in works), progress)

"""Strength rules as pure helpers: ST1 how many sessions a week, ST3 the next prescription of one exercise
from its logged sessions, ST4 which exercises stay in amber/red. ST2 (which days) is scheduled with the plan,
in `runner_app.planning.daily.strength`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from runner_app.coach.model import Decision, PainEntry, State, StrengthEntry, StrengthSet
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.coach.text import TIMES, day

Unit = Literal["reps", "seconds", "steps"]
PLYOMETRIC_TAGS = frozenset({"jump", "jumps", "plyometric", "plyometrics"})


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def strength_sessions_allowed(
    week_start: date,
    race_date: date | None,
    *,
    wants_three: bool = False,
    base_week: bool = False,
    settings: CoachSettings = DEFAULT_SETTINGS,
) -> int:
    """ST1: 2 a week (3 when the runner asks, in base weeks); 1 in the last 4 weeks before the race; none in
    race week. `week_start` may be any day of the week."""
    if race_date is not None:
        weeks_out = (_monday(race_date) - _monday(week_start)).days // 7
        if weeks_out == 0:
            return 0
        if 0 < weeks_out <= settings.st1_taper_weeks:
            return settings.st1_taper_sessions
    if wants_three and base_week:
        return settings.st1_sessions_per_week_on_request
    return settings.st1_sessions_per_week


@dataclass(frozen=True)
class Prescription:
    exercise: str
    sets: int
    low: int
    high: int
    target: int
    unit: Unit = "reps"
    load_kg: float | None = None  # None: bodyweight

    def text(self) -> str:
        unit = {"reps": "", "seconds": " s", "steps": " steps"}[self.unit]
        load = f" at {self.load_kg:g} kg" if self.load_kg else ", bodyweight"
        return f"{self.sets} {TIMES} {self.target}{unit}{load}"


@dataclass(frozen=True)
class ExerciseSession:
    date: date
    sets: tuple[StrengthSet, ...]
    pain_max: int | None
    settled: bool | None


def exercise_sessions(
    exercise: str, entries: Iterable[StrengthEntry], pains: Iterable[PainEntry] = ()
) -> list[ExerciseSession]:
    """One exercise's sessions in date order; `settled` comes from that day's after_strength check-ins."""
    settled: dict[date, list[bool]] = {}
    for p in pains:
        if p.context == "after_strength" and p.settled_within_60min is not None:
            settled.setdefault(p.date, []).append(p.settled_within_60min)
    result = []
    for entry in sorted(entries, key=lambda e: (e.date, e.id)):
        sets = tuple(s for s in entry.sets if s.exercise == exercise)
        if sets:
            answers = settled.get(entry.date)
            ok = all(answers) if answers else None
            result.append(ExerciseSession(entry.date, sets, entry.pain_max, ok))
    return result


def _amount(s: StrengthSet, unit: Unit) -> int:
    value = {"reps": s.reps, "seconds": s.seconds, "steps": s.steps}[unit]
    return value or 0


def session_qualifies(p: Prescription, session: ExerciseSession, settings: CoachSettings) -> bool:
    """ST3: all sets done at the prescription, exercise pain <= 5, and settled (pain 0 needs no answer)."""
    done = [s for s in session.sets if _amount(s, p.unit) >= p.target]
    if p.load_kg is not None:
        done = [s for s in done if (s.load_kg or 0.0) >= p.load_kg - 1e-9]
    if len(done) < p.sets or session.pain_max is None or session.pain_max > settings.st3_pain_max:
        return False
    return session.settled is True or (session.pain_max == 0 and session.settled is None)


def _next(p: Prescription, settings: CoachSettings) -> tuple[Prescription, str]:
    step = {
        "reps": settings.st3_rep_step,
        "seconds": settings.st3_time_step_s,
        "steps": settings.st3_steps_step,
    }
    if p.target < p.high:
        new = replace(p, target=min(p.high, p.target + step[p.unit]))
        return new, f"up to {new.text()}"
    if p.unit != "reps":
        return p, f"at the top of the range ({p.text()}); keep it there"
    if p.load_kg is None:
        new = replace(p, target=p.low, load_kg=settings.st3_first_load_kg)
        return new, f"top of the range done: now {new.text()}"
    raised = round(p.load_kg * (1 + settings.st3_load_step_pct / 100) * 2) / 2
    new = replace(p, target=p.low, load_kg=max(raised, p.load_kg + 0.5))
    return new, f"top of the range done: load up to {new.text()}"


def st3_progress(
    start: Prescription, sessions: Iterable[ExerciseSession], settings: CoachSettings = DEFAULT_SETTINGS
) -> tuple[Prescription, tuple[Decision, ...]]:
    """ST3: replay the sessions from `start`; every 2 qualifying sessions in a row move the prescription one
    step (reps toward the top, then load +5 % from the bottom of the range)."""
    p = start
    streak = 0
    decisions: list[Decision] = []
    for session in sorted(sessions, key=lambda s: s.date):
        if not session_qualifies(p, session, settings):
            streak = 0
            continue
        streak += 1
        if streak >= settings.st3_sessions_in_a_row:
            new, what = _next(p, settings)
            if new != p:
                decisions.append(
                    Decision(
                        "ST3",
                        f"{p.exercise}: {streak} sessions in a row with all sets of {p.text()} done, pain ≤ "
                        f"{settings.st3_pain_max} and settled (the last on {day(session.date)}): "
                        f"{what}.",
                        "literature",
                    )
                )
            p, streak = new, 0
    return p, tuple(decisions)


# ---------------------------------------------------------------- ST4


def st4_filter(
    exercises: Mapping[str, frozenset[str]],
    state: State,
    last_pain: Mapping[str, int] | None = None,
    settings: CoachSettings = DEFAULT_SETTINGS,
) -> tuple[tuple[str, ...], tuple[Decision, ...]]:
    """ST4: in amber/red the strength block stays (hip and quads), jumps and plyometrics are dropped, and so
    is any exercise whose last logged pain was above 5. Under refer_urgent (F1) nothing is prescribed."""
    if state == "green":
        return tuple(exercises), ()
    if state == "refer_urgent":
        reason = "No strength work until a clinician has seen the red flag."
        return (), (Decision("ST4", reason, "literature"),)
    kept: list[str] = []
    decisions: list[Decision] = []
    for slug, tags in exercises.items():
        if tags & PLYOMETRIC_TAGS:
            why = f"{slug} is dropped while you are {state}: no jumps or plyometrics."
            decisions.append(Decision("ST4", why, "literature"))
            continue
        hurt = (last_pain or {}).get(slug)
        if hurt is not None and hurt > settings.st4_pain_max:
            decisions.append(
                Decision(
                    "ST4",
                    f"{slug} is dropped while you are {state}: its last pain was {hurt}/10, above "
                    f"{settings.st4_pain_max}.",
                    "literature",
                )
            )
            continue
        kept.append(slug)
    decisions.append(
        Decision(
            "ST4",
            f"While you are {state} the strength block stays, keeping pain ≤ {settings.st4_pain_max}/10.",
            "literature",
        )
    )
    return tuple(kept), tuple(decisions)

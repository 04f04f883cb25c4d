"""The physio report: per ISO week what was run and lifted, how it hurt and what the coach decided, so that a
runner can show a clinician pain against load in one page, link or PDF.

Numbers stay in metres and seconds, as in the rest of the API; the page and the PDF convert them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import mean
from typing import Any

from sqlalchemy import select

from runner_app.coach.model import HARD_RUN_KINDS, Assessment
from runner_app.coach.strength import strength_sessions_allowed
from runner_app.coach.text import metres_per_unit
from runner_app.extensions import db
from runner_app.models import Clearance, CrossTraining, PainEntry, Plan, Run, StrengthSession
from runner_app.services import coach, profile, report_events
from runner_app.services.schemas import Invalid

DEFAULT_WEEKS = 8
MAX_RANGE_DAYS = 2 * 366  # "at most two years"
DISCLAIMER = (
    "Training guidance, not medical advice. The figures are what the runner logged; the coach's decisions "
    "follow the rules it was given and are no diagnosis."
)
RUN_CONTEXTS = ("during_run", "after_run")
STATES = ("green", "amber", "red", "refer_urgent")


@dataclass(frozen=True)
class Period:
    start: date
    end: date


def period(start: date | None, end: date | None, today: date) -> Period:
    """The report's dates: by default the 8 ISO weeks up to today (this one included, from its Monday).
    Invalid (naming `from`) for a range that runs backwards or is longer than two years."""
    end = end or today
    start = start or end - timedelta(days=end.weekday(), weeks=DEFAULT_WEEKS - 1)
    if start > end:
        raise Invalid({"from": ["must not be after `to`"]})
    if (end - start).days >= MAX_RANGE_DAYS:
        raise Invalid({"from": ["the report covers at most two years"]})
    return Period(start, end)


@dataclass
class _Week:
    start: date
    runs: list[Run] = field(default_factory=list)
    pains: list[PainEntry] = field(default_factory=list)
    strength: list[StrengthSession] = field(default_factory=list)
    cross: list[CrossTraining] = field(default_factory=list)
    days: list[Assessment] = field(default_factory=list)


def _rows(model: Any, user_id: int, start: date, end: date) -> list[Any]:
    stmt = select(model).where(
        model.user_id == user_id, model.deleted.is_(False), model.date >= start, model.date <= end
    )
    return list(db.session.scalars(stmt.order_by(model.date)))


def _profile(user_id: int) -> dict[str, Any] | None:
    """Where the runner said they were (api.md "Runner profile"), in metres, without the account's units."""
    row = profile.profile_row(user_id)
    if row is None:
        return None
    said = profile.profile_dict(row, "km")
    said.pop("units")
    return said


def profile_line(said: dict[str, Any] | None, units: str | None) -> str:
    """One line for a clinician: what the runner said on the profile's date, in the runner's units."""
    if not said:
        return ""
    per, unit = metres_per_unit(units), "mi" if units == "mi" else "km"
    parts = [f"{said['runs_per_week']} runs a week", f"{said['weekly_distance_m'] / per:.1f} {unit} a week"]
    if said["longest_run_m"] is not None:
        parts.append(f"longest run {said['longest_run_m'] / per:.1f} {unit}")
    if said["usual_morning_pain"] is not None:
        parts.append(f"usual morning pain {said['usual_morning_pain']}/10")
    race = said["recent_race"]
    if race:
        hours, rest = divmod(int(race["duration_s"]), 3600)
        time = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
        on = date.fromisoformat(race["date"])
        parts.append(f"a {race['distance_m'] / per:.1f} {unit} race in {time} on {on:%-d %b %Y}")
    return f"On {date.fromisoformat(said['as_of']):%-d %b %Y} the runner said: " + ", ".join(parts) + "."


def build(user_id: int, span: Period, units: str | None = "km") -> dict[str, Any]:
    """The report as a JSON-ready document."""
    first_monday = span.start - timedelta(days=span.start.weekday())
    weeks: dict[date, _Week] = {}
    monday = first_monday
    while monday <= span.end:
        weeks[monday] = _Week(monday)
        monday += timedelta(weeks=1)

    def week_of(day: date) -> _Week:
        return weeks[day - timedelta(days=day.weekday())]

    runs = _rows(Run, user_id, span.start, span.end)
    pains = _rows(PainEntry, user_id, span.start, span.end)
    cross = _rows(CrossTraining, user_id, span.start, span.end)
    lifted = _rows(StrengthSession, user_id, date(1900, 1, 1), span.end)  # progress is against all before
    for run in runs:
        week_of(run.date).runs.append(run)
    for pain in pains:
        week_of(pain.date).pains.append(pain)
    for session in cross:
        week_of(session.date).cross.append(session)
    for session in lifted:
        if session.date >= span.start:
            week_of(session.date).strength.append(session)
    days = coach.timeline(user_id, span.start - timedelta(days=1), span.end)
    for assessment in days[1:]:
        week_of(assessment.date).days.append(assessment)

    plan = db.session.scalar(select(Plan).where(Plan.user_id == user_id))
    race_date = plan.race_date if plan else None
    best = _Bests(s for s in lifted if s.date < first_monday)
    rows = []
    for week in sorted(weeks.values(), key=lambda w: w.start):
        rows.append(_week_document(week, span, race_date, best))
    return {
        "from": span.start.isoformat(),
        "to": span.end.isoformat(),
        "profile": _profile(user_id),
        "weeks": rows,
        "events": report_events.events(days, _rows(Clearance, user_id, span.start, span.end), units),
        "pain_by_shoe": report_events.pain_by_shoe(user_id, runs, pains),
        "pain_by_terrain": report_events.pain_by_terrain(runs, pains),
        "disclaimer": DISCLAIMER,
    }


def _week_document(week: _Week, span: Period, race_date: date | None, best: _Bests) -> dict[str, Any]:
    inside = [d for d in (week.start + timedelta(days=i) for i in range(7)) if span.start <= d <= span.end]
    states = dict.fromkeys(STATES, 0)
    for day in week.days:
        states[day.state] = states.get(day.state, 0) + 1
    return {
        "week_start": week.start.isoformat(),
        "week_end": (week.start + timedelta(days=6)).isoformat(),
        "days_in_range": len(inside),
        "distance_m": round(sum(r.distance_m for r in week.runs), 1),
        "runs": len(week.runs),
        "long_run_m": round(max((r.distance_m for r in week.runs), default=0.0), 1),
        "hard_sessions": sum(1 for r in week.runs if r.kind in HARD_RUN_KINDS),
        "time_on_feet_s": sum(r.duration_s for r in week.runs),
        "cross_training_min": round(sum(c.duration_s for c in week.cross) / 60),
        "strength": {
            "done": len(week.strength),
            "prescribed": strength_sessions_allowed(week.start, race_date),
            "progressed": best.progressed(week.strength),
        },
        "pain": _pain_table(week.pains),
        "mean_morning_pain": _mean([p.score for p in week.pains if p.context == "morning"]),
        "max_run_pain": max((p.score for p in week.pains if p.context in RUN_CONTEXTS), default=None),
        "flags": sorted({flag for p in week.pains for flag in (p.flags or ())}),
        "states": states,
        "rungs": sorted({r.rung for a in week.days for r in a.rungs}),
        "return_stages": sorted({a.return_stage for a in week.days if a.return_stage}),
    }


def _mean(scores: list[int]) -> float | None:
    return round(mean(scores), 1) if scores else None


def _pain_table(pains: list[PainEntry]) -> list[dict[str, Any]]:
    """Per location and side: mean and max morning pain, max pain on a run, and the worst by context."""
    grouped: dict[tuple[str, str], list[PainEntry]] = defaultdict(list)
    for pain in pains:
        grouped[(pain.location, pain.side)].append(pain)
    table = []
    for (location, side), found in sorted(grouped.items()):
        mornings = [p.score for p in found if p.context == "morning"]
        on_runs = [p.score for p in found if p.context in RUN_CONTEXTS]
        by_context: dict[str, int] = {}
        for p in found:
            by_context[p.context] = max(by_context.get(p.context, 0), p.score)
        table.append(
            {
                "location": location,
                "side": side,
                "morning_mean": _mean(mornings),
                "morning_max": max(mornings, default=None),
                "run_max": max(on_runs, default=None),
                "max_by_context": by_context,
            }
        )
    return table


class _Bests:
    """The best each exercise has been done so far (load, then reps, seconds or steps), to tell the weeks in
    which an exercise progressed."""

    def __init__(self, earlier: Iterable[StrengthSession]) -> None:
        self.best: dict[str, tuple[float, int]] = {}
        for session in earlier:
            self._record(session)

    @staticmethod
    def _effort(item: dict[str, Any]) -> tuple[float, int]:
        amount = item.get("reps") or item.get("seconds") or item.get("steps") or 0
        return float(item.get("load_kg") or 0.0), int(amount)

    def _record(self, session: StrengthSession) -> set[str]:
        beaten: set[str] = set()
        for item in session.sets or ():
            slug, effort = item.get("exercise", ""), self._effort(item)
            if slug in self.best and effort > self.best[slug]:
                beaten.add(slug)
            if slug not in self.best or effort > self.best[slug]:
                self.best[slug] = effort
        return beaten

    def progressed(self, sessions: Iterable[StrengthSession]) -> list[str]:
        beaten: set[str] = set()
        for session in sorted(sessions, key=lambda s: s.date):
            beaten |= self._record(session)
        return sorted(beaten)

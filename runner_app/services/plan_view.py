"""The plan pages' data: planned against done, and the coach's changes beside the original."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from runner_app.coach.model import RunEntry
from runner_app.planning.bending.adjust import AdjustedSession, adjust_week
from runner_app.planning.bending.outlook import outlook_guidance
from runner_app.planning.bending.planned_spikes import check_planned_spike
from runner_app.planning.model import PlannedSession, monday_of
from runner_app.services import coach, plans


@dataclass
class DayRow:
    date: date
    planned: PlannedSession | None
    adjusted: AdjustedSession | None  # only for today and later, when the coach bends the session
    done: list[RunEntry] = field(default_factory=list)


@dataclass
class WeekView:
    start: date
    days: list[DayRow]
    planned_m: float
    done_m: float
    phase: str | None


def weeks(user_id: int, today: date, start: date, count: int) -> list[WeekView]:
    """`count` plan weeks from the week of `start`, the coach's current guidance applied from today on."""
    first = monday_of(start)
    last = first + timedelta(days=7 * count - 1)
    sessions: dict[date, PlannedSession] = {s.date: s for s in plans.sessions_between(user_id, first, last)}
    logs = coach.day_logs(user_id, first, min(last, today))
    runs: dict[date, list[RunEntry]] = defaultdict(list)
    for day, log in logs.items():
        runs[day].extend(log.runs)
    assessment = coach.assessment_on(user_id, today) if last >= today else None
    out: list[WeekView] = []
    for w in range(count):
        week_start = first + timedelta(days=7 * w)
        week_sessions = [
            s for d, s in sorted(sessions.items()) if week_start <= d < week_start + timedelta(days=7)
        ]
        bent: dict[date, AdjustedSession] = {}
        if assessment is not None and any(s.date >= today for s in week_sessions):
            # Today as the coach says today; the days ahead with what lasts (the steps, an open red flag).
            for guidance, on_day in ((assessment.guidance, True), (outlook_guidance(assessment), False)):
                adjusted = adjust_week(
                    week_sessions,
                    guidance,
                    assessment.rungs,
                    return_stage=assessment.return_stage if on_day else None,
                )
                if on_day:  # today's run as Today shows it, S2's refusal included
                    adjusted = [
                        check_planned_spike(a, guidance)[0] if a.original.date == today else a
                        for a in adjusted
                    ]
                bent.update(
                    {
                        a.original.date: a
                        for a in adjusted
                        if a.changed and (a.original.date == today) == on_day and a.original.date >= today
                    }
                )
        rows = [
            DayRow(day, sessions.get(day), bent.get(day), runs.get(day, []))
            for day in (week_start + timedelta(days=offset) for offset in range(7))
        ]
        planned_m = sum(r.planned.distance_m for r in rows if r.planned and r.planned.kind != "race")
        done_m = sum(run.distance_m for r in rows for run in r.done)
        phase = next((r.planned.phase for r in rows if r.planned), None)
        out.append(WeekView(week_start, rows, planned_m, done_m, phase))
    return out


def all_weeks(user_id: int, today: date) -> list[WeekView]:
    plan = plans.plan_of(user_id)
    if plan is None:
        return []
    count = (monday_of(plan.race_date) - monday_of(plan.start_date)).days // 7 + 1
    return weeks(user_id, today, plan.start_date, count)

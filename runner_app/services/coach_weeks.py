"""The coach page's compact view: per ISO week, morning pain against the steps that were active."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean

from runner_app.coach.model import Assessment
from runner_app.services import coach


@dataclass(frozen=True)
class WeekRow:
    start: date
    days: tuple[Assessment, ...]
    mean_morning_pain: float | None
    max_run_pain: int | None
    rungs: tuple[str, ...]
    worst_state: str
    distance_m: float


_ORDER = ("green", "amber", "red", "refer_urgent")


def weeks(user_id: int, until: date, count: int) -> list[WeekRow]:
    """`count` ISO weeks ending with the week of `until`, newest first."""
    last_monday = until - timedelta(days=until.weekday())
    first = last_monday - timedelta(weeks=count - 1)
    days = coach.timeline(user_id, first, until)
    logs = coach.day_logs(user_id, first, until)
    rows: list[WeekRow] = []
    for i in range(count):
        start = first + timedelta(weeks=i)
        week_days = tuple(a for a in days if start <= a.date < start + timedelta(days=7))
        week_logs = [logs[d] for d in logs if start <= d < start + timedelta(days=7)]
        mornings = [p.score for log in week_logs for p in log.pains if p.context == "morning"]
        run_pains = [
            p.score for log in week_logs for p in log.pains if p.context in ("during_run", "after_run")
        ]
        rungs = sorted({r.rung for a in week_days for r in a.rungs})
        worst = max((a.state for a in week_days), key=_ORDER.index, default="green")
        rows.append(
            WeekRow(
                start,
                week_days,
                round(mean(mornings), 1) if mornings else None,
                max(run_pains) if run_pains else None,
                tuple(rungs),
                worst,
                sum(r.distance_m for log in week_logs for r in log.runs),
            )
        )
    return list(reversed(rows))

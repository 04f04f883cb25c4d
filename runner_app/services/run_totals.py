"""Distance, time and runs a week, a month or a year: the figures behind History's totals and chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sqlalchemy import select

from runner_app.extensions import db
from runner_app.models import Run

Period = Literal["week", "month", "year"]
PERIODS: tuple[Period, ...] = ("week", "month", "year")


@dataclass(frozen=True)
class Total:
    start: date
    distance_m: float
    duration_s: int
    runs: int


def period_start(day: date, period: Period) -> date:
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _previous(start: date, period: Period) -> date:
    if period == "week":
        return start - timedelta(weeks=1)
    if period == "month":
        return (start - timedelta(days=1)).replace(day=1)
    return start.replace(year=start.year - 1)


def totals(user_id: int, period: Period, until: date, count: int) -> list[Total]:
    """The last `count` periods up to `until`, oldest first, empty ones included."""
    starts = [period_start(until, period)]
    for _ in range(count - 1):
        starts.append(_previous(starts[-1], period))
    starts.reverse()
    stmt = select(Run.date, Run.distance_m, Run.duration_s).where(
        Run.user_id == user_id, Run.deleted.is_(False), Run.date >= starts[0], Run.date <= until
    )
    sums = {start: [0.0, 0, 0] for start in starts}
    for day, metres, seconds in db.session.execute(stmt):
        bucket = sums[period_start(day, period)]
        bucket[0] += metres
        bucket[1] += seconds
        bucket[2] += 1
    return [Total(start, float(s[0]), int(s[1]), int(s[2])) for start, s in sums.items()]

"""The history page's data: a runner's entries grouped by ISO week, newest first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from runner_app.extensions import db
from runner_app.services.entry_kinds import KINDS, LOGGED_KINDS


@dataclass
class Week:
    start: date
    items: list[tuple[str, Any]] = field(default_factory=list)  # (kind, entry), newest first
    run_pain: dict[Any, Any] = field(default_factory=dict)  # run id -> pain felt during that run
    distance_m: float = 0.0
    runs: int = 0
    strength: int = 0

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)


def weeks_of(user_id: int, *, until: date, count: int, since: date | None = None) -> list[Week]:
    """`count` ISO weeks ending with the week holding `until`, each with its entries and totals. With `since`,
    only the entries from `since` to `until` (a month's days) count, weeks straddling it included."""
    last_monday = until - timedelta(days=until.weekday())
    first = last_monday - timedelta(weeks=count - 1)
    low, high = (since, until) if since else (first, last_monday + timedelta(days=6))
    weeks = {first + timedelta(weeks=i): Week(first + timedelta(weeks=i)) for i in range(count)}
    for kind in LOGGED_KINDS:
        model: Any = KINDS[kind].model
        stmt = select(model).where(
            model.user_id == user_id,
            model.deleted.is_(False),
            model.date >= low,
            model.date <= high,
        )
        for entry in db.session.scalars(stmt):
            week = weeks[entry.date - timedelta(days=entry.date.weekday())]
            week.items.append((kind, entry))
            if kind == "runs":
                week.distance_m += entry.distance_m
                week.runs += 1
            elif kind == "strength":
                week.strength += 1
    for week in weeks.values():
        _attach_run_pain(week)
        week.items.sort(key=lambda item: (item[1].date, item[1].created_at), reverse=True)
    return sorted(weeks.values(), key=lambda w: w.start, reverse=True)


def _attach_run_pain(week: Week) -> None:
    """Show the pain logged on the run form beside its run rather than as an entry of its own."""
    runs = {entry.id for kind, entry in week.items if kind == "runs"}
    kept = []
    for kind, entry in week.items:
        if kind == "pain" and entry.context == "during_run" and entry.run_id in runs:
            week.run_pain.setdefault(entry.run_id, entry)
        else:
            kept.append((kind, entry))
    week.items = kept

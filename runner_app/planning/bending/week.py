"""The bends that are decided per week, not per day: which run C2 swaps for low-impact work, which session C1
makes easy (the hardest of the week), and which quality sessions a return stage still holds back (R4: none
allowed, R5: one a week).

Each choice depends only on the week's planned sessions, so it is the same whichever day it is asked on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from runner_app.coach.model import Rung, RunGuidance
from runner_app.planning.model import QUALITY_KINDS, PlannedSession, monday_of

# How hard a quality session is, to find "the hardest planned session each week" (C1).
INTENSITY: dict[str, int] = {"intervals": 3, "hills": 2, "tempo": 1}


@dataclass(frozen=True)
class WeekBends:
    swapped: frozenset[str] = frozenset()  # C2: session ids that become low-impact work of the same duration
    eased: frozenset[str] = frozenset()  # C1: the hardest session, run easy
    held_back: frozenset[str] = (
        frozenset()
    )  # R4/R5: quality sessions beyond the stage's weekly limit, run easy


def _since(rungs: Sequence[Rung], rung_id: str) -> date | None:
    return next((rung.since for rung in rungs if rung.rung == rung_id), None)


def same_week(sessions: Sequence[PlannedSession], day: date) -> list[PlannedSession]:
    monday = monday_of(day)
    return sorted((s for s in sessions if monday_of(s.date) == monday), key=lambda s: (s.date, s.id))


def week_bends(
    week: Sequence[PlannedSession], guidance: RunGuidance, rungs: Sequence[Rung] = ()
) -> WeekBends:
    """The week-level choices for one ISO week's sessions (`week` holds that week only)."""
    runs = [s for s in sorted(week, key=lambda s: (s.date, s.id)) if s.is_run and s.kind != "race"]
    swapped: list[str] = []
    if guidance.low_impact_swaps_per_week > 0:
        since = _since(rungs, "C2")
        # C2: an easy run first (the long run and the quality work keep their purpose), from the rung's start
        candidates = [s for s in runs if s.kind != "long" and (since is None or s.date >= since)]
        candidates.sort(key=lambda s: (s.kind in QUALITY_KINDS, s.date))
        swapped = [s.id for s in candidates[: guidance.low_impact_swaps_per_week]]
    quality = [s for s in runs if s.kind in QUALITY_KINDS and s.id not in swapped]
    eased: frozenset[str] = frozenset()
    if quality and (_since(rungs, "C1") is not None or guidance.easy_pace_slower_pct is not None):
        hardest = max(quality, key=lambda s: (INTENSITY[s.kind], s.distance_m, -s.date.toordinal()))
        eased = frozenset({hardest.id})
    limit = guidance.max_quality_sessions_per_week
    held_back = frozenset(s.id for s in quality[limit:]) if limit is not None else frozenset()
    return WeekBends(frozenset(swapped), eased, held_back)
